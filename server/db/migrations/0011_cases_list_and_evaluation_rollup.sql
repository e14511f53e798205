CREATE TABLE "cases_evaluation_month" (
	"region_code" text COLLATE "C" NOT NULL,
	"month" date NOT NULL,
	"township_code" text COLLATE "C" NOT NULL,
	"department" text NOT NULL,
	"category_code" text NOT NULL,
	"reported" integer DEFAULT 0 NOT NULL,
	"registered" integer DEFAULT 0 NOT NULL,
	"due" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"closed_on_time" integer DEFAULT 0 NOT NULL,
	"reworked" integer DEFAULT 0 NOT NULL,
	"timed" integer DEFAULT 0 NOT NULL,
	"handling_minutes" double precision DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfaction_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cases_evaluation_month_pk" PRIMARY KEY("region_code","month","township_code","department","category_code")
);
--> statement-breakpoint
DROP INDEX "cases_case_status_idx";--> statement-breakpoint
ALTER TABLE "cases_case" ADD COLUMN "handling_minutes" double precision;--> statement-breakpoint
CREATE INDEX "cases_case_status_category_idx" ON "cases_case" USING btree ("region_code","status","category_code","reported_at","location_code");--> statement-breakpoint
CREATE INDEX "cases_case_reporter_idx" ON "cases_case" USING btree ("region_code","reporter_user_id","reported_at","location_code") WHERE "cases_case"."reporter_user_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_case_unclocked_idx" ON "cases_case" USING btree ("region_code") WHERE "cases_case"."handled_at" is not null and "cases_case"."dispatched_at" is not null and "cases_case"."handling_minutes" is null;--> statement-breakpoint
CREATE INDEX "cases_case_status_idx" ON "cases_case" USING btree ("region_code","status","reported_at","location_code");--> statement-breakpoint
-- 综合评价 month rollup (cases_evaluation_month): what one case row adds, kept by a trigger in the same
-- statement as the case change, so the rollup always equals a recount of the rows (DESIGN rule 8).
CREATE FUNCTION cases_evaluation_rows(c cases_case)
RETURNS TABLE (month date, township_code text, department text, category_code text, reported int, registered int, due int,
  closed int, closed_on_time int, reworked int, timed int, handling_minutes float8, rated int, satisfaction_sum int)
LANGUAGE sql IMMUTABLE AS $$
  select date_trunc('month', (c.reported_at at time zone 'UTC') + interval '8 hours')::date, c.township_code, coalesce(c.department, ''), c.category_code,
    1, 0, 0, 0, 0, 0, 0, 0::float8, 0, 0
  union all
  select date_trunc('month', (c.registered_at at time zone 'UTC') + interval '8 hours')::date, c.township_code, coalesce(c.department, ''), c.category_code,
    0, 1, 0, 0, 0, 0, 0, 0::float8, 0, 0
  where c.registered_at is not null
  union all
  select date_trunc('month', (least(c.handle_due_at, c.closed_at) at time zone 'UTC') + interval '8 hours')::date, c.township_code, coalesce(c.department, ''), c.category_code,
    0, 0, 1,
    (c.status = 'closed')::int,
    (c.status = 'closed' and coalesce(c.closed_on_time, false))::int,
    (c.status = 'closed' and c.rework_count > 0)::int,
    (c.status = 'closed' and c.handling_minutes is not null)::int,
    case when c.status = 'closed' then coalesce(c.handling_minutes, 0) else 0 end,
    (c.status = 'closed' and c.satisfaction is not null)::int,
    case when c.status = 'closed' then coalesce(c.satisfaction, 0) else 0 end
  where c.handle_due_at is not null
$$;
--> statement-breakpoint
-- Old row out, new row in, netted per key; keys in order, so two transactions lock rollup rows in one order.
CREATE FUNCTION cases_evaluation_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cases_evaluation_month AS m (region_code, month, township_code, department, category_code, reported, registered, due,
    closed, closed_on_time, reworked, timed, handling_minutes, rated, satisfaction_sum)
  SELECT d.region_code, d.month, d.township_code, d.department, d.category_code, sum(d.reported), sum(d.registered), sum(d.due),
    sum(d.closed), sum(d.closed_on_time), sum(d.reworked), sum(d.timed), sum(d.handling_minutes), sum(d.rated), sum(d.satisfaction_sum)
  FROM (
    SELECT NEW.region_code AS region_code, r.* FROM cases_evaluation_rows(NEW) r WHERE TG_OP <> 'DELETE'
    UNION ALL
    SELECT OLD.region_code, r.month, r.township_code, r.department, r.category_code, -r.reported, -r.registered, -r.due, -r.closed,
      -r.closed_on_time, -r.reworked, -r.timed, -r.handling_minutes, -r.rated, -r.satisfaction_sum
    FROM cases_evaluation_rows(OLD) r WHERE TG_OP <> 'INSERT'
  ) d
  GROUP BY d.region_code, d.month, d.township_code, d.department, d.category_code
  HAVING sum(d.reported) <> 0 OR sum(d.registered) <> 0 OR sum(d.due) <> 0 OR sum(d.closed) <> 0 OR sum(d.closed_on_time) <> 0
    OR sum(d.reworked) <> 0 OR sum(d.timed) <> 0 OR sum(d.handling_minutes) <> 0 OR sum(d.rated) <> 0 OR sum(d.satisfaction_sum) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (region_code, month, township_code, department, category_code) DO UPDATE SET
    reported = m.reported + excluded.reported, registered = m.registered + excluded.registered, due = m.due + excluded.due,
    closed = m.closed + excluded.closed, closed_on_time = m.closed_on_time + excluded.closed_on_time, reworked = m.reworked + excluded.reworked,
    timed = m.timed + excluded.timed, handling_minutes = m.handling_minutes + excluded.handling_minutes, rated = m.rated + excluded.rated,
    satisfaction_sum = m.satisfaction_sum + excluded.satisfaction_sum;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cases_evaluation_track AFTER INSERT OR UPDATE OR DELETE ON cases_case
  FOR EACH ROW EXECUTE FUNCTION cases_evaluation_track();
--> statement-breakpoint
-- The same figures recounted from the rows in one pass per event (no per-row function call: a rebuild
-- reads a million cases): for bulk loads that turned the trigger off, for the rows already here, and for
-- the test that holds the trigger to it.
CREATE FUNCTION cases_evaluation_recount(region text)
RETURNS TABLE (month date, township_code text, department text, category_code text, reported int, registered int, due int,
  closed int, closed_on_time int, reworked int, timed int, handling_minutes float8, rated int, satisfaction_sum int)
LANGUAGE sql STABLE AS $$
  select e.month, e.township_code, e.department, e.category_code, sum(e.reported)::int, sum(e.registered)::int, sum(e.due)::int,
    sum(e.closed)::int, sum(e.closed_on_time)::int, sum(e.reworked)::int, sum(e.timed)::int, sum(e.handling_minutes)::float8,
    sum(e.rated)::int, sum(e.satisfaction_sum)::int
  from (
    select date_trunc('month', (c.reported_at at time zone 'UTC') + interval '8 hours')::date as month, c.township_code,
      coalesce(c.department, '') as department, c.category_code, 1 as reported, 0 as registered, 0 as due, 0 as closed, 0 as closed_on_time,
      0 as reworked, 0 as timed, 0::float8 as handling_minutes, 0 as rated, 0 as satisfaction_sum
    from cases_case c where c.region_code = region
    union all
    select date_trunc('month', (c.registered_at at time zone 'UTC') + interval '8 hours')::date, c.township_code, coalesce(c.department, ''),
      c.category_code, 0, 1, 0, 0, 0, 0, 0, 0::float8, 0, 0
    from cases_case c where c.region_code = region and c.registered_at is not null
    union all
    select date_trunc('month', (least(c.handle_due_at, c.closed_at) at time zone 'UTC') + interval '8 hours')::date, c.township_code,
      coalesce(c.department, ''), c.category_code, 0, 0, 1,
      (c.status = 'closed')::int,
      (c.status = 'closed' and coalesce(c.closed_on_time, false))::int,
      (c.status = 'closed' and c.rework_count > 0)::int,
      (c.status = 'closed' and c.handling_minutes is not null)::int,
      case when c.status = 'closed' then coalesce(c.handling_minutes, 0) else 0 end,
      (c.status = 'closed' and c.satisfaction is not null)::int,
      case when c.status = 'closed' then coalesce(c.satisfaction, 0) else 0 end
    from cases_case c where c.region_code = region and c.handle_due_at is not null
  ) e
  group by 1, 2, 3, 4
$$;
--> statement-breakpoint
CREATE FUNCTION cases_evaluation_rebuild(region text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM cases_evaluation_month WHERE region_code = region;
  INSERT INTO cases_evaluation_month (region_code, month, township_code, department, category_code, reported, registered, due,
    closed, closed_on_time, reworked, timed, handling_minutes, rated, satisfaction_sum)
  SELECT region, r.* FROM cases_evaluation_recount(region) r;
$$;
--> statement-breakpoint
SELECT cases_evaluation_rebuild(region_code) FROM (SELECT DISTINCT region_code FROM cases_case) r;
