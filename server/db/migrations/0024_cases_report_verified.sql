ALTER TABLE "cases_case" ADD COLUMN "report_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases_case" ADD COLUMN "report_verified_on_time" boolean;--> statement-breakpoint
CREATE INDEX "cases_case_report_verified_idx" ON "cases_case" USING btree ("region_code","report_verified_at") WHERE "cases_case"."report_verified_at" is not null;