CREATE TABLE "audit_archive" (
	"region_code" text COLLATE "C" NOT NULL,
	"id" uuid NOT NULL,
	"from_seq" bigint NOT NULL,
	"to_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"row_count" bigint NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"archived_at" timestamp with time zone NOT NULL,
	"archived_by" text,
	CONSTRAINT "audit_archive_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"region_code" text COLLATE "C" PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"region_code" text COLLATE "C" NOT NULL,
	"seq" bigint NOT NULL,
	"id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"actor_roles" jsonb NOT NULL,
	"session_id" text,
	"request_id" text,
	"source_ip" text,
	"user_agent" text,
	"event_type" text NOT NULL,
	"object_type" text,
	"object_id" text,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"reason_code" text,
	"details" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_event_region_code_seq_pk" PRIMARY KEY("region_code","seq")
);
--> statement-breakpoint
CREATE TABLE "api_key" (
	"region_code" text COLLATE "C" NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"key_prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"permissions" jsonb NOT NULL,
	"scope_region" text COLLATE "C" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_key_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "app_role" (
	"region_code" text COLLATE "C" NOT NULL,
	"key" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"permissions" jsonb NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"admin_kind" text,
	"requires_mfa" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_role_region_code_key_pk" PRIMARY KEY("region_code","key")
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"region_code" text COLLATE "C" NOT NULL,
	"id" uuid NOT NULL,
	"login_id" text NOT NULL,
	"login_key" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"password_changed_at" timestamp with time zone,
	"password_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"mfa_secret_enc" text,
	"mfa_enabled_at" timestamp with time zone,
	"mfa_last_step" bigint,
	"scope_region" text COLLATE "C" NOT NULL,
	"department" text,
	"phone_enc" text,
	"phone_hmac" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "app_user_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"region_code" text COLLATE "C" NOT NULL,
	"source_ip" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer NOT NULL,
	CONSTRAINT "login_throttle_region_code_source_ip_pk" PRIMARY KEY("region_code","source_ip")
);
--> statement-breakpoint
CREATE TABLE "user_role" (
	"region_code" text COLLATE "C" NOT NULL,
	"user_id" uuid NOT NULL,
	"role_key" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_role_region_code_user_id_role_key_pk" PRIMARY KEY("region_code","user_id","role_key")
);
--> statement-breakpoint
CREATE TABLE "user_session" (
	"region_code" text COLLATE "C" NOT NULL,
	"token_hash" text NOT NULL,
	"public_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"mfa_passed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"idle_minutes" integer NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"source_ip" text,
	"user_agent" text,
	CONSTRAINT "user_session_region_code_token_hash_pk" PRIMARY KEY("region_code","token_hash")
);
--> statement-breakpoint
CREATE INDEX "audit_event_time_idx" ON "audit_event" USING btree ("region_code","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_event_type_idx" ON "audit_event" USING btree ("region_code","event_type","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_event_actor_idx" ON "audit_event" USING btree ("region_code","actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_event_object_idx" ON "audit_event" USING btree ("region_code","object_type","object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_key_prefix_uq" ON "api_key" USING btree ("region_code","key_prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_login_key_uq" ON "app_user" USING btree ("region_code","login_key");--> statement-breakpoint
CREATE INDEX "app_user_phone_hmac_idx" ON "app_user" USING btree ("region_code","phone_hmac");--> statement-breakpoint
CREATE UNIQUE INDEX "user_session_public_id_uq" ON "user_session" USING btree ("region_code","public_id");--> statement-breakpoint
CREATE INDEX "user_session_user_idx" ON "user_session" USING btree ("region_code","user_id");