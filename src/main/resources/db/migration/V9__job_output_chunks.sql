-- The job log in chunks (decision 0024): one row holds the lines that one write stored for one job, host, step and
-- stream, with each line's own seq, time and length in marks ("seq-gap,micros-gap,length;" per line) and their
-- texts one after the other in body. Ten lines a row cost H2 about a tenth of ten rows. A row of one line has empty
-- marks and its text as body: every line stored before V9 is carried over as such a row, so nothing is lost and
-- readers need only the new shape. Portable SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE job_output_chunk (
    job_id     BIGINT NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    first_seq  BIGINT NOT NULL,
    last_seq   BIGINT NOT NULL,
    first_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    host       VARCHAR(200) NOT NULL,
    step       INT NOT NULL,
    stream     VARCHAR(6) NOT NULL,
    line_count INT NOT NULL,
    marks      VARCHAR(100000) NOT NULL,
    body       VARCHAR(300000) NOT NULL,
    PRIMARY KEY (job_id, first_seq)
);

INSERT INTO job_output_chunk (job_id, first_seq, last_seq, first_at, host, step, stream, line_count, marks, body)
    SELECT job_id, seq, seq, at, host, step, stream, 1, '', line FROM job_output;

DROP TABLE job_output;
