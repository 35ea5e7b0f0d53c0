-- Schema 6 (PostgreSQL): the running totals per staff member keyed by day first.
--
-- Schema 5 keyed stats_case_day and stats_eval_staff by staff member, then
-- day, and bb-stats looked up each staff member's range of days. Every
-- lookup still walked each staff member's key, and a database with many
-- staff members and years of history paid for all of it. Keyed by day
-- first, a year is one range of the key, summed in one pass, as the other
-- stats_* tables already are.
--
-- Each table is made anew with the rows copied in day order (so a range of
-- days sits on neighbouring pages) and renamed into place; the trigger
-- functions of schema 5 name the tables and find the new ones (their ON
-- CONFLICT targets name the same columns, in any order).

-- A workstation still on schema 5 may write running totals meanwhile: hold
-- both tables until they are replaced, so that no change lands in a table
-- about to be dropped.
LOCK TABLE stats_case_day, stats_eval_staff IN EXCLUSIVE MODE;

CREATE TABLE stats_case_day_new (
  day      BIGINT NOT NULL,
  what     INTEGER NOT NULL,
  staff_id BIGINT NOT NULL,
  n        INTEGER NOT NULL,
  CONSTRAINT stats_case_day_day_pkey PRIMARY KEY (day, what, staff_id)
) WITH (fillfactor = 50);
INSERT INTO stats_case_day_new (day, what, staff_id, n)
  SELECT day, what, staff_id, n FROM stats_case_day ORDER BY day, what, staff_id;
DROP TABLE stats_case_day;
ALTER TABLE stats_case_day_new RENAME TO stats_case_day;
ALTER INDEX stats_case_day_day_pkey RENAME TO stats_case_day_pkey;

CREATE TABLE stats_eval_staff_new (
  day      BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  level    INTEGER NOT NULL,
  n        INTEGER NOT NULL,
  CONSTRAINT stats_eval_staff_day_pkey PRIMARY KEY (day, staff_id, level)
) WITH (fillfactor = 50);
INSERT INTO stats_eval_staff_new (day, staff_id, level, n)
  SELECT day, staff_id, level, n FROM stats_eval_staff ORDER BY day, staff_id, level;
DROP TABLE stats_eval_staff;
ALTER TABLE stats_eval_staff_new RENAME TO stats_eval_staff;
ALTER INDEX stats_eval_staff_day_pkey RENAME TO stats_eval_staff_pkey;

ANALYZE stats_case_day;
ANALYZE stats_eval_staff;
