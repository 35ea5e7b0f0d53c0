-- Schema 6 belongs to the statistics branch (stats tables), which is merged
-- separately: this empty file only lets the branch that brings schema 7 run
-- its migrations before that merge. The merge replaces it with the real one.
SELECT 1;
