package dev.underlay.automation.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underlay.automation.facts.FactsStore;
import dev.underlay.automation.facts.HealthState;
import dev.underlay.automation.facts.MachineFacts;
import dev.underlay.automation.facts.MachineHealth;
import dev.underlay.db.Database;
import dev.underlay.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts and health in the database ({@code V7__facts_health.sql}): a row per machine per run, the newest found by
 * a portable self-join on the newest id per machine (no window functions, no LIMIT dialects but
 * {@code FETCH FIRST}, which H2 and PostgreSQL share).
 */
public final class JdbcFactsRepository implements FactsStore {
    /** Made on first use: an ObjectMapper's set-up would cost every CLI command's start (decision 0036). */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }
    private static final String FACTS = "SELECT machine, job_id, gathered_at, hostname, os, os_id, kernel, cpus, "
            + "cpu_model, memory_bytes, disks, nics FROM machine_facts";
    private static final String HEALTH = "SELECT machine, job_id, checked_at, state, failing FROM machine_health";

    private final Database db;

    public JdbcFactsRepository(Database db) {
        this.db = db;
    }

    /** A check as stored (Jackson reads records); column failing holds every check since V10. */
    record StoredCheck(String check, String severity, String message, String at) {
    }

    @Override
    public void addFacts(List<MachineFacts> facts) {
        tx(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO machine_facts (machine, job_id, gathered_at, "
                    + "hostname, os, os_id, kernel, cpus, cpu_model, memory_bytes, disks, nics) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (MachineFacts f : facts) {
                    st.setString(1, f.machine());
                    job(st, 2, f.job());
                    st.setTimestamp(3, Timestamp.from(f.gathered()));
                    st.setString(4, cut(f.hostname(), 400));
                    st.setString(5, cut(f.os(), 400));
                    st.setString(6, cut(f.osId(), 100));
                    st.setString(7, cut(f.kernel(), 400));
                    st.setInt(8, f.cpus());
                    st.setString(9, cut(f.cpuModel(), 400));
                    st.setLong(10, f.memoryBytes());
                    st.setString(11, json(f.disks()));
                    st.setString(12, json(f.nics()));
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void addHealth(List<MachineHealth> health) {
        tx(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO machine_health (machine, job_id, checked_at, "
                    + "state, failing) VALUES (?, ?, ?, ?, ?)")) {
                for (MachineHealth h : health) {
                    List<StoredCheck> checks = new ArrayList<>();
                    for (MachineHealth.Check k : h.checks()) {
                        checks.add(new StoredCheck(k.check(), k.severity().name(), cut(k.message(), 2000),
                                k.at() == null ? null : k.at().toString()));
                    }
                    st.setString(1, h.machine());
                    job(st, 2, h.job());
                    st.setTimestamp(3, Timestamp.from(h.checked()));
                    st.setString(4, h.state().name());
                    st.setString(5, json(checks));
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<String, MachineFacts> latestFacts() {
        Map<String, MachineFacts> out = new LinkedHashMap<>();
        query(FACTS + " WHERE id IN (SELECT MAX(id) FROM machine_facts GROUP BY machine) ORDER BY machine", null,
                rs -> {
                    MachineFacts f = facts(rs);
                    out.put(f.machine(), f);
                });
        return out;
    }

    @Override
    public List<MachineFacts> factsHistory(String machine, int limit) {
        List<MachineFacts> out = new ArrayList<>();
        query(FACTS + " WHERE machine = ? ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                machine, rs -> out.add(facts(rs)));
        return out;
    }

    @Override
    public Map<String, MachineHealth> latestHealth() {
        Map<String, MachineHealth> out = new LinkedHashMap<>();
        query(HEALTH + " WHERE id IN (SELECT MAX(id) FROM machine_health GROUP BY machine) ORDER BY machine", null,
                rs -> {
                    MachineHealth h = health(rs);
                    out.put(h.machine(), h);
                });
        return out;
    }

    @Override
    public List<MachineHealth> healthHistory(String machine, int limit) {
        List<MachineHealth> out = new ArrayList<>();
        query(HEALTH + " WHERE machine = ? ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                machine, rs -> out.add(health(rs)));
        return out;
    }

    private static MachineFacts facts(ResultSet rs) throws SQLException {
        long job = rs.getLong(2);
        Long jobId = rs.wasNull() ? null : job;
        return new MachineFacts(rs.getString(1), jobId, rs.getTimestamp(3).toInstant(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getLong(10),
                read(rs.getString(11), new TypeReference<List<MachineFacts.Disk>>() { }),
                read(rs.getString(12), new TypeReference<List<MachineFacts.Nic>>() { }));
    }

    private static MachineHealth health(ResultSet rs) throws SQLException {
        long job = rs.getLong(2);
        Long jobId = rs.wasNull() ? null : job;
        List<MachineHealth.Check> checks = new ArrayList<>();
        for (StoredCheck k : read(rs.getString(5), new TypeReference<List<StoredCheck>>() { })) {
            checks.add(new MachineHealth.Check(k.check(), HealthState.valueOf(k.severity()), k.message(),
                    k.at() == null ? null : java.time.Instant.parse(k.at())));
        }
        return new MachineHealth(rs.getString(1), jobId, rs.getTimestamp(3).toInstant(),
                HealthState.valueOf(rs.getString(4)), checks);
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, String machine, Row each) {
        try (Connection c = db.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (machine != null) {
                st.setString(1, machine);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    each.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read facts and health: " + e.getMessage(), e);
        }
    }

    private void tx(Database.SqlWork<Void> work) {
        try {
            db.transaction(work);
        } catch (SQLException e) {
            throw new DatabaseException("cannot write facts and health: " + e.getMessage(), e);
        }
    }

    private static void job(PreparedStatement st, int i, Long job) throws SQLException {
        if (job == null) {
            st.setNull(i, Types.BIGINT);
        } else {
            st.setLong(i, job);
        }
    }

    private static String json(Object o) {
        try {
            return Mapper.JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return Mapper.JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("a stored facts row is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
