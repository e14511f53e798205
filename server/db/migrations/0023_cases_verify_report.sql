ALTER TABLE "cases_stage_limit" DROP CONSTRAINT "cases_stage_limit_stage";--> statement-breakpoint
DROP INDEX "cases_case_open_place_idx";--> statement-breakpoint
CREATE INDEX "cases_case_open_place_idx" ON "cases_case" USING btree ("region_code","category_code","lat","lng") WHERE "cases_case"."status" in ('reported', 'verifying', 'registered', 'dispatched', 'handling', 'handled');--> statement-breakpoint
ALTER TABLE "cases_stage_limit" ADD CONSTRAINT "cases_stage_limit_stage" CHECK ("cases_stage_limit"."stage" in ('register', 'verify_report', 'dispatch', 'handle', 'verify', 'close'));