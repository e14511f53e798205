-- A county's audit trail becomes AUDIT_CHAINS hash chains side by side (platform/audit/chain-head.ts), so audited
-- writes no longer pass one head-row lock one at a time. Rows already written stay as they were hashed: chain 0,
-- prev_seq null (their predecessor is seq - 1). New seqs come from one sequence, continuing after the last row.
CREATE SEQUENCE "public"."audit_event_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
SELECT setval('"public"."audit_event_seq"', (SELECT coalesce(max("seq"), 0) + 1 FROM "audit_event"), false);--> statement-breakpoint
ALTER TABLE "audit_archive" ADD COLUMN "chain_heads" jsonb;--> statement-breakpoint
ALTER TABLE "audit_chain_head" ADD COLUMN "chain" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_chain_head" DROP CONSTRAINT "audit_chain_head_pkey";--> statement-breakpoint
ALTER TABLE "audit_chain_head" ADD CONSTRAINT "audit_chain_head_region_code_chain_pk" PRIMARY KEY("region_code","chain");--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "chain" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "prev_seq" bigint;
