-- Schema 5 (SQLite): running totals for the statistics (数据统计上报).
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
) WITHOUT ROWID;

-- Completed cases per day of completion and day of acceptance (of
-- registration for 帮办), and whether they met their deadline (1), missed
-- it (0) or had none (2).
CREATE TABLE stats_completion (
  c_day BIGINT NOT NULL,
  a_day BIGINT NOT NULL,
  t     INTEGER NOT NULL,
  n     INTEGER NOT NULL,
  PRIMARY KEY (c_day, a_day, t)
) WITHOUT ROWID;

-- Open cases now, per responsible staff member, state and deadline.
CREATE TABLE stats_open (
  staff_id BIGINT NOT NULL,
  state    TEXT NOT NULL,
  deadline TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (staff_id, state, deadline)
) WITHOUT ROWID;

-- Evaluations per day and level, by the case's responsible staff member,
-- matter and client category.
CREATE TABLE stats_eval_staff (
  day      BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  level    INTEGER NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (staff_id, level, day)
) WITHOUT ROWID;

CREATE TABLE stats_eval_matter (
  day     BIGINT NOT NULL,
  item_id BIGINT NOT NULL,
  matter  TEXT NOT NULL,
  level   INTEGER NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (day, item_id, matter, level)
) WITHOUT ROWID;

CREATE TABLE stats_eval_category (
  day      BIGINT NOT NULL,
  category TEXT NOT NULL,
  level    INTEGER NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (day, category, level)
) WITHOUT ROWID;

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
      CASE WHEN c.deadline IS NULL THEN 2 WHEN CAST(julianday(c.deadline) - 2440587.5 AS INTEGER) >= (c.completed_at + o.offset_us) / 86400000000 THEN 1 ELSE 0 END AS t
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

-- Triggers
-- A new case counts as registered, and for what else it already is.
CREATE TRIGGER stats_case_ai AFTER INSERT ON bb_case
BEGIN
  INSERT INTO stats_case_day (staff_id, what, day, n)
    SELECT staff_id, what, day, sum(n) FROM (
      SELECT (NEW.applied_at + o.offset_us) / 86400000000 AS day, 1 AS what, COALESCE(NEW.responsible_id, 0) AS staff_id, 1 AS n FROM stats_config o
      UNION ALL SELECT (NEW.accepted_at + o.offset_us) / 86400000000, 2, COALESCE(NEW.responsible_id, 0), 1 FROM stats_config o WHERE NEW.accepted_at IS NOT NULL
      UNION ALL SELECT (NEW.completed_at + o.offset_us) / 86400000000, 3, COALESCE(NEW.responsible_id, 0), 1 FROM stats_config o WHERE NEW.completed_at IS NOT NULL) AS d
    WHERE true GROUP BY staff_id, what, day HAVING sum(n) <> 0
    ON CONFLICT (staff_id, what, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_completion (c_day, a_day, t, n)
    SELECT c_day, a_day, t, sum(n) FROM (
      SELECT (NEW.completed_at + o.offset_us) / 86400000000 AS c_day, (COALESCE(NEW.accepted_at, NEW.applied_at) + o.offset_us) / 86400000000 AS a_day, iif(NEW.deadline IS NULL, 2, iif(CAST(julianday(NEW.deadline) - 2440587.5 AS INTEGER) >= (NEW.completed_at + o.offset_us) / 86400000000, 1, 0)) AS t, 1 AS n FROM stats_config o WHERE NEW.completed_at IS NOT NULL) AS d
    WHERE true GROUP BY c_day, a_day, t HAVING sum(n) <> 0
    ON CONFLICT (c_day, a_day, t) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_open (staff_id, state, deadline, n)
    SELECT staff_id, state, deadline, sum(n) FROM (
      SELECT COALESCE(NEW.responsible_id, 0) AS staff_id, NEW.state AS state, COALESCE(NEW.deadline, '') AS deadline, 1 AS n WHERE NEW.state IN ('consultation', 'applied', 'routed', 'analysed', 'handling')) AS d
    WHERE true GROUP BY staff_id, state, deadline HAVING sum(n) <> 0
    ON CONFLICT (staff_id, state, deadline) DO UPDATE SET n = n + excluded.n;
END;

-- A case changed: it counts for what it is now instead of what it was.
CREATE TRIGGER stats_case_au AFTER UPDATE ON bb_case
  WHEN OLD.applied_at IS NOT NEW.applied_at OR OLD.accepted_at IS NOT NEW.accepted_at OR OLD.completed_at IS NOT NEW.completed_at OR OLD.responsible_id IS NOT NEW.responsible_id OR OLD.deadline IS NOT NEW.deadline OR OLD.state IS NOT NEW.state
BEGIN
  INSERT INTO stats_case_day (staff_id, what, day, n)
    SELECT staff_id, what, day, sum(n) FROM (
      SELECT (OLD.applied_at + o.offset_us) / 86400000000 AS day, 1 AS what, COALESCE(OLD.responsible_id, 0) AS staff_id, -1 AS n FROM stats_config o
      UNION ALL SELECT (OLD.accepted_at + o.offset_us) / 86400000000, 2, COALESCE(OLD.responsible_id, 0), -1 FROM stats_config o WHERE OLD.accepted_at IS NOT NULL
      UNION ALL SELECT (OLD.completed_at + o.offset_us) / 86400000000, 3, COALESCE(OLD.responsible_id, 0), -1 FROM stats_config o WHERE OLD.completed_at IS NOT NULL
      UNION ALL SELECT (NEW.applied_at + o.offset_us) / 86400000000 AS day, 1 AS what, COALESCE(NEW.responsible_id, 0) AS staff_id, 1 AS n FROM stats_config o
      UNION ALL SELECT (NEW.accepted_at + o.offset_us) / 86400000000, 2, COALESCE(NEW.responsible_id, 0), 1 FROM stats_config o WHERE NEW.accepted_at IS NOT NULL
      UNION ALL SELECT (NEW.completed_at + o.offset_us) / 86400000000, 3, COALESCE(NEW.responsible_id, 0), 1 FROM stats_config o WHERE NEW.completed_at IS NOT NULL) AS d
    WHERE true GROUP BY staff_id, what, day HAVING sum(n) <> 0
    ON CONFLICT (staff_id, what, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_completion (c_day, a_day, t, n)
    SELECT c_day, a_day, t, sum(n) FROM (
      SELECT (OLD.completed_at + o.offset_us) / 86400000000 AS c_day, (COALESCE(OLD.accepted_at, OLD.applied_at) + o.offset_us) / 86400000000 AS a_day, iif(OLD.deadline IS NULL, 2, iif(CAST(julianday(OLD.deadline) - 2440587.5 AS INTEGER) >= (OLD.completed_at + o.offset_us) / 86400000000, 1, 0)) AS t, -1 AS n FROM stats_config o WHERE OLD.completed_at IS NOT NULL
      UNION ALL SELECT (NEW.completed_at + o.offset_us) / 86400000000 AS c_day, (COALESCE(NEW.accepted_at, NEW.applied_at) + o.offset_us) / 86400000000 AS a_day, iif(NEW.deadline IS NULL, 2, iif(CAST(julianday(NEW.deadline) - 2440587.5 AS INTEGER) >= (NEW.completed_at + o.offset_us) / 86400000000, 1, 0)) AS t, 1 AS n FROM stats_config o WHERE NEW.completed_at IS NOT NULL) AS d
    WHERE true GROUP BY c_day, a_day, t HAVING sum(n) <> 0
    ON CONFLICT (c_day, a_day, t) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_open (staff_id, state, deadline, n)
    SELECT staff_id, state, deadline, sum(n) FROM (
      SELECT COALESCE(OLD.responsible_id, 0) AS staff_id, OLD.state AS state, COALESCE(OLD.deadline, '') AS deadline, -1 AS n WHERE OLD.state IN ('consultation', 'applied', 'routed', 'analysed', 'handling')
      UNION ALL SELECT COALESCE(NEW.responsible_id, 0) AS staff_id, NEW.state AS state, COALESCE(NEW.deadline, '') AS deadline, 1 AS n WHERE NEW.state IN ('consultation', 'applied', 'routed', 'analysed', 'handling')) AS d
    WHERE true GROUP BY staff_id, state, deadline HAVING sum(n) <> 0
    ON CONFLICT (staff_id, state, deadline) DO UPDATE SET n = n + excluded.n;
END;

-- Its evaluations follow the case to another staff member, matter or client.
CREATE TRIGGER stats_case_dims_au AFTER UPDATE ON bb_case
  WHEN OLD.responsible_id IS NOT NEW.responsible_id OR OLD.item_id IS NOT NEW.item_id OR OLD.matter IS NOT NEW.matter OR OLD.client_id IS NOT NEW.client_id
BEGIN
  INSERT INTO stats_eval_staff (staff_id, level, day, n)
    SELECT staff_id, level, day, sum(n) FROM (
      SELECT (e.at + o.offset_us) / 86400000000 AS day, COALESCE(OLD.responsible_id, 0) AS staff_id, e.level AS level, -1 AS n FROM evaluation e, stats_config o WHERE e.case_id = OLD.id
      UNION ALL SELECT (e.at + o.offset_us) / 86400000000 AS day, COALESCE(NEW.responsible_id, 0) AS staff_id, e.level AS level, 1 AS n FROM evaluation e, stats_config o WHERE e.case_id = NEW.id) AS d
    WHERE true GROUP BY staff_id, level, day HAVING sum(n) <> 0
    ON CONFLICT (staff_id, level, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_eval_matter (day, item_id, matter, level, n)
    SELECT day, item_id, matter, level, sum(n) FROM (
      SELECT (e.at + o.offset_us) / 86400000000 AS day, COALESCE(OLD.item_id, 0) AS item_id, iif(OLD.item_id IS NULL, OLD.matter, '') AS matter, e.level AS level, -1 AS n FROM evaluation e, stats_config o WHERE e.case_id = OLD.id
      UNION ALL SELECT (e.at + o.offset_us) / 86400000000 AS day, COALESCE(NEW.item_id, 0) AS item_id, iif(NEW.item_id IS NULL, NEW.matter, '') AS matter, e.level AS level, 1 AS n FROM evaluation e, stats_config o WHERE e.case_id = NEW.id) AS d
    WHERE true GROUP BY day, item_id, matter, level HAVING sum(n) <> 0
    ON CONFLICT (day, item_id, matter, level) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_eval_category (day, category, level, n)
    SELECT day, category, level, sum(n) FROM (
      SELECT (e.at + o.offset_us) / 86400000000 AS day, cl.category AS category, e.level AS level, -1 AS n FROM evaluation e JOIN client cl ON cl.id = OLD.client_id, stats_config o WHERE e.case_id = OLD.id
      UNION ALL SELECT (e.at + o.offset_us) / 86400000000 AS day, cl.category AS category, e.level AS level, 1 AS n FROM evaluation e JOIN client cl ON cl.id = NEW.client_id, stats_config o WHERE e.case_id = NEW.id) AS d
    WHERE true GROUP BY day, category, level HAVING sum(n) <> 0
    ON CONFLICT (day, category, level) DO UPDATE SET n = n + excluded.n;
END;

-- A case deleted: its evaluations (deleted with it, after it) stop counting.
CREATE TRIGGER stats_case_bd BEFORE DELETE ON bb_case
BEGIN
  INSERT INTO stats_eval_staff (staff_id, level, day, n)
    SELECT staff_id, level, day, sum(n) FROM (
      SELECT (e.at + o.offset_us) / 86400000000 AS day, COALESCE(OLD.responsible_id, 0) AS staff_id, e.level AS level, -1 AS n FROM evaluation e, stats_config o WHERE e.case_id = OLD.id) AS d
    WHERE true GROUP BY staff_id, level, day HAVING sum(n) <> 0
    ON CONFLICT (staff_id, level, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_eval_matter (day, item_id, matter, level, n)
    SELECT day, item_id, matter, level, sum(n) FROM (
      SELECT (e.at + o.offset_us) / 86400000000 AS day, COALESCE(OLD.item_id, 0) AS item_id, iif(OLD.item_id IS NULL, OLD.matter, '') AS matter, e.level AS level, -1 AS n FROM evaluation e, stats_config o WHERE e.case_id = OLD.id) AS d
    WHERE true GROUP BY day, item_id, matter, level HAVING sum(n) <> 0
    ON CONFLICT (day, item_id, matter, level) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_eval_category (day, category, level, n)
    SELECT day, category, level, sum(n) FROM (
      SELECT (e.at + o.offset_us) / 86400000000 AS day, cl.category AS category, e.level AS level, -1 AS n FROM evaluation e JOIN client cl ON cl.id = OLD.client_id, stats_config o WHERE e.case_id = OLD.id) AS d
    WHERE true GROUP BY day, category, level HAVING sum(n) <> 0
    ON CONFLICT (day, category, level) DO UPDATE SET n = n + excluded.n;
END;

-- A case deleted stops counting.
CREATE TRIGGER stats_case_ad AFTER DELETE ON bb_case
BEGIN
  INSERT INTO stats_case_day (staff_id, what, day, n)
    SELECT staff_id, what, day, sum(n) FROM (
      SELECT (OLD.applied_at + o.offset_us) / 86400000000 AS day, 1 AS what, COALESCE(OLD.responsible_id, 0) AS staff_id, -1 AS n FROM stats_config o
      UNION ALL SELECT (OLD.accepted_at + o.offset_us) / 86400000000, 2, COALESCE(OLD.responsible_id, 0), -1 FROM stats_config o WHERE OLD.accepted_at IS NOT NULL
      UNION ALL SELECT (OLD.completed_at + o.offset_us) / 86400000000, 3, COALESCE(OLD.responsible_id, 0), -1 FROM stats_config o WHERE OLD.completed_at IS NOT NULL) AS d
    WHERE true GROUP BY staff_id, what, day HAVING sum(n) <> 0
    ON CONFLICT (staff_id, what, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_completion (c_day, a_day, t, n)
    SELECT c_day, a_day, t, sum(n) FROM (
      SELECT (OLD.completed_at + o.offset_us) / 86400000000 AS c_day, (COALESCE(OLD.accepted_at, OLD.applied_at) + o.offset_us) / 86400000000 AS a_day, iif(OLD.deadline IS NULL, 2, iif(CAST(julianday(OLD.deadline) - 2440587.5 AS INTEGER) >= (OLD.completed_at + o.offset_us) / 86400000000, 1, 0)) AS t, -1 AS n FROM stats_config o WHERE OLD.completed_at IS NOT NULL) AS d
    WHERE true GROUP BY c_day, a_day, t HAVING sum(n) <> 0
    ON CONFLICT (c_day, a_day, t) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_open (staff_id, state, deadline, n)
    SELECT staff_id, state, deadline, sum(n) FROM (
      SELECT COALESCE(OLD.responsible_id, 0) AS staff_id, OLD.state AS state, COALESCE(OLD.deadline, '') AS deadline, -1 AS n WHERE OLD.state IN ('consultation', 'applied', 'routed', 'analysed', 'handling')) AS d
    WHERE true GROUP BY staff_id, state, deadline HAVING sum(n) <> 0
    ON CONFLICT (staff_id, state, deadline) DO UPDATE SET n = n + excluded.n;
END;

-- A new evaluation counts for its case's staff member, matter and category.
CREATE TRIGGER stats_evaluation_ai AFTER INSERT ON evaluation
BEGIN
  INSERT INTO stats_eval_staff (staff_id, level, day, n)
    SELECT staff_id, level, day, sum(n) FROM (
      SELECT (NEW.at + o.offset_us) / 86400000000 AS day, COALESCE(c.responsible_id, 0) AS staff_id, NEW.level AS level, 1 AS n FROM bb_case c, stats_config o WHERE c.id = NEW.case_id) AS d
    WHERE true GROUP BY staff_id, level, day HAVING sum(n) <> 0
    ON CONFLICT (staff_id, level, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_eval_matter (day, item_id, matter, level, n)
    SELECT day, item_id, matter, level, sum(n) FROM (
      SELECT (NEW.at + o.offset_us) / 86400000000 AS day, COALESCE(c.item_id, 0) AS item_id, iif(c.item_id IS NULL, c.matter, '') AS matter, NEW.level AS level, 1 AS n FROM bb_case c, stats_config o WHERE c.id = NEW.case_id) AS d
    WHERE true GROUP BY day, item_id, matter, level HAVING sum(n) <> 0
    ON CONFLICT (day, item_id, matter, level) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_eval_category (day, category, level, n)
    SELECT day, category, level, sum(n) FROM (
      SELECT (NEW.at + o.offset_us) / 86400000000 AS day, cl.category AS category, NEW.level AS level, 1 AS n FROM bb_case c JOIN client cl ON cl.id = c.client_id, stats_config o WHERE c.id = NEW.case_id) AS d
    WHERE true GROUP BY day, category, level HAVING sum(n) <> 0
    ON CONFLICT (day, category, level) DO UPDATE SET n = n + excluded.n;
END;

-- An evaluation changed.
CREATE TRIGGER stats_evaluation_au AFTER UPDATE ON evaluation
  WHEN OLD.at IS NOT NEW.at OR OLD.level IS NOT NEW.level OR OLD.case_id IS NOT NEW.case_id
BEGIN
  INSERT INTO stats_eval_staff (staff_id, level, day, n)
    SELECT staff_id, level, day, sum(n) FROM (
      SELECT (OLD.at + o.offset_us) / 86400000000 AS day, COALESCE(c.responsible_id, 0) AS staff_id, OLD.level AS level, -1 AS n FROM bb_case c, stats_config o WHERE c.id = OLD.case_id
      UNION ALL SELECT (NEW.at + o.offset_us) / 86400000000 AS day, COALESCE(c.responsible_id, 0) AS staff_id, NEW.level AS level, 1 AS n FROM bb_case c, stats_config o WHERE c.id = NEW.case_id) AS d
    WHERE true GROUP BY staff_id, level, day HAVING sum(n) <> 0
    ON CONFLICT (staff_id, level, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_eval_matter (day, item_id, matter, level, n)
    SELECT day, item_id, matter, level, sum(n) FROM (
      SELECT (OLD.at + o.offset_us) / 86400000000 AS day, COALESCE(c.item_id, 0) AS item_id, iif(c.item_id IS NULL, c.matter, '') AS matter, OLD.level AS level, -1 AS n FROM bb_case c, stats_config o WHERE c.id = OLD.case_id
      UNION ALL SELECT (NEW.at + o.offset_us) / 86400000000 AS day, COALESCE(c.item_id, 0) AS item_id, iif(c.item_id IS NULL, c.matter, '') AS matter, NEW.level AS level, 1 AS n FROM bb_case c, stats_config o WHERE c.id = NEW.case_id) AS d
    WHERE true GROUP BY day, item_id, matter, level HAVING sum(n) <> 0
    ON CONFLICT (day, item_id, matter, level) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_eval_category (day, category, level, n)
    SELECT day, category, level, sum(n) FROM (
      SELECT (OLD.at + o.offset_us) / 86400000000 AS day, cl.category AS category, OLD.level AS level, -1 AS n FROM bb_case c JOIN client cl ON cl.id = c.client_id, stats_config o WHERE c.id = OLD.case_id
      UNION ALL SELECT (NEW.at + o.offset_us) / 86400000000 AS day, cl.category AS category, NEW.level AS level, 1 AS n FROM bb_case c JOIN client cl ON cl.id = c.client_id, stats_config o WHERE c.id = NEW.case_id) AS d
    WHERE true GROUP BY day, category, level HAVING sum(n) <> 0
    ON CONFLICT (day, category, level) DO UPDATE SET n = n + excluded.n;
END;

-- An evaluation deleted (alone: one deleted with its case finds no case here).
CREATE TRIGGER stats_evaluation_ad AFTER DELETE ON evaluation
BEGIN
  INSERT INTO stats_eval_staff (staff_id, level, day, n)
    SELECT staff_id, level, day, sum(n) FROM (
      SELECT (OLD.at + o.offset_us) / 86400000000 AS day, COALESCE(c.responsible_id, 0) AS staff_id, OLD.level AS level, -1 AS n FROM bb_case c, stats_config o WHERE c.id = OLD.case_id) AS d
    WHERE true GROUP BY staff_id, level, day HAVING sum(n) <> 0
    ON CONFLICT (staff_id, level, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_eval_matter (day, item_id, matter, level, n)
    SELECT day, item_id, matter, level, sum(n) FROM (
      SELECT (OLD.at + o.offset_us) / 86400000000 AS day, COALESCE(c.item_id, 0) AS item_id, iif(c.item_id IS NULL, c.matter, '') AS matter, OLD.level AS level, -1 AS n FROM bb_case c, stats_config o WHERE c.id = OLD.case_id) AS d
    WHERE true GROUP BY day, item_id, matter, level HAVING sum(n) <> 0
    ON CONFLICT (day, item_id, matter, level) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_eval_category (day, category, level, n)
    SELECT day, category, level, sum(n) FROM (
      SELECT (OLD.at + o.offset_us) / 86400000000 AS day, cl.category AS category, OLD.level AS level, -1 AS n FROM bb_case c JOIN client cl ON cl.id = c.client_id, stats_config o WHERE c.id = OLD.case_id) AS d
    WHERE true GROUP BY day, category, level HAVING sum(n) <> 0
    ON CONFLICT (day, category, level) DO UPDATE SET n = n + excluded.n;
END;

-- A client's category changed: the evaluations of its cases move with it.
CREATE TRIGGER stats_client_au AFTER UPDATE ON client
  WHEN OLD.category IS NOT NEW.category
BEGIN
  INSERT INTO stats_eval_category (day, category, level, n)
    SELECT day, category, level, sum(n) FROM (
      SELECT (e.at + o.offset_us) / 86400000000 AS day, OLD.category AS category, e.level AS level, -1 AS n FROM bb_case c JOIN evaluation e ON e.case_id = c.id, stats_config o WHERE c.client_id = OLD.id
      UNION ALL SELECT (e.at + o.offset_us) / 86400000000 AS day, NEW.category AS category, e.level AS level, 1 AS n FROM bb_case c JOIN evaluation e ON e.case_id = c.id, stats_config o WHERE c.client_id = NEW.id) AS d
    WHERE true GROUP BY day, category, level HAVING sum(n) <> 0
    ON CONFLICT (day, category, level) DO UPDATE SET n = n + excluded.n;
END;
