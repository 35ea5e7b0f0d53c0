-- Schema 6 (SQLite): the running totals per staff member keyed by day first.
--
-- Schema 5 keyed stats_case_day and stats_eval_staff by staff member, then
-- day, and bb-stats looked up each staff member's range of days. Every
-- lookup still walked each staff member's key, and a database with many
-- staff members and years of history paid for all of it. Keyed by day
-- first, a year is one range of the key, summed in one pass, as the other
-- stats_* tables already are.
--
-- A WITHOUT ROWID table is stored in its primary key, so the key cannot be
-- changed in place: each table is copied aside, made anew and filled back.
-- The triggers of schema 5 name these tables and find the new ones (their
-- ON CONFLICT targets name the same columns, in any order).

CREATE TEMP TABLE stats_case_day_copy AS SELECT day, what, staff_id, n FROM main.stats_case_day;
DROP TABLE main.stats_case_day;
CREATE TABLE stats_case_day (
  day      BIGINT NOT NULL,
  what     INTEGER NOT NULL,
  staff_id BIGINT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (day, what, staff_id)
) WITHOUT ROWID;
INSERT INTO main.stats_case_day (day, what, staff_id, n)
  SELECT day, what, staff_id, n FROM temp.stats_case_day_copy ORDER BY day, what, staff_id;
DROP TABLE temp.stats_case_day_copy;

CREATE TEMP TABLE stats_eval_staff_copy AS SELECT day, staff_id, level, n FROM main.stats_eval_staff;
DROP TABLE main.stats_eval_staff;
CREATE TABLE stats_eval_staff (
  day      BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  level    INTEGER NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (day, staff_id, level)
) WITHOUT ROWID;
INSERT INTO main.stats_eval_staff (day, staff_id, level, n)
  SELECT day, staff_id, level, n FROM temp.stats_eval_staff_copy ORDER BY day, staff_id, level;
DROP TABLE temp.stats_eval_staff_copy;
