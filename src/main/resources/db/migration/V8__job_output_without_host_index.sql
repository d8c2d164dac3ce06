-- The secondary index on job_output (job_id, host, step) cost about ten times the insert itself: every flush
-- touched a leaf of it for each of a thousand hosts, and H2 rewrote each of those pages (decision 0019). Reading one
-- host's lines now walks the job's lines by the primary key (job_id, seq) and filters; that read is rare, the
-- writes are 100,000 a second.
DROP INDEX job_output_host;
