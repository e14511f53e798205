CREATE SEQUENCE "public"."merchants_agreement_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "merchants_agreement" (
	"region_code" text COLLATE "C" NOT NULL,
	"id" uuid NOT NULL,
	"agreement_no" text NOT NULL,
	"merchant_id" uuid NOT NULL,
	"template_version" integer NOT NULL,
	"title" text NOT NULL,
	"duties" jsonb NOT NULL,
	"clauses" jsonb NOT NULL,
	"zone_length_dm" integer NOT NULL,
	"zone_depth_dm" integer NOT NULL,
	"zone_description" text NOT NULL,
	"township_code" text COLLATE "C" NOT NULL,
	"village_code" text COLLATE "C" NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"status" text NOT NULL,
	"renews" uuid,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"signer_name_enc" text,
	"signature_kind" text,
	"signature_image" "bytea",
	"signature_sha256" text,
	"signature_width" integer,
	"signature_height" integer,
	"terminated_at" timestamp with time zone,
	"termination_reason" text,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "merchants_agreement_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "merchants_agreement_term" CHECK ("merchants_agreement"."term_end" >= "merchants_agreement"."term_start"),
	CONSTRAINT "merchants_agreement_zone" CHECK ("merchants_agreement"."zone_length_dm" > 0 and "merchants_agreement"."zone_depth_dm" > 0),
	CONSTRAINT "merchants_agreement_signed" CHECK (("merchants_agreement"."status" = 'draft') = ("merchants_agreement"."signed_at" is null) and ("merchants_agreement"."signed_at" is null) = ("merchants_agreement"."signature_image" is null))
);
--> statement-breakpoint
CREATE TABLE "merchants_agreement_template" (
	"region_code" text COLLATE "C" NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"duties" jsonb NOT NULL,
	"clauses" jsonb NOT NULL,
	"term_months" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"activated_at" timestamp with time zone,
	CONSTRAINT "merchants_agreement_template_region_code_version_pk" PRIMARY KEY("region_code","version"),
	CONSTRAINT "merchants_agreement_template_term" CHECK ("merchants_agreement_template"."term_months" between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "merchants_agreement" ADD CONSTRAINT "merchants_agreement_merchant_fk" FOREIGN KEY ("region_code","merchant_id") REFERENCES "public"."merchants_merchant"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_agreement_no_uq" ON "merchants_agreement" USING btree ("region_code","agreement_no");--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_agreement_one_draft_uq" ON "merchants_agreement" USING btree ("region_code","merchant_id") WHERE "merchants_agreement"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "merchants_agreement_merchant_idx" ON "merchants_agreement" USING btree ("region_code","merchant_id","term_end");--> statement-breakpoint
CREATE INDEX "merchants_agreement_expiry_idx" ON "merchants_agreement" USING btree ("region_code","term_end") WHERE "merchants_agreement"."status" = 'signed';--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_agreement_template_active_uq" ON "merchants_agreement_template" USING btree ("region_code") WHERE "merchants_agreement_template"."status" = 'active';