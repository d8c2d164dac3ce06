-- A task may let its host go on after it failed (issue 13: every health check runs, whatever an earlier one found):
-- the host runs the later steps and ends failed after the last. Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE automation_task ADD COLUMN continue_on_failure BOOLEAN DEFAULT FALSE NOT NULL;
-- From this version on, machine_health.failing holds every check of a run (passed ones with state OK), not only
-- the failing ones: the column keeps its name, older rows keep what they had.
