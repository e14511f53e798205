CREATE TABLE "imports_file_chunk" (
	"region_code" text COLLATE "C" NOT NULL,
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content_enc" text NOT NULL,
	CONSTRAINT "imports_file_chunk_region_code_run_id_seq_pk" PRIMARY KEY("region_code","run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "imports_handout" (
	"region_code" text COLLATE "C" NOT NULL,
	"run_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"label" text NOT NULL,
	"secret_enc" text NOT NULL,
	CONSTRAINT "imports_handout_region_code_run_id_row_number_pk" PRIMARY KEY("region_code","run_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "imports_row_error" (
	"region_code" text COLLATE "C" NOT NULL,
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"row_number" integer NOT NULL,
	"column" text,
	"code" text NOT NULL,
	"params" jsonb NOT NULL,
	"phase" text NOT NULL,
	CONSTRAINT "imports_row_error_region_code_run_id_seq_pk" PRIMARY KEY("region_code","run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "imports_row_key" (
	"region_code" text COLLATE "C" NOT NULL,
	"run_id" uuid NOT NULL,
	"key" text NOT NULL,
	"row_number" integer NOT NULL,
	CONSTRAINT "imports_row_key_region_code_run_id_key_pk" PRIMARY KEY("region_code","run_id","key")
);
--> statement-breakpoint
CREATE TABLE "imports_run" (
	"region_code" text COLLATE "C" NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid NOT NULL,
	"locale" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"file_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"status" text NOT NULL,
	"mode" text,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"committed_rows" integer DEFAULT 0 NOT NULL,
	"skipped_rows" integer DEFAULT 0 NOT NULL,
	"committed_through_row" integer DEFAULT 0 NOT NULL,
	"failure_code" text,
	"failure_params" jsonb,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "imports_run_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE INDEX "imports_row_error_row_idx" ON "imports_row_error" USING btree ("region_code","run_id","row_number");--> statement-breakpoint
CREATE INDEX "imports_run_status_idx" ON "imports_run" USING btree ("region_code","status","created_at");--> statement-breakpoint
CREATE INDEX "imports_run_owner_idx" ON "imports_run" USING btree ("region_code","created_by","created_at");