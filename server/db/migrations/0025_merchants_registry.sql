CREATE SEQUENCE "public"."merchants_merchant_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "merchants_merchant" (
	"region_code" text COLLATE "C" NOT NULL,
	"id" uuid NOT NULL,
	"merchant_no" text DEFAULT ('SH' || lpad(nextval('merchants_merchant_no_seq')::text, 6, '0')) NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"licence_no" text,
	"kind" text NOT NULL,
	"market_stall" boolean DEFAULT false NOT NULL,
	"market_id" uuid,
	"school_surroundings" boolean DEFAULT false NOT NULL,
	"supervised" boolean DEFAULT false NOT NULL,
	"risk_grade" text,
	"status" text DEFAULT 'open' NOT NULL,
	"address" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"location_code" text COLLATE "C" NOT NULL,
	"township_code" text COLLATE "C" NOT NULL,
	"grid_code" text,
	"operator_name_enc" text NOT NULL,
	"operator_phone_enc" text,
	"operator_phone_hmac" text,
	"frontage_dm" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"revision" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "merchants_merchant_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "merchants_merchant_identity" CHECK ("merchants_merchant"."credit_code" is not null or "merchants_merchant"."licence_no" is not null),
	CONSTRAINT "merchants_merchant_point" CHECK (("merchants_merchant"."lng" is null) = ("merchants_merchant"."lat" is null)),
	CONSTRAINT "merchants_merchant_lng" CHECK ("merchants_merchant"."lng" between -180 and 180),
	CONSTRAINT "merchants_merchant_lat" CHECK ("merchants_merchant"."lat" between -90 and 90),
	CONSTRAINT "merchants_merchant_frontage" CHECK ("merchants_merchant"."frontage_dm" is null or "merchants_merchant"."frontage_dm" > 0),
	CONSTRAINT "merchants_merchant_stall" CHECK ("merchants_merchant"."market_id" is null or "merchants_merchant"."market_stall")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_merchant_no_uq" ON "merchants_merchant" USING btree ("region_code","merchant_no");--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_merchant_credit_uq" ON "merchants_merchant" USING btree ("region_code","credit_code") WHERE "merchants_merchant"."credit_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_merchant_licence_uq" ON "merchants_merchant" USING btree ("region_code","licence_no") WHERE "merchants_merchant"."licence_no" is not null;--> statement-breakpoint
CREATE INDEX "merchants_merchant_township_idx" ON "merchants_merchant" USING btree ("region_code","township_code","kind","location_code");--> statement-breakpoint
CREATE INDEX "merchants_merchant_location_idx" ON "merchants_merchant" USING btree ("region_code","location_code");--> statement-breakpoint
CREATE INDEX "merchants_merchant_name_idx" ON "merchants_merchant" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "merchants_merchant_place_idx" ON "merchants_merchant" USING btree ("region_code","lng","lat") WHERE "merchants_merchant"."lng" is not null;--> statement-breakpoint
CREATE INDEX "merchants_merchant_phone_idx" ON "merchants_merchant" USING btree ("region_code","operator_phone_hmac") WHERE "merchants_merchant"."operator_phone_hmac" is not null;