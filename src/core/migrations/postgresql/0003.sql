-- Schema 3 (PostgreSQL): indexes the case repository reads by, and one ID number or
-- credit code per client even when two workstations add the same person at
-- the same moment.

CREATE INDEX bb_case_parent ON bb_case (parent_case_id);
CREATE INDEX rectification_case ON rectification (case_id, id);
CREATE UNIQUE INDEX client_id_number_unique ON client (id_number) WHERE id_number IS NOT NULL;
CREATE UNIQUE INDEX client_credit_code_unique ON client (credit_code) WHERE credit_code IS NOT NULL;
