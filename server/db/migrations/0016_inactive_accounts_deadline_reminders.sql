CREATE TABLE "cases_deadline_reminder" (
	"region_code" text COLLATE "C" NOT NULL,
	"case_id" bigint NOT NULL,
	"stage" text NOT NULL,
	"stage_started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_deadline_reminder_region_code_case_id_stage_stage_started_at_pk" PRIMARY KEY("region_code","case_id","stage","stage_started_at")
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "disabled_reason" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "inactivity_warned_at" timestamp with time zone;