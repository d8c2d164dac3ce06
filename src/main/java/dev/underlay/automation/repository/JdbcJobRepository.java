package dev.underlay.automation.repository;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.db.Database;
import dev.underlay.db.DatabaseException;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Jobs in the database ({@code V6__jobs.sql}, {@code V8}, the log's rows in {@link JdbcJobOutput} since
 * {@code V9}); every write in one transaction: the log's batches on
 * {@link Database#logTransaction}, the rest on {@link Database#transaction}.
 */
public final class JdbcJobRepository implements JobRepository {
    private static final String ACTIVE = "('RUNNING', 'PAUSED', 'AWAITING_APPROVAL')";
    private static final String ENDED = "('SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED')";

    private final Database db;

    public JdbcJobRepository(Database db) {
        this.db = db;
    }

    @Override
    public long create(NewJob job) {
        return tx(c -> {
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO job (title, plan_name, target_kind, target, "
                    + "strategy, wave_size, wave_by, max_fail, approve, policy, forks, dry_run, rehearse, state, "
                    + "message, parent_id, created_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', "
                    + "?, ?, ?)", new String[] {"id"})) {
                JobOptions o = job.options();
                st.setString(1, cut(job.title(), 400));
                st.setString(2, cut(job.planName(), 400));
                st.setString(3, job.target().kind().name());
                st.setString(4, job.target().text());
                st.setString(5, o.strategy().name());
                st.setString(6, o.wave() == null ? "" : o.wave().toString());
                st.setString(7, o.waveBy());
                st.setDouble(8, o.maxFailPercent());
                st.setBoolean(9, o.approveWaves());
                st.setString(10, o.failurePolicy().name());
                st.setInt(11, o.forks());
                st.setBoolean(12, o.dryRun());
                st.setBoolean(13, o.rehearse());
                st.setString(14, job.state().name());
                if (job.parent() == null) {
                    st.setNull(15, java.sql.Types.BIGINT);
                } else {
                    st.setLong(15, job.parent());
                }
                st.setTimestamp(16, Timestamp.from(job.created()));
                st.setTimestamp(17, job.state().isFinal() ? Timestamp.from(job.created()) : null);
                st.executeUpdate();
                try (ResultSet rs = st.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO job_step (job_id, position, label) "
                    + "VALUES (?, ?, ?)")) {
                for (int i = 0; i < job.stepLabels().size(); i++) {
                    st.setLong(1, id);
                    st.setInt(2, i);
                    st.setString(3, cut(job.stepLabels().get(i), 400));
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO job_host (job_id, host, position, wave, "
                    + "state) VALUES (?, ?, ?, ?, 'WAITING')")) {
                int pos = 0;
                for (int w = 0; w < job.waves().size(); w++) {
                    for (String h : job.waves().get(w)) {
                        st.setLong(1, id);
                        st.setString(2, h);
                        st.setInt(3, pos++);
                        st.setInt(4, w);
                        st.addBatch();
                    }
                }
                st.executeBatch();
            }
            return id;
        });
    }

    @Override
    public void write(Batch batch) {
        logTx(c -> {
            jobStates(c, batch.jobs());
            hostStates(c, batch.hosts());
            steps(c, batch.steps());
            JdbcJobOutput.write(c, batch.lines());
            return null;
        });
    }

    private static void jobStates(Connection c, List<JobStateChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE job SET state = ?, message = ?, ended_at = ? "
                + "WHERE id = ?")) {
            for (JobStateChange j : changes) {
                st.setString(1, j.state().name());
                st.setString(2, cut(j.message(), 4000));
                st.setTimestamp(3, j.state().isFinal() ? Timestamp.from(j.at()) : null);
                st.setLong(4, j.job());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void hostStates(Connection c, List<HostStateChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE job_host SET state = ? WHERE job_id = ? AND host = ?")) {
            for (HostStateChange h : changes) {
                st.setString(1, h.state().name());
                st.setLong(2, h.job());
                st.setString(3, h.host());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** The last change of each attempt in the batch: an update, or an insert for an attempt not stored yet. */
    private static void steps(Connection c, List<StepRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, StepRow> last = new LinkedHashMap<>();
        for (StepRow r : rows) {
            JobListener.StepResult s = r.result();
            last.put(r.job() + "/" + s.host() + "/" + s.step() + "/" + s.attempt(), r);
        }
        List<StepRow> todo = new ArrayList<>(last.values());
        int[] counts;
        try (PreparedStatement st = c.prepareStatement("UPDATE job_step_result SET state = ?, started_at = ?, "
                + "ended_at = ?, exit_status = ?, failure = ?, message = ?, script = ? WHERE job_id = ? AND host = ? "
                + "AND step = ? AND attempt = ?")) {
            for (StepRow r : todo) {
                int i = bindStep(st, r.result(), 1);
                st.setLong(i++, r.job());
                st.setString(i++, r.result().host());
                st.setInt(i++, r.result().step());
                st.setInt(i, r.result().attempt());
                st.addBatch();
            }
            counts = st.executeBatch();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO job_step_result (state, started_at, ended_at, "
                + "exit_status, failure, message, script, job_id, host, step, attempt) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?)")) {
            boolean any = false;
            for (int n = 0; n < todo.size(); n++) {
                if (counts[n] == 0) {
                    StepRow r = todo.get(n);
                    int i = bindStep(st, r.result(), 1);
                    st.setLong(i++, r.job());
                    st.setString(i++, r.result().host());
                    st.setInt(i++, r.result().step());
                    st.setInt(i, r.result().attempt());
                    st.addBatch();
                    any = true;
                }
            }
            if (any) {
                st.executeBatch();
            }
        }
    }

    private static int bindStep(PreparedStatement st, JobListener.StepResult s, int i) throws SQLException {
        st.setString(i++, s.state().name());
        st.setTimestamp(i++, s.started() == null ? null : Timestamp.from(s.started()));
        st.setTimestamp(i++, s.ended() == null ? null : Timestamp.from(s.ended()));
        st.setInt(i++, s.exitStatus());
        st.setString(i++, s.failure());
        st.setString(i++, cut(s.message(), 4000));
        st.setString(i++, cut(s.script(), 1_000_000));
        return i;
    }

    @Override
    public int markInterrupted(Instant at) {
        if (count("SELECT COUNT(*) FROM job WHERE state IN " + ACTIVE, null) == 0) {
            return 0; // the usual case: no write, so opening a folder commits nothing
        }
        return tx(c -> {
            int n;
            try (PreparedStatement st = c.prepareStatement("UPDATE job SET state = 'INTERRUPTED', ended_at = ?, "
                    + "message = 'the process running it ended before the job did' WHERE state IN " + ACTIVE)) {
                st.setTimestamp(1, Timestamp.from(at));
                n = st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE job_host SET state = 'INTERRUPTED' WHERE state "
                    + "IN ('WAITING', 'ACTIVE') AND job_id IN (SELECT id FROM job WHERE state = 'INTERRUPTED')")) {
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE job_step_result SET state = 'INTERRUPTED', "
                    + "ended_at = ? WHERE state IN ('PENDING', 'RUNNING', 'RETRY_WAIT') AND job_id IN (SELECT id FROM "
                    + "job WHERE state = 'INTERRUPTED')")) {
                st.setTimestamp(1, Timestamp.from(at));
                st.executeUpdate();
            }
            return n;
        });
    }

    @Override
    public List<JobSummary> list(int limit) {
        return JobRows.read(db, JobRows.SUMMARY + "ORDER BY j.id DESC FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY", null);
    }

    @Override
    public List<JobSummary> unended() {
        return JobRows.read(db, JobRows.SUMMARY + "WHERE j.state IN " + ACTIVE + " ORDER BY j.id DESC", null);
    }

    @Override
    public Optional<JobSummary> find(long id) {
        return JobRows.read(db, JobRows.SUMMARY + "WHERE j.id = ?", id).stream().findFirst();
    }

    /**
     * One statement: the newest ended job of each host (a grouping over {@code job_host} joined to the jobs that
     * ended), then that row of {@code job_host} by its primary key (job_id, host). No index of its own: the grouping
     * reads {@code job_host} once whichever index there is, and every job's hosts are written once per state change.
     */
    @Override
    public Map<String, HostRunState> lastHostStates() {
        try (Connection c = db.connection(); PreparedStatement st = c.prepareStatement("SELECT h.host, h.state FROM "
                + "job_host h JOIN (SELECT lh.host, MAX(lh.job_id) AS job_id FROM job_host lh JOIN job j ON j.id = "
                + "lh.job_id WHERE j.state IN " + ENDED + " GROUP BY lh.host) newest ON h.job_id = newest.job_id "
                + "AND h.host = newest.host")) {
            Map<String, HostRunState> out = new java.util.HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), HostRunState.valueOf(rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the hosts' last job states: " + e.getMessage(), e);
        }
    }

    @Override
    public List<HostRow> hosts(long id) {
        try (Connection c = db.connection(); PreparedStatement st = c.prepareStatement("SELECT host, position, wave, "
                + "state FROM job_host WHERE job_id = ? ORDER BY position")) {
            st.setLong(1, id);
            List<HostRow> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new HostRow(rs.getString(1), rs.getInt(2), rs.getInt(3),
                            HostRunState.valueOf(rs.getString(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the hosts of job " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<JobListener.StepResult> results(long id) {
        try (Connection c = db.connection(); PreparedStatement st = c.prepareStatement("SELECT r.host, r.step, "
                + "r.attempt, r.state, r.started_at, r.ended_at, r.exit_status, r.failure, r.message, r.script FROM "
                + "job_step_result r JOIN job_host h ON h.job_id = r.job_id AND h.host = r.host WHERE r.job_id = ? "
                + "ORDER BY h.position, r.step, r.attempt")) {
            st.setLong(1, id);
            List<JobListener.StepResult> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Timestamp s = rs.getTimestamp(5);
                    Timestamp e = rs.getTimestamp(6);
                    out.add(new JobListener.StepResult(rs.getString(1), rs.getInt(2), rs.getInt(3),
                            StepState.valueOf(rs.getString(4)), s == null ? null : s.toInstant(),
                            e == null ? null : e.toInstant(), rs.getInt(7), rs.getString(8), rs.getString(9),
                            rs.getString(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the results of job " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void output(long id, String host, Integer step, Consumer<OutputLine> each) {
        JdbcJobOutput.read(db, id, host, step, Long.MIN_VALUE, Long.MAX_VALUE, each);
    }

    @Override
    public void outputAfter(long id, long afterSeq, int limit, Consumer<OutputLine> each) {
        JdbcJobOutput.read(db, id, null, null, afterSeq, limit, each);
    }

    @Override
    public int purgeEndedBefore(Instant cutoff) {
        return count("SELECT COUNT(*) FROM job WHERE ended_at IS NOT NULL AND ended_at < ?", cutoff) == 0 ? 0
                : tx(c -> JobRows.delete(c, "ended_at < ?", Timestamp.from(cutoff)));
    }

    @Override
    public boolean delete(long id) {
        return tx(c -> JobRows.delete(c, "id = ?", id)) > 0;
    }

    private long count(String sql, Instant at) {
        try (Connection c = db.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (at != null) {
                st.setTimestamp(1, Timestamp.from(at));
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read jobs: " + e.getMessage(), e);
        }
    }

    private <T> T tx(Database.SqlWork<T> work) {
        try {
            return db.transaction(work);
        } catch (SQLException e) {
            throw new DatabaseException("cannot write jobs: " + e.getMessage(), e);
        }
    }

    /** The database's log path: in the file on return, synced at most once a second (decision 0019). */
    private void logTx(Database.SqlWork<Void> work) {
        try {
            db.logTransaction(work);
        } catch (SQLException e) {
            throw new DatabaseException("cannot write the job log: " + e.getMessage(), e);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
