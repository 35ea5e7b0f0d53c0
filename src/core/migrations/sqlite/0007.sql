-- Schema 7 (SQLite): a time limit for each step of a complaint; how and by
-- whom a rectification's measures and return visit were recorded.
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
  SELECT CAST(json_extract(a.after, '$.limit_days') AS INTEGER) FROM audit a
  WHERE a.entity = 'complaint' AND a.entity_id = complaint.id AND a.action = 'create'
    AND json_valid(a.after)
  ORDER BY a.seq LIMIT 1);
UPDATE complaint SET step_due_at = due_at WHERE state <> 'archived';
UPDATE complaint_step SET due_at = (
  SELECT c.due_at FROM complaint c WHERE c.id = complaint_step.complaint_id)
WHERE step <> 'received';

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

UPDATE rectification SET
  measures_at = (SELECT e.at FROM case_event e
                 WHERE e.case_id = rectification.case_id AND e.kind = 'rectification-measures'
                   AND json_valid(e.data)
                   AND json_extract(e.data, '$.rectification_id') = rectification.id
                 ORDER BY e.id DESC LIMIT 1),
  measures_by = (SELECT e.staff_id FROM case_event e
                 WHERE e.case_id = rectification.case_id AND e.kind = 'rectification-measures'
                   AND json_valid(e.data)
                   AND json_extract(e.data, '$.rectification_id') = rectification.id
                 ORDER BY e.id DESC LIMIT 1)
WHERE state <> 'open';

UPDATE rectification SET
  visit_channel = (SELECT json_extract(e.data, '$.channel') FROM case_event e
                   WHERE e.case_id = rectification.case_id AND e.kind = 'rectification-visit'
                     AND json_valid(e.data)
                     AND json_extract(e.data, '$.rectification_id') = rectification.id
                     AND json_extract(e.data, '$.channel') IN ('phone', 'onsite', 'sms')
                   ORDER BY e.id DESC LIMIT 1),
  visit_satisfied = (SELECT json_extract(e.data, '$.satisfied') FROM case_event e
                     WHERE e.case_id = rectification.case_id AND e.kind = 'rectification-visit'
                       AND json_valid(e.data)
                       AND json_extract(e.data, '$.rectification_id') = rectification.id
                       AND json_type(e.data, '$.satisfied') IN ('true', 'false')
                     ORDER BY e.id DESC LIMIT 1),
  visit_by = (SELECT e.staff_id FROM case_event e
              WHERE e.case_id = rectification.case_id AND e.kind = 'rectification-visit'
                AND json_valid(e.data)
                AND json_extract(e.data, '$.rectification_id') = rectification.id
              ORDER BY e.id DESC LIMIT 1)
WHERE state = 'closed';
