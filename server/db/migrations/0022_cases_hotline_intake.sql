ALTER TABLE "cases_case" ADD COLUMN "hotline_ticket_no" text;--> statement-breakpoint
ALTER TABLE "cases_case" ADD COLUMN "reporter_name_enc" text;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_case_hotline_ticket_uq" ON "cases_case" USING btree ("region_code","hotline_ticket_no") WHERE "cases_case"."hotline_ticket_no" is not null;