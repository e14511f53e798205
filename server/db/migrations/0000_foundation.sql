CREATE TABLE "app_setting" (
	"region_code" text COLLATE "C" NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_setting_region_code_key_pk" PRIMARY KEY("region_code","key")
);
--> statement-breakpoint
CREATE TABLE "region" (
	"code" text COLLATE "C" PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text COLLATE "C",
	"kind" text,
	"source" text NOT NULL,
	"depth" smallint NOT NULL,
	CONSTRAINT "region_code_digits" CHECK ("region"."code" ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$')
);
--> statement-breakpoint
CREATE INDEX "region_parent_idx" ON "region" USING btree ("parent_code");