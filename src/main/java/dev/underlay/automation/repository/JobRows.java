package dev.underlay.automation.repository;

import dev.underlay.automation.jobs.FailurePolicy;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository.JobSummary;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.automation.jobs.Strategy;
import dev.underlay.automation.jobs.WaveSize;
import dev.underlay.db.Database;
import dev.underlay.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reading jobs back: the summary query with its host counts, and the step labels. */
final class JobRows {
    static final String SUMMARY = "SELECT j.id, j.title, j.plan_name, j.target_kind, j.target, j.strategy, "
            + "j.wave_size, j.wave_by, j.max_fail, j.approve, j.policy, j.forks, j.dry_run, j.rehearse, j.state, "
            + "j.message, j.parent_id, j.created_at, j.ended_at, "
            + "(SELECT COUNT(*) FROM job_host h WHERE h.job_id = j.id), "
            + "(SELECT COUNT(*) FROM job_host h WHERE h.job_id = j.id AND h.state = 'DONE'), "
            + "(SELECT COUNT(*) FROM job_host h WHERE h.job_id = j.id AND h.state = 'FAILED') FROM job j ";

    private JobRows() {
    }

    /** Deletes the ended jobs {@code where} selects (their hosts, results and output cascade); how many. */
    static int delete(Connection c, String where, Object value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM job WHERE ended_at IS NOT NULL AND " + where)) {
            st.setObject(1, value);
            return st.executeUpdate();
        }
    }

    static List<JobSummary> read(Database db, String sql, Long id) {
        try (Connection c = db.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (id != null) {
                st.setLong(1, id);
            }
            List<JobSummary> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
            List<JobSummary> withSteps = new ArrayList<>();
            for (JobSummary s : out) {
                withSteps.add(new JobSummary(s.id(), s.title(), s.planName(), s.target(), s.options(), s.state(),
                        s.message(), s.parent(), s.created(), s.ended(), labels(c, s.id()), s.hosts(), s.done(),
                        s.failed()));
            }
            return withSteps;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read jobs: " + e.getMessage(), e);
        }
    }

    private static JobSummary summary(ResultSet rs) throws SQLException {
        String wave = rs.getString(7);
        JobOptions o = new JobOptions(Strategy.valueOf(rs.getString(6)), wave.isEmpty() ? null : WaveSize.parse(wave),
                rs.getString(8), rs.getDouble(9), rs.getBoolean(10), FailurePolicy.valueOf(rs.getString(11)),
                rs.getInt(12), rs.getBoolean(13), rs.getBoolean(14));
        long parent = rs.getLong(17);
        Long parentId = rs.wasNull() ? null : parent;
        Timestamp ended = rs.getTimestamp(19);
        return new JobSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                new JobTarget(JobTarget.Kind.valueOf(rs.getString(4)), rs.getString(5)), o,
                JobState.valueOf(rs.getString(15)), rs.getString(16), parentId, rs.getTimestamp(18).toInstant(),
                ended == null ? null : ended.toInstant(), List.of(), rs.getInt(20), rs.getInt(21), rs.getInt(22));
    }

    private static List<String> labels(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT label FROM job_step WHERE job_id = ? ORDER BY "
                + "position")) {
            st.setLong(1, id);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
