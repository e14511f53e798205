CREATE TABLE "cases_photo_upload" (
	"region_code" text COLLATE "C" NOT NULL,
	"id" uuid NOT NULL,
	"owner_user_id" uuid,
	"secret_hash" text,
	"source_ip" text,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"thumbnail" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"exif_lng" double precision,
	"exif_lat" double precision,
	"taken_at" timestamp with time zone,
	"uploaded_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_photo_upload_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "cases_photo_upload_one_owner" CHECK (("cases_photo_upload"."owner_user_id" is null) <> ("cases_photo_upload"."secret_hash" is null))
);
--> statement-breakpoint
CREATE INDEX "cases_photo_upload_expiry_idx" ON "cases_photo_upload" USING btree ("region_code","expires_at");--> statement-breakpoint
CREATE INDEX "cases_photo_upload_source_idx" ON "cases_photo_upload" USING btree ("region_code","source_ip","uploaded_at") WHERE "cases_photo_upload"."source_ip" is not null;