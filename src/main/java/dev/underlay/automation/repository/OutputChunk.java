package dev.underlay.automation.repository;

import dev.underlay.automation.jobs.JobRepository.OutputLine;
import dev.underlay.ssh.StreamKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code job_output_chunk} (V9, decision 0024): lines of one job, host, step and stream, in seq order.
 * {@code body} is their texts one after the other; {@code marks} says, for each line, {@code seq-gap,micros-gap,
 * length;} with the gaps taken from the line before (the first from the row's own first seq and time) and the
 * length in Java chars. A chunk of one line has empty marks and its text as the body, which is also what V9 made of
 * every row stored before it. Only this class reads or writes the format.
 */
final class OutputChunk {
    /** Lines in one chunk at most: keeps marks inside its column and a page of chunks small in memory. */
    static final int MAX_LINES = 2_000;
    /** Text in one chunk at most (the body column holds 300,000); one longest line (65,536) always fits. */
    static final int MAX_CHARS = 262_144;
    /**
     * The seqs of one chunk lie within this distance, so the chunks holding lines after seq S all start after
     * S - MAX_SPAN, which the primary key (job_id, first_seq) finds without an index on last_seq.
     */
    static final long MAX_SPAN = 20_000;

    final long job;
    final String host;
    final int step;
    final StreamKind stream;
    final long firstSeq;
    final long firstMicros;
    private final StringBuilder marks = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private String only;
    private long lastSeq;
    private long lastMicros;
    private int count;

    OutputChunk(long job, OutputLine first) {
        this.job = job;
        this.host = first.host();
        this.step = first.step();
        this.stream = first.stream();
        this.firstSeq = first.seq();
        this.firstMicros = micros(first.at());
        this.lastSeq = firstSeq;
        this.lastMicros = firstMicros;
        this.only = first.text();
        this.count = 1;
    }

    /** Whether the line (same job, host, step and stream, seq after the last) may join this chunk. */
    boolean fits(OutputLine l) {
        return count < MAX_LINES && l.seq() - firstSeq <= MAX_SPAN
                && length() + l.text().length() <= MAX_CHARS;
    }

    void add(OutputLine l) {
        if (only != null) { // the first line gets its mark once a second one joins
            marks.append("0,0,").append(only.length()).append(';');
            body.append(only);
            only = null;
        }
        long at = micros(l.at());
        marks.append(l.seq() - lastSeq).append(',').append(at - lastMicros).append(',').append(l.text().length())
                .append(';');
        body.append(l.text());
        lastSeq = l.seq();
        lastMicros = at;
        count++;
    }

    private int length() {
        return only != null ? only.length() : body.length();
    }

    long lastSeq() {
        return lastSeq;
    }

    int count() {
        return count;
    }

    String marks() {
        return only != null ? "" : marks.toString();
    }

    String body() {
        return only != null ? only : body.toString();
    }

    /** The lines of a stored chunk. */
    static List<OutputLine> decode(long firstSeq, Instant firstAt, String host, int step, StreamKind stream,
                                   int count, String marks, String body) {
        if (marks.isEmpty()) {
            return List.of(new OutputLine(firstSeq, firstAt, host, step, stream, body));
        }
        List<OutputLine> out = new ArrayList<>(count);
        long seq = firstSeq;
        long at = micros(firstAt);
        int m = 0;
        int b = 0;
        while (m < marks.length()) { // bounded: each turn consumes one mark, at least four chars
            int c1 = marks.indexOf(',', m);
            int c2 = marks.indexOf(',', c1 + 1);
            int end = marks.indexOf(';', c2 + 1);
            if (c1 < 0 || c2 < 0 || end < 0) {
                throw new IllegalStateException("a stored output chunk of " + host + " at seq " + firstSeq
                        + " is damaged");
            }
            seq += Long.parseLong(marks, m, c1, 10);
            at += Long.parseLong(marks, c1 + 1, c2, 10);
            int len = Integer.parseInt(marks, c2 + 1, end, 10);
            out.add(new OutputLine(seq, instant(at), host, step, stream, body.substring(b, b + len)));
            b += len;
            m = end + 1;
        }
        return out;
    }

    /** Microseconds since the epoch: what the TIMESTAMP columns of H2 and PostgreSQL keep. */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
