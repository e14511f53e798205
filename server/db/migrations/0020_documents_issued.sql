CREATE TABLE "documents_issued" (
	"region_code" text COLLATE "C" NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_ref" text NOT NULL,
	"content_sha256" text NOT NULL,
	"issuer_organ" text NOT NULL,
	"issuer_department" text,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"public_fields" jsonb NOT NULL,
	"status" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	CONSTRAINT "documents_issued_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "documents_issued_status" CHECK ("documents_issued"."status" in ('issued', 'revoked')),
	CONSTRAINT "documents_issued_revocation" CHECK (("documents_issued"."status" = 'revoked') = ("documents_issued"."revoked_at" is not null and "documents_issued"."revoke_reason" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "documents_issued_code_key" ON "documents_issued" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "documents_issued_subject_idx" ON "documents_issued" USING btree ("region_code","subject_type","subject_ref","kind","issued_at");