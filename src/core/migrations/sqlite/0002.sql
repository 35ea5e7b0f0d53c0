-- Schema 2 (SQLite): every entity of DESIGN.md, the audit chain and the change feed.
-- Instants are int64 microseconds since the epoch (UTC); calendar dates are
-- ISO 'YYYY-MM-DD' text. Flags are INTEGER 0/1 on both engines. Every
-- mutable row carries `version` for optimistic locking.

CREATE TABLE staff (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('staff', 'leader', 'manager', 'admin')),
  phone         TEXT,
  posts         TEXT,
  password_hash TEXT,
  active        INTEGER NOT NULL DEFAULT 1,
  created_at    BIGINT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT staff_number_unique UNIQUE (number)
);

CREATE TABLE client (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
  name        TEXT NOT NULL,
  id_number   TEXT,
  credit_code TEXT,
  phone       TEXT,
  email       TEXT,
  address     TEXT,
  category    TEXT NOT NULL DEFAULT 'other' CHECK (category IN
                ('key_enterprise', 'talent', 'special_care', 'military',
                 'inspection', 'complaint', 'other')),
  talent_card TEXT,
  notes       TEXT,
  created_at  BIGINT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX client_id_number ON client (id_number);
CREATE INDEX client_credit_code ON client (credit_code);
CREATE INDEX client_phone ON client (phone);
CREATE INDEX client_name ON client (name);

-- One- and two-character pieces of client names: the search path for queries
-- too short for a trigram index (most Chinese names have two or three).
CREATE TABLE client_gram (
  gram      TEXT NOT NULL,
  client_id BIGINT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
  PRIMARY KEY (gram, client_id)
);

CREATE TABLE catalogue_item (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  department  TEXT NOT NULL,
  legal_basis TEXT,
  limit_days  INTEGER NOT NULL CHECK (limit_days BETWEEN 1 AND 365),
  process     TEXT,
  fees        TEXT,
  online      INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1,
  created_at  BIGINT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT catalogue_item_name_unique UNIQUE (name)
);

CREATE TABLE catalogue_material (
  id            INTEGER PRIMARY KEY,
  item_id       BIGINT NOT NULL REFERENCES catalogue_item (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  name          TEXT NOT NULL,
  form          TEXT NOT NULL DEFAULT 'original' CHECK (form IN ('original', 'copy', 'original_and_copy', 'electronic')),
  copies        INTEGER NOT NULL DEFAULT 1,
  how_to_obtain TEXT
);
CREATE INDEX catalogue_material_item ON catalogue_material (item_id, position);

CREATE TABLE holiday (
  day     TEXT PRIMARY KEY,
  kind    TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name    TEXT,
  version INTEGER NOT NULL DEFAULT 1
);

-- Sequences such as case numbers: one row per name and year, taken under the
-- row lock of the creating transaction.
CREATE TABLE counter (
  name  TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);

CREATE TABLE bb_case (
  id                 INTEGER PRIMARY KEY,
  number             TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('assist', 'proxy')),
  state              TEXT NOT NULL,
  client_id          BIGINT NOT NULL REFERENCES client (id),
  item_id            BIGINT REFERENCES catalogue_item (id),
  matter             TEXT NOT NULL,
  reason             TEXT,
  mode               TEXT NOT NULL DEFAULT 'hall' CHECK (mode IN ('hall', 'window', 'home', 'online')),
  channel            TEXT NOT NULL DEFAULT 'onsite' CHECK (channel IN ('onsite', 'phone', 'email', 'online')),
  area               TEXT CHECK (area IN ('online', 'self_service', 'assist')),
  home_address       TEXT,
  appointment_at     BIGINT,
  priority           INTEGER NOT NULL DEFAULT 0,
  responsible_id     BIGINT REFERENCES staff (id),
  accepted_by        BIGINT REFERENCES staff (id),
  accepted_at        BIGINT,
  handler_id         BIGINT REFERENCES staff (id),
  applied_at         BIGINT NOT NULL,
  limit_days         INTEGER,
  deadline           TEXT,
  difficulty         TEXT,
  estimated_days     INTEGER,
  process_plan       TEXT,
  analysis_confirmed INTEGER NOT NULL DEFAULT 0,
  acceptance_notes   TEXT,
  refusal_reason     TEXT,
  result             TEXT,
  delivery           TEXT,
  completed_at       BIGINT,
  archive_number     TEXT,
  archived_at        BIGINT,
  resume_by          TEXT,
  parent_case_id     BIGINT REFERENCES bb_case (id),
  remark             TEXT,
  created_by         BIGINT REFERENCES staff (id),
  created_at         BIGINT NOT NULL,
  updated_at         BIGINT NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT bb_case_number_unique UNIQUE (number)
);
CREATE INDEX bb_case_state ON bb_case (state, id);
CREATE INDEX bb_case_kind ON bb_case (kind, id);
CREATE INDEX bb_case_responsible ON bb_case (responsible_id, id);
CREATE INDEX bb_case_client ON bb_case (client_id, id);
CREATE INDEX bb_case_item ON bb_case (item_id, id);
CREATE INDEX bb_case_deadline ON bb_case (deadline, id);
CREATE INDEX bb_case_applied ON bb_case (applied_at, id);
CREATE INDEX bb_case_queue ON bb_case (state, priority, applied_at, id);

-- The text a case is found by (number, client name, ID number or credit
-- code, phone, matter, log text), kept by the case repository.
CREATE TABLE case_search (
  case_id BIGINT PRIMARY KEY REFERENCES bb_case (id) ON DELETE CASCADE,
  body    TEXT NOT NULL
);

CREATE TABLE case_material (
  id            INTEGER PRIMARY KEY,
  case_id       BIGINT NOT NULL REFERENCES bb_case (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  name          TEXT NOT NULL,
  form          TEXT NOT NULL DEFAULT 'original',
  copies        INTEGER NOT NULL DEFAULT 1,
  how_to_obtain TEXT,
  present       INTEGER NOT NULL DEFAULT 0,
  note          TEXT,
  version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_material_case ON case_material (case_id, position);

CREATE TABLE case_department (
  id         INTEGER PRIMARY KEY,
  case_id    BIGINT NOT NULL REFERENCES bb_case (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  status     TEXT NOT NULL,
  note       TEXT,
  updated_at BIGINT NOT NULL,
  version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_department_case ON case_department (case_id);

-- The timeline: state changes, work log, problems, progress reports,
-- supplements, department updates, reports to supervisors, notices…
CREATE TABLE case_event (
  id         INTEGER PRIMARY KEY,
  case_id    BIGINT NOT NULL REFERENCES bb_case (id) ON DELETE CASCADE,
  at         BIGINT NOT NULL,
  staff_id   BIGINT REFERENCES staff (id),
  kind       TEXT NOT NULL,
  from_state TEXT,
  to_state   TEXT,
  body       TEXT,
  data       TEXT
);
CREATE INDEX case_event_case ON case_event (case_id, at, id);

CREATE TABLE suspension (
  id           INTEGER PRIMARY KEY,
  case_id      BIGINT NOT NULL REFERENCES bb_case (id) ON DELETE CASCADE,
  reason       TEXT NOT NULL CHECK (reason IN ('materials', 'fees', 'client', 'force-majeure')),
  note         TEXT,
  suspended_on TEXT NOT NULL,
  resume_by    TEXT NOT NULL,
  resumed_on   TEXT,
  terminated   INTEGER NOT NULL DEFAULT 0,
  staff_id     BIGINT REFERENCES staff (id)
);
CREATE INDEX suspension_case ON suspension (case_id, id);

CREATE TABLE reassignment (
  id          INTEGER PRIMARY KEY,
  case_id     BIGINT NOT NULL REFERENCES bb_case (id) ON DELETE CASCADE,
  from_staff  BIGINT REFERENCES staff (id),
  to_staff    BIGINT NOT NULL REFERENCES staff (id),
  reason      TEXT NOT NULL,
  client_told INTEGER NOT NULL,
  at          BIGINT NOT NULL,
  by_staff    BIGINT REFERENCES staff (id)
);
CREATE INDEX reassignment_case ON reassignment (case_id, id);

CREATE TABLE handover (
  id          INTEGER PRIMARY KEY,
  case_id     BIGINT NOT NULL REFERENCES bb_case (id) ON DELETE CASCADE,
  items       TEXT NOT NULL,
  received_by TEXT,
  at          BIGINT NOT NULL,
  staff_id    BIGINT REFERENCES staff (id)
);
CREATE INDEX handover_case ON handover (case_id, id);

CREATE TABLE evaluation (
  id           INTEGER PRIMARY KEY,
  case_id      BIGINT NOT NULL REFERENCES bb_case (id) ON DELETE CASCADE,
  level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  comment      TEXT,
  channel      TEXT NOT NULL CHECK (channel IN ('onsite', 'device', 'terminal', 'phone', 'sms', 'online')),
  integrity_ok INTEGER NOT NULL DEFAULT 1,
  at           BIGINT NOT NULL,
  staff_id     BIGINT REFERENCES staff (id),
  version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX evaluation_case ON evaluation (case_id, id);
CREATE INDEX evaluation_at ON evaluation (at);

CREATE TABLE rectification (
  id             INTEGER PRIMARY KEY,
  evaluation_id  BIGINT NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
  case_id        BIGINT NOT NULL REFERENCES bb_case (id) ON DELETE CASCADE,
  state          TEXT NOT NULL CHECK (state IN ('open', 'measures', 'closed')),
  deadline       TEXT NOT NULL,
  responsible_id BIGINT REFERENCES staff (id),
  measures       TEXT,
  return_visit   TEXT,
  return_visit_at BIGINT,
  created_at     BIGINT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX rectification_state ON rectification (state, deadline);

CREATE TABLE follow_up (
  id       INTEGER PRIMARY KEY,
  case_id  BIGINT NOT NULL REFERENCES bb_case (id) ON DELETE CASCADE,
  at       BIGINT NOT NULL,
  staff_id BIGINT REFERENCES staff (id),
  body     TEXT NOT NULL
);
CREATE INDEX follow_up_case ON follow_up (case_id, id);

CREATE TABLE consultation (
  id       INTEGER PRIMARY KEY,
  at       BIGINT NOT NULL,
  staff_id BIGINT REFERENCES staff (id),
  name     TEXT NOT NULL,
  contact  TEXT,
  channel  TEXT NOT NULL DEFAULT 'onsite' CHECK (channel IN ('onsite', 'phone', 'email', 'online')),
  content  TEXT NOT NULL,
  result   TEXT,
  case_id  BIGINT REFERENCES bb_case (id),
  version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consultation_at ON consultation (at, id);

CREATE TABLE complaint (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL,
  received_at  BIGINT NOT NULL,
  channel      TEXT NOT NULL,
  complainant  TEXT NOT NULL,
  contact      TEXT,
  case_id      BIGINT REFERENCES bb_case (id),
  staff_id     BIGINT REFERENCES staff (id),
  content      TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('received', 'investigating', 'handled', 'answered', 'archived')),
  due_at       BIGINT,
  created_by   BIGINT REFERENCES staff (id),
  version      INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT complaint_number_unique UNIQUE (number)
);
CREATE INDEX complaint_state ON complaint (state, id);
CREATE INDEX complaint_received ON complaint (received_at, id);

CREATE TABLE complaint_step (
  id           INTEGER PRIMARY KEY,
  complaint_id BIGINT NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
  step         TEXT NOT NULL,
  at           BIGINT NOT NULL,
  staff_id     BIGINT REFERENCES staff (id),
  body         TEXT,
  on_time      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX complaint_step_complaint ON complaint_step (complaint_id, id);

-- Audit: hash-chained. seq is assigned under the lock of audit_head; each
-- row's hash is SHA-256 over the previous row's hash and this row's content.
CREATE TABLE audit (
  seq       BIGINT PRIMARY KEY,
  at        BIGINT NOT NULL,
  actor     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id BIGINT,
  action    TEXT NOT NULL,
  before    TEXT,
  after     TEXT,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit (entity, entity_id, seq);

CREATE TABLE audit_head (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq  BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Change feed: a monotonic revision per change, polled by other workstations.
CREATE TABLE change_feed (
  revision  INTEGER PRIMARY KEY,
  at        BIGINT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id BIGINT
);

INSERT INTO setting (key, value) VALUES ('supplement_days', '5');
INSERT INTO setting (key, value) VALUES ('complaint_days', '10');

-- Substring search of three characters and more: an FTS5 trigram index over
-- case_search, kept in step by triggers.
CREATE VIRTUAL TABLE case_search_fts USING fts5 (
  body, content = 'case_search', content_rowid = 'case_id', tokenize = 'trigram'
);
CREATE TRIGGER case_search_ai AFTER INSERT ON case_search BEGIN
  INSERT INTO case_search_fts (rowid, body) VALUES (new.case_id, new.body);
END;
CREATE TRIGGER case_search_ad AFTER DELETE ON case_search BEGIN
  INSERT INTO case_search_fts (case_search_fts, rowid, body) VALUES ('delete', old.case_id, old.body);
END;
CREATE TRIGGER case_search_au AFTER UPDATE ON case_search BEGIN
  INSERT INTO case_search_fts (case_search_fts, rowid, body) VALUES ('delete', old.case_id, old.body);
  INSERT INTO case_search_fts (rowid, body) VALUES (new.case_id, new.body);
END;
