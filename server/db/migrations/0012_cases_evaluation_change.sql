CREATE TABLE "cases_evaluation_change" (
	"region_code" text COLLATE "C" NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "cases_evaluation_change_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
	CONSTRAINT "cases_evaluation_change_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
-- A case change appends its netted contributions here instead of adding them into cases_evaluation_month: the
-- upsert locked the month × township × department × category row until commit, so concurrent intakes of one
-- township and category waited for each other. Keys in order, as before.
CREATE OR REPLACE FUNCTION cases_evaluation_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cases_evaluation_change (region_code, month, township_code, department, category_code, reported, registered, due,
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
  ORDER BY 1, 2, 3, 4, 5;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Moves the county's changes into the month rollup in one statement (rows a concurrent fold took are skipped
-- once it commits); returns how many changes it moved. Readers see either the changes or their sum, never both.
CREATE FUNCTION cases_evaluation_fold(region text) RETURNS bigint LANGUAGE sql AS $$
  WITH moved AS (
    DELETE FROM cases_evaluation_change WHERE region_code = region RETURNING *
  ), summed AS (
    SELECT month, township_code, department, category_code, sum(reported) AS reported, sum(registered) AS registered, sum(due) AS due,
      sum(closed) AS closed, sum(closed_on_time) AS closed_on_time, sum(reworked) AS reworked, sum(timed) AS timed,
      sum(handling_minutes) AS handling_minutes, sum(rated) AS rated, sum(satisfaction_sum) AS satisfaction_sum, count(*) AS changes
    FROM moved GROUP BY 1, 2, 3, 4
  ), folded AS (
    INSERT INTO cases_evaluation_month AS m (region_code, month, township_code, department, category_code, reported, registered, due,
      closed, closed_on_time, reworked, timed, handling_minutes, rated, satisfaction_sum)
    SELECT region, month, township_code, department, category_code, reported, registered, due, closed, closed_on_time, reworked, timed,
      handling_minutes, rated, satisfaction_sum
    FROM summed ORDER BY 2, 3, 4, 5
    ON CONFLICT (region_code, month, township_code, department, category_code) DO UPDATE SET
      reported = m.reported + excluded.reported, registered = m.registered + excluded.registered, due = m.due + excluded.due,
      closed = m.closed + excluded.closed, closed_on_time = m.closed_on_time + excluded.closed_on_time, reworked = m.reworked + excluded.reworked,
      timed = m.timed + excluded.timed, handling_minutes = m.handling_minutes + excluded.handling_minutes, rated = m.rated + excluded.rated,
      satisfaction_sum = m.satisfaction_sum + excluded.satisfaction_sum
    RETURNING 1
  )
  SELECT coalesce(sum(changes), 0)::int8 FROM summed WHERE (SELECT count(*) FROM folded) >= 0;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_evaluation_rebuild(region text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM cases_evaluation_change WHERE region_code = region;
  DELETE FROM cases_evaluation_month WHERE region_code = region;
  INSERT INTO cases_evaluation_month (region_code, month, township_code, department, category_code, reported, registered, due,
    closed, closed_on_time, reworked, timed, handling_minutes, rated, satisfaction_sum)
  SELECT region, r.* FROM cases_evaluation_recount(region) r;
$$;
