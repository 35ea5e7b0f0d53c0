-- Schema 5 (PostgreSQL): running totals for the statistics (数据统计上报).
--
-- The statistics of a year over a million cases cannot be read from the
-- case table in the time a chart may take (bb-stats.c): these tables keep
-- the counts the statistics need per day, per staff member, matter,
-- category and level, and are kept exact by triggers on bb_case,
-- evaluation and client. Each trigger takes away what the row counted for
-- before and adds what it counts for after, in one statement per table,
-- keys in order (so that two writers lock the same rows in the same order).
--
-- A day is a day of the time zone of record: day = (instant + offset_us) /
-- 86400000000, with offset_us in stats_config (Asia/Shanghai, +08:00, has
-- no daylight saving). bb-stats reads the totals only when the offset of the
-- range asked for is this one, and reads the case table otherwise.
-- Keys have no NULLs: 0 stands for no staff member or no catalogue item,
-- '' for no matter or deadline. The totals per staff member are keyed by
-- staff member, then day: the statistics look up each one's range of days.
-- The others are keyed by day first: a range of days is read, not the
-- years before it.

-- The triggers update the same few rows over and over: half of each page is
-- left free for their new versions, so that updates stay on their page
-- (HOT) and autovacuum has little to clean. Counts are INTEGER, whose sums
-- PostgreSQL adds in bigint rather than numeric.

CREATE TABLE stats_config (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  offset_us BIGINT NOT NULL
);
INSERT INTO stats_config (id, offset_us) VALUES (1, 28800000000);

-- Cases registered (what = 1), accepted (2) and completed (3) per day and
-- responsible staff member.
CREATE TABLE stats_case_day (
  day      BIGINT NOT NULL,
  what     INTEGER NOT NULL,
  staff_id BIGINT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (staff_id, what, day)
) WITH (fillfactor = 50);

-- Completed cases per day of completion and day of acceptance (of
-- registration for 帮办), and whether they met their deadline (1), missed
-- it (0) or had none (2).
CREATE TABLE stats_completion (
  c_day BIGINT NOT NULL,
  a_day BIGINT NOT NULL,
  t     INTEGER NOT NULL,
  n     INTEGER NOT NULL,
  PRIMARY KEY (c_day, a_day, t)
) WITH (fillfactor = 50);

-- Open cases now, per responsible staff member, state and deadline.
CREATE TABLE stats_open (
  staff_id BIGINT NOT NULL,
  state    TEXT NOT NULL,
  deadline TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (staff_id, state, deadline)
) WITH (fillfactor = 50);

-- Evaluations per day and level, by the case's responsible staff member,
-- matter and client category.
CREATE TABLE stats_eval_staff (
  day      BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  level    INTEGER NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (staff_id, level, day)
) WITH (fillfactor = 50);

CREATE TABLE stats_eval_matter (
  day     BIGINT NOT NULL,
  item_id BIGINT NOT NULL,
  matter  TEXT NOT NULL,
  level   INTEGER NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (day, item_id, matter, level)
) WITH (fillfactor = 50);

CREATE TABLE stats_eval_category (
  day      BIGINT NOT NULL,
  category TEXT NOT NULL,
  level    INTEGER NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (day, category, level)
) WITH (fillfactor = 50);

-- Rectifications opened in a range (the statistics) without reading them all.
CREATE INDEX rectification_created ON rectification (created_at, state);

-- What the database holds already.
INSERT INTO stats_case_day (day, what, staff_id, n)
  SELECT day, what, staff_id, count(*) FROM (
    SELECT (c.applied_at + o.offset_us) / 86400000000 AS day, 1 AS what, COALESCE(c.responsible_id, 0) AS staff_id FROM bb_case c, stats_config o
    UNION ALL SELECT (c.accepted_at + o.offset_us) / 86400000000, 2, COALESCE(c.responsible_id, 0) FROM bb_case c, stats_config o WHERE c.accepted_at IS NOT NULL
    UNION ALL SELECT (c.completed_at + o.offset_us) / 86400000000, 3, COALESCE(c.responsible_id, 0) FROM bb_case c, stats_config o WHERE c.completed_at IS NOT NULL) AS d
  GROUP BY day, what, staff_id;

INSERT INTO stats_completion (c_day, a_day, t, n)
  SELECT c_day, a_day, t, count(*) FROM (
    SELECT (c.completed_at + o.offset_us) / 86400000000 AS c_day, (COALESCE(c.accepted_at, c.applied_at) + o.offset_us) / 86400000000 AS a_day,
      CASE WHEN c.deadline IS NULL THEN 2 WHEN (CAST(c.deadline AS DATE) - CAST('1970-01-01' AS DATE)) >= (c.completed_at + o.offset_us) / 86400000000 THEN 1 ELSE 0 END AS t
    FROM bb_case c, stats_config o WHERE c.completed_at IS NOT NULL) AS d
  GROUP BY c_day, a_day, t;

INSERT INTO stats_open (staff_id, state, deadline, n)
  SELECT COALESCE(responsible_id, 0), state, COALESCE(deadline, ''), count(*) FROM bb_case
  WHERE state IN ('consultation', 'applied', 'routed', 'analysed', 'handling') GROUP BY COALESCE(responsible_id, 0), state, COALESCE(deadline, '');

INSERT INTO stats_eval_staff (day, staff_id, level, n)
  SELECT (e.at + o.offset_us) / 86400000000, COALESCE(c.responsible_id, 0), e.level, count(*)
  FROM evaluation e JOIN bb_case c ON c.id = e.case_id, stats_config o
  GROUP BY (e.at + o.offset_us) / 86400000000, COALESCE(c.responsible_id, 0), e.level;

INSERT INTO stats_eval_matter (day, item_id, matter, level, n)
  SELECT (e.at + o.offset_us) / 86400000000, COALESCE(c.item_id, 0), CASE WHEN c.item_id IS NULL THEN c.matter ELSE '' END, e.level, count(*)
  FROM evaluation e JOIN bb_case c ON c.id = e.case_id, stats_config o
  GROUP BY (e.at + o.offset_us) / 86400000000, COALESCE(c.item_id, 0), CASE WHEN c.item_id IS NULL THEN c.matter ELSE '' END, e.level;

INSERT INTO stats_eval_category (day, category, level, n)
  SELECT (e.at + o.offset_us) / 86400000000, cl.category, e.level, count(*)
  FROM evaluation e JOIN bb_case c ON c.id = e.case_id JOIN client cl ON cl.id = c.client_id, stats_config o
  GROUP BY (e.at + o.offset_us) / 86400000000, cl.category, e.level;

-- Trigger functions: OLD counts in UPDATE and DELETE, NEW in INSERT and UPDATE.
-- A case counts as registered, accepted, completed, open for what it is.
CREATE FUNCTION stats_case_counts () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  off BIGINT := (SELECT offset_us FROM stats_config WHERE id = 1);
BEGIN
  INSERT INTO stats_case_day AS s (staff_id, what, day, n)
    SELECT staff_id, what, day, sum(n) FROM (
      SELECT (OLD.applied_at + off) / 86400000000 AS day, 1 AS what, COALESCE(OLD.responsible_id, 0) AS staff_id, -1 AS n WHERE TG_OP <> 'INSERT'
      UNION ALL SELECT (OLD.accepted_at + off) / 86400000000, 2, COALESCE(OLD.responsible_id, 0), -1 WHERE TG_OP <> 'INSERT' AND OLD.accepted_at IS NOT NULL
      UNION ALL SELECT (OLD.completed_at + off) / 86400000000, 3, COALESCE(OLD.responsible_id, 0), -1 WHERE TG_OP <> 'INSERT' AND OLD.completed_at IS NOT NULL
      UNION ALL SELECT (NEW.applied_at + off) / 86400000000 AS day, 1 AS what, COALESCE(NEW.responsible_id, 0) AS staff_id, 1 AS n WHERE TG_OP <> 'DELETE'
      UNION ALL SELECT (NEW.accepted_at + off) / 86400000000, 2, COALESCE(NEW.responsible_id, 0), 1 WHERE TG_OP <> 'DELETE' AND NEW.accepted_at IS NOT NULL
      UNION ALL SELECT (NEW.completed_at + off) / 86400000000, 3, COALESCE(NEW.responsible_id, 0), 1 WHERE TG_OP <> 'DELETE' AND NEW.completed_at IS NOT NULL) AS d
    GROUP BY staff_id, what, day HAVING sum(n) <> 0 ORDER BY staff_id, what, day
    ON CONFLICT (staff_id, what, day) DO UPDATE SET n = s.n + EXCLUDED.n;
  INSERT INTO stats_completion AS s (c_day, a_day, t, n)
    SELECT c_day, a_day, t, sum(n) FROM (
      SELECT (OLD.completed_at + off) / 86400000000 AS c_day, (COALESCE(OLD.accepted_at, OLD.applied_at) + off) / 86400000000 AS a_day, CASE WHEN OLD.deadline IS NULL THEN 2 WHEN (CAST(OLD.deadline AS DATE) - CAST('1970-01-01' AS DATE)) >= (OLD.completed_at + off) / 86400000000 THEN 1 ELSE 0 END AS t, -1 AS n WHERE TG_OP <> 'INSERT' AND OLD.completed_at IS NOT NULL
      UNION ALL SELECT (NEW.completed_at + off) / 86400000000 AS c_day, (COALESCE(NEW.accepted_at, NEW.applied_at) + off) / 86400000000 AS a_day, CASE WHEN NEW.deadline IS NULL THEN 2 WHEN (CAST(NEW.deadline AS DATE) - CAST('1970-01-01' AS DATE)) >= (NEW.completed_at + off) / 86400000000 THEN 1 ELSE 0 END AS t, 1 AS n WHERE TG_OP <> 'DELETE' AND NEW.completed_at IS NOT NULL) AS d
    GROUP BY c_day, a_day, t HAVING sum(n) <> 0 ORDER BY c_day, a_day, t
    ON CONFLICT (c_day, a_day, t) DO UPDATE SET n = s.n + EXCLUDED.n;
  INSERT INTO stats_open AS s (staff_id, state, deadline, n)
    SELECT staff_id, state, deadline, sum(n) FROM (
      SELECT COALESCE(OLD.responsible_id, 0) AS staff_id, OLD.state AS state, COALESCE(OLD.deadline, '') AS deadline, -1 AS n WHERE TG_OP <> 'INSERT' AND OLD.state IN ('consultation', 'applied', 'routed', 'analysed', 'handling')
      UNION ALL SELECT COALESCE(NEW.responsible_id, 0) AS staff_id, NEW.state AS state, COALESCE(NEW.deadline, '') AS deadline, 1 AS n WHERE TG_OP <> 'DELETE' AND NEW.state IN ('consultation', 'applied', 'routed', 'analysed', 'handling')) AS d
    GROUP BY staff_id, state, deadline HAVING sum(n) <> 0 ORDER BY staff_id, state, deadline
    ON CONFLICT (staff_id, state, deadline) DO UPDATE SET n = s.n + EXCLUDED.n;
  RETURN NULL;
END
$$;

-- A case's evaluations follow it to another staff member, matter or client, and stop counting when it is deleted (before it is: they are deleted with it, after it).
CREATE FUNCTION stats_case_dims () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  off BIGINT := (SELECT offset_us FROM stats_config WHERE id = 1);
BEGIN
  INSERT INTO stats_eval_staff AS s (staff_id, level, day, n)
    SELECT staff_id, level, day, sum(n) FROM (
      SELECT (e.at + off) / 86400000000 AS day, COALESCE(OLD.responsible_id, 0) AS staff_id, e.level AS level, -1 AS n FROM evaluation e WHERE TG_OP <> 'INSERT' AND e.case_id = OLD.id
      UNION ALL SELECT (e.at + off) / 86400000000 AS day, COALESCE(NEW.responsible_id, 0) AS staff_id, e.level AS level, 1 AS n FROM evaluation e WHERE TG_OP <> 'DELETE' AND e.case_id = NEW.id) AS d
    GROUP BY staff_id, level, day HAVING sum(n) <> 0 ORDER BY staff_id, level, day
    ON CONFLICT (staff_id, level, day) DO UPDATE SET n = s.n + EXCLUDED.n;
  INSERT INTO stats_eval_matter AS s (day, item_id, matter, level, n)
    SELECT day, item_id, matter, level, sum(n) FROM (
      SELECT (e.at + off) / 86400000000 AS day, COALESCE(OLD.item_id, 0) AS item_id, CASE WHEN OLD.item_id IS NULL THEN OLD.matter ELSE '' END AS matter, e.level AS level, -1 AS n FROM evaluation e WHERE TG_OP <> 'INSERT' AND e.case_id = OLD.id
      UNION ALL SELECT (e.at + off) / 86400000000 AS day, COALESCE(NEW.item_id, 0) AS item_id, CASE WHEN NEW.item_id IS NULL THEN NEW.matter ELSE '' END AS matter, e.level AS level, 1 AS n FROM evaluation e WHERE TG_OP <> 'DELETE' AND e.case_id = NEW.id) AS d
    GROUP BY day, item_id, matter, level HAVING sum(n) <> 0 ORDER BY day, item_id, matter, level
    ON CONFLICT (day, item_id, matter, level) DO UPDATE SET n = s.n + EXCLUDED.n;
  INSERT INTO stats_eval_category AS s (day, category, level, n)
    SELECT day, category, level, sum(n) FROM (
      SELECT (e.at + off) / 86400000000 AS day, cl.category AS category, e.level AS level, -1 AS n FROM evaluation e JOIN client cl ON cl.id = OLD.client_id WHERE TG_OP <> 'INSERT' AND e.case_id = OLD.id
      UNION ALL SELECT (e.at + off) / 86400000000 AS day, cl.category AS category, e.level AS level, 1 AS n FROM evaluation e JOIN client cl ON cl.id = NEW.client_id WHERE TG_OP <> 'DELETE' AND e.case_id = NEW.id) AS d
    GROUP BY day, category, level HAVING sum(n) <> 0 ORDER BY day, category, level
    ON CONFLICT (day, category, level) DO UPDATE SET n = s.n + EXCLUDED.n;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

-- An evaluation counts for its case's staff member, matter and category (one deleted with its case finds no case here).
CREATE FUNCTION stats_evaluation () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  off BIGINT := (SELECT offset_us FROM stats_config WHERE id = 1);
BEGIN
  INSERT INTO stats_eval_staff AS s (staff_id, level, day, n)
    SELECT staff_id, level, day, sum(n) FROM (
      SELECT (OLD.at + off) / 86400000000 AS day, COALESCE(c.responsible_id, 0) AS staff_id, OLD.level AS level, -1 AS n FROM bb_case c WHERE TG_OP <> 'INSERT' AND c.id = OLD.case_id
      UNION ALL SELECT (NEW.at + off) / 86400000000 AS day, COALESCE(c.responsible_id, 0) AS staff_id, NEW.level AS level, 1 AS n FROM bb_case c WHERE TG_OP <> 'DELETE' AND c.id = NEW.case_id) AS d
    GROUP BY staff_id, level, day HAVING sum(n) <> 0 ORDER BY staff_id, level, day
    ON CONFLICT (staff_id, level, day) DO UPDATE SET n = s.n + EXCLUDED.n;
  INSERT INTO stats_eval_matter AS s (day, item_id, matter, level, n)
    SELECT day, item_id, matter, level, sum(n) FROM (
      SELECT (OLD.at + off) / 86400000000 AS day, COALESCE(c.item_id, 0) AS item_id, CASE WHEN c.item_id IS NULL THEN c.matter ELSE '' END AS matter, OLD.level AS level, -1 AS n FROM bb_case c WHERE TG_OP <> 'INSERT' AND c.id = OLD.case_id
      UNION ALL SELECT (NEW.at + off) / 86400000000 AS day, COALESCE(c.item_id, 0) AS item_id, CASE WHEN c.item_id IS NULL THEN c.matter ELSE '' END AS matter, NEW.level AS level, 1 AS n FROM bb_case c WHERE TG_OP <> 'DELETE' AND c.id = NEW.case_id) AS d
    GROUP BY day, item_id, matter, level HAVING sum(n) <> 0 ORDER BY day, item_id, matter, level
    ON CONFLICT (day, item_id, matter, level) DO UPDATE SET n = s.n + EXCLUDED.n;
  INSERT INTO stats_eval_category AS s (day, category, level, n)
    SELECT day, category, level, sum(n) FROM (
      SELECT (OLD.at + off) / 86400000000 AS day, cl.category AS category, OLD.level AS level, -1 AS n FROM bb_case c JOIN client cl ON cl.id = c.client_id WHERE TG_OP <> 'INSERT' AND c.id = OLD.case_id
      UNION ALL SELECT (NEW.at + off) / 86400000000 AS day, cl.category AS category, NEW.level AS level, 1 AS n FROM bb_case c JOIN client cl ON cl.id = c.client_id WHERE TG_OP <> 'DELETE' AND c.id = NEW.case_id) AS d
    GROUP BY day, category, level HAVING sum(n) <> 0 ORDER BY day, category, level
    ON CONFLICT (day, category, level) DO UPDATE SET n = s.n + EXCLUDED.n;
  RETURN NULL;
END
$$;

-- A client's category changed: the evaluations of its cases move with it.
CREATE FUNCTION stats_client_category () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  off BIGINT := (SELECT offset_us FROM stats_config WHERE id = 1);
BEGIN
  INSERT INTO stats_eval_category AS s (day, category, level, n)
    SELECT day, category, level, sum(n) FROM (
      SELECT (e.at + off) / 86400000000 AS day, OLD.category AS category, e.level AS level, -1 AS n FROM bb_case c JOIN evaluation e ON e.case_id = c.id WHERE TG_OP <> 'INSERT' AND c.client_id = OLD.id
      UNION ALL SELECT (e.at + off) / 86400000000 AS day, NEW.category AS category, e.level AS level, 1 AS n FROM bb_case c JOIN evaluation e ON e.case_id = c.id WHERE TG_OP <> 'DELETE' AND c.client_id = NEW.id) AS d
    GROUP BY day, category, level HAVING sum(n) <> 0 ORDER BY day, category, level
    ON CONFLICT (day, category, level) DO UPDATE SET n = s.n + EXCLUDED.n;
  RETURN NULL;
END
$$;

CREATE TRIGGER stats_case_aid AFTER INSERT OR DELETE ON bb_case
  FOR EACH ROW EXECUTE FUNCTION stats_case_counts ();
CREATE TRIGGER stats_case_au AFTER UPDATE ON bb_case
  FOR EACH ROW WHEN (OLD.applied_at IS DISTINCT FROM NEW.applied_at OR OLD.accepted_at IS DISTINCT FROM NEW.accepted_at OR OLD.completed_at IS DISTINCT FROM NEW.completed_at OR OLD.responsible_id IS DISTINCT FROM NEW.responsible_id OR OLD.deadline IS DISTINCT FROM NEW.deadline OR OLD.state IS DISTINCT FROM NEW.state)
  EXECUTE FUNCTION stats_case_counts ();
CREATE TRIGGER stats_case_dims_au AFTER UPDATE ON bb_case
  FOR EACH ROW WHEN (OLD.responsible_id IS DISTINCT FROM NEW.responsible_id OR OLD.item_id IS DISTINCT FROM NEW.item_id OR OLD.matter IS DISTINCT FROM NEW.matter OR OLD.client_id IS DISTINCT FROM NEW.client_id)
  EXECUTE FUNCTION stats_case_dims ();
CREATE TRIGGER stats_case_bd BEFORE DELETE ON bb_case
  FOR EACH ROW EXECUTE FUNCTION stats_case_dims ();
CREATE TRIGGER stats_evaluation_aid AFTER INSERT OR DELETE ON evaluation
  FOR EACH ROW EXECUTE FUNCTION stats_evaluation ();
CREATE TRIGGER stats_evaluation_au AFTER UPDATE ON evaluation
  FOR EACH ROW WHEN (OLD.at IS DISTINCT FROM NEW.at OR OLD.level IS DISTINCT FROM NEW.level OR OLD.case_id IS DISTINCT FROM NEW.case_id)
  EXECUTE FUNCTION stats_evaluation ();
CREATE TRIGGER stats_client_au AFTER UPDATE ON client
  FOR EACH ROW WHEN (OLD.category IS DISTINCT FROM NEW.category)
  EXECUTE FUNCTION stats_client_category ();
