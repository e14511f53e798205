-- The audit trail is append-only (AUD-03, 等保 L3-CES1-14). UPDATE and TRUNCATE are always refused. DELETE is
-- refused too, except for the retention purge: it must declare itself (SET LOCAL wenming.audit_purge = 'on')
-- and may only remove rows older than the legal minimum of 180 days (网络安全法 Art. 21(3), now Art. 23(3)).
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('wenming.audit_purge', true) = 'on'
     AND OLD.occurred_at < now() - interval '180 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
