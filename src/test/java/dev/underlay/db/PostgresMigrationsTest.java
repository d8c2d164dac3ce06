package dev.underlay.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Team mode's schema (ROADMAP, decision 0032): every migration through Flyway on a throwaway PostgreSQL cluster,
 * then the main tables written and read with the repositories' kinds of SQL (generated keys, cascades, binary
 * columns, long text, {@code FETCH FIRST}). Skipped, saying why, where no PostgreSQL binaries are found.
 */
class PostgresMigrationsTest {
    static PostgresCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = PostgresCluster.startOrSkip();
        System.out.println("PostgresMigrationsTest on " + cluster.version());
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Flyway flyway(String url) {
        return Flyway.configure().dataSource(url, PostgresCluster.USER, "")
                .locations(Migrations.POSTGRESQL.locations()).loggers("slf4j").load();
    }

    @Test
    void everyMigrationRunsOnPostgresAndTheSchemaIsAtTheNewestVersion() throws Exception {
        String url = cluster.newDatabase("migrations");
        MigrateResult r = flyway(url).migrate();
        assertEquals(Integer.toString(Database.SCHEMA_VERSION), r.targetSchemaVersion);
        assertEquals(flyway(url).info().all().length, r.migrationsExecuted, "every migration ran, none pending");
        assertEquals(0, flyway(url).migrate().migrationsExecuted, "a second migrate has nothing to do");
        flyway(url).validate();
        try (Connection c = DriverManager.getConnection(url, PostgresCluster.USER, "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                     + "'public' AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertEquals(List.of("automation_stage", "automation_task", "automation_workflow", "cluster",
                    "cluster_member", "content_pack", "credential", "credential_secret", "job", "job_host",
                    "job_output_chunk", "job_step", "job_step_result", "machine", "machine_facts", "machine_health",
                    "param_definition", "param_secret", "profile", "profile_include", "profile_param", "rack",
                    "settings", "site", "ssh_host_key", "stage_task", "task_template", "workflow_stage"), tables);
        }
    }

    @Test
    void theMainTablesTakeAndGiveBackWhatTheRepositoriesStore() throws Exception {
        String url = cluster.newDatabase("smoke");
        flyway(url).migrate();
        try (Connection c = DriverManager.getConnection(url, PostgresCluster.USER, "");
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO site (name) VALUES ('fra1')");
            st.executeUpdate("INSERT INTO rack (name, site, height_u) VALUES ('fra1-r01', 'fra1', 42)");
            st.executeUpdate("INSERT INTO machine (name, kind, site, rack, u_position, params_json) VALUES "
                    + "('fra1-web01', 'BARE_METAL', 'fra1', 'fra1-r01', 10, '{\"env\":\"prod\"}')");
            st.executeUpdate("INSERT INTO cluster (name, kind) VALUES ('k8s', 'kubernetes')");
            st.executeUpdate("INSERT INTO cluster_member (cluster, ordinal, machine, role) VALUES "
                    + "('k8s', 0, 'fra1-web01', 'worker')");
            st.executeUpdate("INSERT INTO profile_param (profile, ordinal, name, value_json) VALUES "
                    + "('global', 0, 'dns', '\"10.0.0.53\"')"); // 'global' comes with V1
            byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 0xff};
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential_secret (credential, key_id, "
                    + "nonce, ciphertext) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, "lab");
                ps.setString(2, "k1");
                ps.setBytes(3, nonce);
                ps.setBytes(4, new byte[4096]);
                ps.executeUpdate();
            }
            // a rename cascades (ON UPDATE CASCADE), as the inventory store relies on
            st.executeUpdate("UPDATE site SET name = 'fra2' WHERE name = 'fra1'");
            st.executeUpdate("UPDATE machine SET name = 'fra2-web01', site = 'fra2' WHERE name = 'fra1-web01'");
            assertEquals("fra2", one(st, "SELECT site FROM rack WHERE name = 'fra1-r01'"));
            assertEquals("fra2-web01", one(st, "SELECT machine FROM cluster_member WHERE cluster = 'k8s'"));
            assertEquals("{\"env\":\"prod\"}", one(st, "SELECT params_json FROM machine"));
            assertEquals("\"10.0.0.53\"", one(st, "SELECT value_json FROM profile_param WHERE name = 'dns'"));
            try (ResultSet rs = st.executeQuery("SELECT nonce, ciphertext FROM credential_secret")) {
                assertTrue(rs.next());
                assertArrayEquals(nonce, rs.getBytes(1));
                assertEquals(4096, rs.getBytes(2).length);
            }

            // content: a pack's rows go with it (ON DELETE CASCADE), long text kept whole
            String body = "echo x\n".repeat(20_000);
            st.executeUpdate("INSERT INTO content_pack (name, version, installed_at) VALUES ('p', '1', "
                    + "CURRENT_TIMESTAMP)");
            st.executeUpdate("INSERT INTO automation_task (name, pack, ordinal) VALUES ('t', 'p', 0)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO task_template (task, ordinal, kind, body) "
                    + "VALUES ('t', 0, 'script', ?)")) {
                ps.setString(1, body);
                ps.executeUpdate();
            }
            st.executeUpdate("INSERT INTO automation_stage (name, pack, ordinal) VALUES ('s', 'p', 0)");
            st.executeUpdate("INSERT INTO stage_task (stage, ordinal, task) VALUES ('s', 0, 't')");
            st.executeUpdate("INSERT INTO automation_workflow (name, pack, ordinal) VALUES ('w', 'p', 0)");
            st.executeUpdate("INSERT INTO workflow_stage (workflow, ordinal, stage) VALUES ('w', 0, 's')");
            assertEquals(body, one(st, "SELECT body FROM task_template"));
            assertEquals("no", one(st, "SELECT CASE WHEN continue_on_failure THEN 'yes' ELSE 'no' END FROM "
                    + "automation_task"), "V10's default");

            // a job as JdbcJobRepository writes it: generated id, steps, hosts, results, a chunk of output
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job (title, plan_name, target_kind, target, "
                    + "strategy, wave_size, wave_by, max_fail, approve, policy, forks, dry_run, rehearse, state, "
                    + "message, parent_id, created_at) VALUES (?, ?, 'QUERY', 'all', 'FREE', '', '', 0.25, FALSE, "
                    + "'CONTINUE', 50, FALSE, FALSE, 'RUNNING', '', NULL, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "w on all");
                ps.setString(2, "w");
                ps.setTimestamp(3, Timestamp.from(Instant.parse("2026-12-02T14:00:00Z")));
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    assertTrue(rs.next());
                    id = rs.getLong(1);
                }
            }
            st.executeUpdate("INSERT INTO job_step (job_id, position, label) VALUES (" + id + ", 0, 's/t')");
            st.executeUpdate("INSERT INTO job_host (job_id, host, position, wave, state) VALUES (" + id
                    + ", 'fra2-web01', 0, 0, 'RUNNING')");
            st.executeUpdate("INSERT INTO job_step_result (job_id, host, step, attempt, state, exit_status, failure, "
                    + "message, script) VALUES (" + id + ", 'fra2-web01', 0, 1, 'SUCCEEDED', 0, '', '', 'echo x')");
            st.executeUpdate("INSERT INTO job_output_chunk (job_id, first_seq, last_seq, first_at, host, step, "
                    + "stream, line_count, marks, body) VALUES (" + id + ", 1, 2, CURRENT_TIMESTAMP, 'fra2-web01', 0, "
                    + "'OUT', 2, '0,0,1;1,5,1;', 'ab')");
            st.executeUpdate("INSERT INTO machine_health (machine, job_id, checked_at, state, failing) VALUES "
                    + "('fra2-web01', " + id + ", CURRENT_TIMESTAMP, 'OK', '[]')");
            assertEquals("w on all|RUNNING|1|1", one(st, "SELECT j.title || '|' || j.state || '|' || "
                    + "(SELECT COUNT(*) FROM job_host h WHERE h.job_id = j.id) || '|' || (SELECT COUNT(*) FROM "
                    + "job_step_result r WHERE r.job_id = j.id AND r.state = 'SUCCEEDED') FROM job j ORDER BY j.id "
                    + "DESC FETCH FIRST 10 ROWS ONLY"));
            assertEquals("ab", one(st, "SELECT body FROM job_output_chunk WHERE job_id = " + id
                    + " AND last_seq > 0 ORDER BY job_id, first_seq FETCH FIRST 100 ROWS ONLY"));

            st.executeUpdate("DELETE FROM job WHERE id = " + id);
            st.executeUpdate("DELETE FROM content_pack WHERE name = 'p'");
            assertEquals("0", one(st, "SELECT (SELECT COUNT(*) FROM job_output_chunk) + (SELECT COUNT(*) FROM "
                    + "job_step_result) + (SELECT COUNT(*) FROM task_template) + (SELECT COUNT(*) FROM stage_task) "
                    + "+ (SELECT COUNT(*) FROM workflow_stage)"), "deletes cascade to the job's and pack's rows");
        }
    }

    private static String one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
