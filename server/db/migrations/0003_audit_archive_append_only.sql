-- The archive rows are the anchors chain verification starts from once old events are purged; forging or
-- moving one would hide a purge. They are append-only like the trail itself.
CREATE OR REPLACE FUNCTION audit_archive_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_archive is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_archive_no_change BEFORE UPDATE OR DELETE ON audit_archive
  FOR EACH ROW EXECUTE FUNCTION audit_archive_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_archive_no_truncate BEFORE TRUNCATE ON audit_archive
  FOR EACH STATEMENT EXECUTE FUNCTION audit_archive_append_only();
