CREATE TABLE "notify_cursor" (
	"region_code" text COLLATE "C" NOT NULL,
	"consumer" text NOT NULL,
	"last_event_id" bigint DEFAULT 0 NOT NULL,
	"failing_event_id" bigint,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notify_cursor_region_code_consumer_pk" PRIMARY KEY("region_code","consumer")
);
--> statement-breakpoint
CREATE TABLE "notify_inbox_item" (
	"region_code" text COLLATE "C" NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"params" jsonb NOT NULL,
	"object_type" text,
	"object_id" text,
	"link" text,
	"source_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"done_by" text,
	CONSTRAINT "notify_inbox_item_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
ALTER TABLE "cases_department" ADD COLUMN "head_user_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "notify_inbox_item_source_uq" ON "notify_inbox_item" USING btree ("region_code","user_id","source_key");--> statement-breakpoint
CREATE INDEX "notify_inbox_item_user_idx" ON "notify_inbox_item" USING btree ("region_code","user_id","created_at");--> statement-breakpoint
CREATE INDEX "notify_inbox_item_open_object_idx" ON "notify_inbox_item" USING btree ("region_code","object_type","object_id") WHERE "notify_inbox_item"."done_at" is null and "notify_inbox_item"."kind" = 'todo';