-- Schema 1 (PostgreSQL): settings shared by every workstation of the database.
-- Instants are int64 microseconds since the epoch (UTC).

CREATE TABLE setting (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  version    INTEGER NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL DEFAULT 0
);

INSERT INTO setting (key, value) VALUES ('team_name', '');
INSERT INTO setting (key, value) VALUES ('complaint_hotline', '');
INSERT INTO setting (key, value) VALUES ('case_number_format', '{year}{seq:6}');
INSERT INTO setting (key, value) VALUES ('time_zone', 'Asia/Shanghai');
INSERT INTO setting (key, value) VALUES ('rectification_days', '5');
