package dev.underlay.automation.repository;

import dev.underlay.automation.jobs.JobRepository.LineRow;
import dev.underlay.automation.jobs.JobRepository.OutputLine;
import dev.underlay.db.Database;
import dev.underlay.db.DatabaseException;
import dev.underlay.ssh.StreamKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * A job's output lines in {@code job_output_chunk} (V9, decision 0024): each write stores the batch's lines of one
 * job, host, step and stream as few rows ({@link OutputChunk}), and every read merges the rows back into single
 * lines in seq order, so callers see the lines exactly as they did when each had its own row.
 */
final class JdbcJobOutput {
    /** Chunks read per query: bounded, so a read holds a page of rows, never the whole job's. */
    static final int PAGE = 64;
    private static final int MAX_LINE = 65_536;

    private JdbcJobOutput() {
    }

    /** Inserts the lines as chunks, inside the caller's transaction. */
    static void write(Connection c, List<LineRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Map<Key, List<OutputLine>> groups = new LinkedHashMap<>();
        for (LineRow r : rows) {
            OutputLine l = r.line();
            groups.computeIfAbsent(new Key(r.job(), l.host(), l.step(), l.stream()), k -> new ArrayList<>())
                    .add(l.text().length() <= MAX_LINE ? l : new OutputLine(l.seq(), l.at(), l.host(), l.step(),
                            l.stream(), l.text().substring(0, MAX_LINE)));
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO job_output_chunk (job_id, first_seq, last_seq, "
                + "first_at, host, step, stream, line_count, marks, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<Key, List<OutputLine>> g : groups.entrySet()) {
                List<OutputLine> lines = g.getValue();
                lines.sort(Comparator.comparingLong(OutputLine::seq)); // nearly sorted already: the queue's order
                OutputChunk chunk = null;
                for (OutputLine l : lines) {
                    if (chunk != null && chunk.fits(l)) {
                        chunk.add(l);
                        continue;
                    }
                    if (chunk != null) {
                        bind(st, chunk);
                        n++;
                    }
                    chunk = new OutputChunk(g.getKey().job(), l);
                }
                bind(st, chunk);
                if (++n >= 1000) {
                    st.executeBatch();
                    n = 0;
                }
            }
            if (n > 0) {
                st.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement st, OutputChunk k) throws SQLException {
        st.setLong(1, k.job);
        st.setLong(2, k.firstSeq);
        st.setLong(3, k.lastSeq());
        st.setTimestamp(4, Timestamp.from(OutputChunk.instant(k.firstMicros)));
        st.setString(5, k.host);
        st.setInt(6, k.step);
        st.setString(7, k.stream == StreamKind.STDERR ? "stderr" : "stdout");
        st.setInt(8, k.count());
        st.setString(9, k.marks());
        st.setString(10, k.body());
        st.addBatch();
    }

    /**
     * At most {@code limit} lines of job {@code id} with a seq after {@code afterSeq}, of one host and one step
     * when they are given, in seq order. Chunks come in pages by first seq; a line is handed on once no chunk still
     * unread can hold an earlier one (every later chunk starts after the last first seq read).
     */
    static void read(Database db, long id, String host, Integer step, long afterSeq, long limit,
                     Consumer<OutputLine> each) {
        // ORDER BY names both columns of the key: with first_seq alone H2 reads the whole rest of the job and sorts it
        String sql = "SELECT first_seq, first_at, host, step, stream, line_count, marks, body FROM job_output_chunk "
                + "WHERE job_id = ? AND first_seq > ? AND last_seq > ?" + (host == null ? "" : " AND host = ?")
                + (step == null ? "" : " AND step = ?") + " ORDER BY job_id, first_seq FETCH FIRST " + PAGE
                + " ROWS ONLY";
        PriorityQueue<OutputLine> waiting = new PriorityQueue<>(Comparator.comparingLong(OutputLine::seq));
        long from = afterSeq < Long.MIN_VALUE + OutputChunk.MAX_SPAN ? Long.MIN_VALUE : afterSeq - OutputChunk.MAX_SPAN;
        long left = limit;
        try (Connection c = db.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            while (left > 0) { // bounded: every full page moves `from` past the chunks it read; a short one ends
                int i = 1;
                st.setLong(i++, id);
                st.setLong(i++, from);
                st.setLong(i++, afterSeq);
                if (host != null) {
                    st.setString(i++, host);
                }
                if (step != null) {
                    st.setInt(i, step);
                }
                int rows = 0;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        from = rs.getLong(1);
                        for (OutputLine l : OutputChunk.decode(from, rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getInt(4), "stderr".equals(rs.getString(5)) ? StreamKind.STDERR : StreamKind.STDOUT,
                                rs.getInt(6), rs.getString(7), rs.getString(8))) {
                            if (l.seq() > afterSeq) {
                                waiting.add(l);
                            }
                        }
                    }
                }
                boolean end = rows < PAGE;
                while (left > 0 && !waiting.isEmpty() && (end || waiting.peek().seq() <= from)) {
                    each.accept(waiting.poll());
                    left--;
                }
                if (end) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the output of job " + id + ": " + e.getMessage(), e);
        }
    }

    private record Key(long job, String host, int step, StreamKind stream) {
    }
}
