CREATE TABLE "cases_campaign_tag" (
	"region_code" text COLLATE "C" NOT NULL,
	"version" text NOT NULL,
	"tag_key" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"provisional_reason" text,
	CONSTRAINT "cases_campaign_tag_region_code_version_tag_key_pk" PRIMARY KEY("region_code","version","tag_key")
);
--> statement-breakpoint
CREATE TABLE "cases_campaign_tag_member" (
	"region_code" text COLLATE "C" NOT NULL,
	"version" text NOT NULL,
	"tag_key" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "cases_campaign_tag_member_region_code_version_tag_key_code_pk" PRIMARY KEY("region_code","version","tag_key","code")
);
--> statement-breakpoint
CREATE TABLE "cases_catalogue_version" (
	"region_code" text COLLATE "C" NOT NULL,
	"version" text NOT NULL,
	"standard_ref" text NOT NULL,
	"published_at" date NOT NULL,
	"source" text NOT NULL,
	"content_hash" text NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_catalogue_version_region_code_version_pk" PRIMARY KEY("region_code","version")
);
--> statement-breakpoint
CREATE TABLE "cases_category" (
	"region_code" text COLLATE "C" NOT NULL,
	"version" text NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"class_code" text NOT NULL,
	"class_title_zh" text NOT NULL,
	"class_title_en" text NOT NULL,
	"subclass_code" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"default_department" text,
	"measure_unit" text,
	"provisional" boolean DEFAULT false NOT NULL,
	"provisional_reason" text,
	"sort_order" integer NOT NULL,
	CONSTRAINT "cases_category_region_code_version_code_pk" PRIMARY KEY("region_code","version","code"),
	CONSTRAINT "cases_category_kind" CHECK ("cases_category"."kind" in ('event', 'component')),
	CONSTRAINT "cases_category_code" CHECK ("cases_category"."code" ~ '^[0-9]{5}$')
);
--> statement-breakpoint
CREATE TABLE "cases_legacy_code" (
	"region_code" text COLLATE "C" NOT NULL,
	"version" text NOT NULL,
	"legacy_code" text NOT NULL,
	"code" text NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"provisional_reason" text,
	CONSTRAINT "cases_legacy_code_region_code_version_legacy_code_pk" PRIMARY KEY("region_code","version","legacy_code")
);
--> statement-breakpoint
CREATE TABLE "cases_stage_limit" (
	"region_code" text COLLATE "C" NOT NULL,
	"version" text NOT NULL,
	"code" text NOT NULL,
	"stage" text NOT NULL,
	"step" text NOT NULL,
	"step_order" integer NOT NULL,
	"amount" numeric(6, 2) NOT NULL,
	"unit" text NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"provisional_reason" text,
	CONSTRAINT "cases_stage_limit_region_code_version_code_stage_step_pk" PRIMARY KEY("region_code","version","code","stage","step"),
	CONSTRAINT "cases_stage_limit_stage" CHECK ("cases_stage_limit"."stage" in ('register', 'dispatch', 'handle', 'verify', 'close')),
	CONSTRAINT "cases_stage_limit_unit" CHECK ("cases_stage_limit"."unit" in ('working_hours', 'working_days')),
	CONSTRAINT "cases_stage_limit_amount" CHECK ("cases_stage_limit"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "cases_campaign_tag" ADD CONSTRAINT "cases_campaign_tag_version_fk" FOREIGN KEY ("region_code","version") REFERENCES "public"."cases_catalogue_version"("region_code","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_campaign_tag_member" ADD CONSTRAINT "cases_campaign_tag_member_tag_fk" FOREIGN KEY ("region_code","version","tag_key") REFERENCES "public"."cases_campaign_tag"("region_code","version","tag_key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_campaign_tag_member" ADD CONSTRAINT "cases_campaign_tag_member_category_fk" FOREIGN KEY ("region_code","version","code") REFERENCES "public"."cases_category"("region_code","version","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_category" ADD CONSTRAINT "cases_category_version_fk" FOREIGN KEY ("region_code","version") REFERENCES "public"."cases_catalogue_version"("region_code","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_legacy_code" ADD CONSTRAINT "cases_legacy_code_category_fk" FOREIGN KEY ("region_code","version","code") REFERENCES "public"."cases_category"("region_code","version","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_stage_limit" ADD CONSTRAINT "cases_stage_limit_category_fk" FOREIGN KEY ("region_code","version","code") REFERENCES "public"."cases_category"("region_code","version","code") ON DELETE cascade ON UPDATE no action;