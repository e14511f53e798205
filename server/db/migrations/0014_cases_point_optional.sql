ALTER TABLE "cases_case" ALTER COLUMN "lng" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases_case" ALTER COLUMN "lat" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases_case" ADD CONSTRAINT "cases_case_point" CHECK (("cases_case"."lng" is null) = ("cases_case"."lat" is null));