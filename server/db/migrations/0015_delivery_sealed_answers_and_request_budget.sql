CREATE TABLE "request_budget" (
	"region_code" text COLLATE "C" NOT NULL,
	"subject" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"used" integer NOT NULL,
	CONSTRAINT "request_budget_region_code_subject_pk" PRIMARY KEY("region_code","subject")
);
--> statement-breakpoint
-- Stored answers were clear JSON, tracking codes included (issue #9, item 5); they now hold a sealed envelope.
-- The old ones only served retries of the last minutes: removed rather than carried over in clear.
DELETE FROM "idempotency_record";--> statement-breakpoint
ALTER TABLE "idempotency_record" ALTER COLUMN "response" SET DATA TYPE text;--> statement-breakpoint
CREATE INDEX "request_budget_window_idx" ON "request_budget" USING btree ("region_code","window_start");