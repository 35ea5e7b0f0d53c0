-- Schema 4 (PostgreSQL): indexes for the dashboard's counters and filters.
-- Due soon and overdue are cases in handling by deadline; completed this
-- month is a range of completed_at. Without these, each counter reads the
-- whole case table.

CREATE INDEX bb_case_state_deadline ON bb_case (state, deadline, id);
CREATE INDEX bb_case_completed ON bb_case (completed_at);
