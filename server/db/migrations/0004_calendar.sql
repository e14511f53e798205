CREATE TABLE "calendar_day" (
	"region_code" text COLLATE "C" NOT NULL,
	"day" date NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "calendar_day_region_code_day_source_pk" PRIMARY KEY("region_code","day","source"),
	CONSTRAINT "calendar_day_kind" CHECK ("calendar_day"."kind" in ('holiday', 'workday')),
	CONSTRAINT "calendar_day_source" CHECK ("calendar_day"."source" in ('official', 'local'))
);
