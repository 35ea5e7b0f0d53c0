-- Schema 7 (PostgreSQL): a time limit for each step of a complaint; how and
-- by whom a rectification's measures and return visit were recorded.
--
-- Complaints (GB/T 36113, § 监督与评价): besides the limit for the whole
-- complaint (complaint_days, from the day of intake), each step after the
-- intake has its own limit in working days, counted from the day the step
-- before it was taken: 调查, 处置 and 反馈 together take the ten working days
-- of complaint_days, and filing follows within five. complaint.limit_days
-- keeps the whole limit the complaint was given (it was only in the audit
-- record); complaint.step_due_at is the deadline of the step to take next
-- (NULL once filed); complaint_step.due_at the deadline each step had.
-- Complaints taken in before this schema had one deadline for every step:
-- that deadline is what their steps are measured against.

INSERT INTO setting (key, value) VALUES ('complaint_investigate_days', '2');
INSERT INTO setting (key, value) VALUES ('complaint_handle_days', '5');
INSERT INTO setting (key, value) VALUES ('complaint_feedback_days', '3');
INSERT INTO setting (key, value) VALUES ('complaint_archive_days', '5');

ALTER TABLE complaint ADD COLUMN limit_days INTEGER;
ALTER TABLE complaint ADD COLUMN step_due_at BIGINT;
ALTER TABLE complaint_step ADD COLUMN due_at BIGINT;

UPDATE complaint SET limit_days = (
  SELECT CAST(CAST(a.after AS jsonb) ->> 'limit_days' AS INTEGER) FROM audit a
  WHERE a.entity = 'complaint' AND a.entity_id = complaint.id AND a.action = 'create'
    AND a.after LIKE '{%'
  ORDER BY a.seq LIMIT 1);
UPDATE complaint SET step_due_at = due_at WHERE state <> 'archived';
UPDATE complaint_step SET due_at = c.due_at FROM complaint c
WHERE c.id = complaint_step.complaint_id AND complaint_step.step <> 'received';

-- Rectifications: how the return visit was made and whether the client
-- was satisfied, who recorded the measures and the visit, and when the
-- measures were recorded, were kept only in the case's timeline events
-- (and the audit): they get their own columns, filled from those events.

ALTER TABLE rectification ADD COLUMN visit_channel TEXT
  CHECK (visit_channel IS NULL OR visit_channel IN ('phone', 'onsite', 'sms'));
ALTER TABLE rectification ADD COLUMN visit_satisfied INTEGER
  CHECK (visit_satisfied IS NULL OR visit_satisfied IN (0, 1));
ALTER TABLE rectification ADD COLUMN measures_at BIGINT;
ALTER TABLE rectification ADD COLUMN measures_by BIGINT REFERENCES staff (id);
ALTER TABLE rectification ADD COLUMN visit_by BIGINT REFERENCES staff (id);

UPDATE rectification r SET measures_at = e.at, measures_by = e.staff_id
FROM (SELECT DISTINCT ON (CAST(CAST(data AS jsonb) ->> 'rectification_id' AS BIGINT))
             CAST(CAST(data AS jsonb) ->> 'rectification_id' AS BIGINT) AS rid, at, staff_id
      FROM case_event WHERE kind = 'rectification-measures' AND data LIKE '{%'
      ORDER BY CAST(CAST(data AS jsonb) ->> 'rectification_id' AS BIGINT), id DESC) e
WHERE e.rid = r.id AND r.state <> 'open';

UPDATE rectification r SET
  visit_channel = CASE WHEN e.channel IN ('phone', 'onsite', 'sms') THEN e.channel END,
  visit_satisfied = CASE e.satisfied WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
  visit_by = e.staff_id
FROM (SELECT DISTINCT ON (CAST(CAST(data AS jsonb) ->> 'rectification_id' AS BIGINT))
             CAST(CAST(data AS jsonb) ->> 'rectification_id' AS BIGINT) AS rid, staff_id,
             CAST(data AS jsonb) ->> 'channel' AS channel,
             CAST(data AS jsonb) ->> 'satisfied' AS satisfied
      FROM case_event WHERE kind = 'rectification-visit' AND data LIKE '{%'
      ORDER BY CAST(CAST(data AS jsonb) ->> 'rectification_id' AS BIGINT), id DESC) e
WHERE e.rid = r.id AND r.state = 'closed';
