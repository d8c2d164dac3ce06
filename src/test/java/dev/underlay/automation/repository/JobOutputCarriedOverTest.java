package dev.underlay.automation.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.automation.jobs.JobRepository.OutputLine;
import dev.underlay.db.Database;
import dev.underlay.ssh.StreamKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder whose log was stored a line a row (V6-V8) opens with every line readable as before, and grows on. */
class JobOutputCarriedOverTest {
    @TempDir
    Path dir;

    @Test
    void linesStoredBeforeV9AreReadAsBeforeAndNewChunksFollowThem() throws Exception {
        Path data = Files.createDirectories(dir.resolve("old"));
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + data.resolve(Database.FILE_NAME),
                "underlay", "");
        Flyway.configure().dataSource(pool).locations(dev.underlay.db.Migrations.H2.locations()).target("8").load().migrate();
        List<OutputLine> old = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO job (title, plan_name, target_kind, target, strategy, wave_size, wave_by, "
                    + "max_fail, approve, policy, forks, dry_run, rehearse, state, message, created_at) VALUES ('t', "
                    + "'command:t', 'QUERY', 'all', 'LINEAR', '', '', 0, FALSE, 'CONTINUE', 5, FALSE, FALSE, "
                    + "'SUCCEEDED', '', CURRENT_TIMESTAMP)");
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO job_output (job_id, seq, at, host, step, "
                    + "stream, line) VALUES (1, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 50; i++) {
                    OutputLine l = JobOutputChunkRowsTest.line(i, i * 7L, "h" + (i % 3), i % 2,
                            i % 5 == 0 ? StreamKind.STDERR : StreamKind.STDOUT, "old ✓ line " + i);
                    ins.setLong(1, l.seq());
                    ins.setTimestamp(2, Timestamp.from(l.at()));
                    ins.setString(3, l.host());
                    ins.setInt(4, l.step());
                    ins.setString(5, l.stream() == StreamKind.STDERR ? "stderr" : "stdout");
                    ins.setString(6, l.text());
                    ins.executeUpdate();
                    old.add(l);
                }
            }
        }
        pool.dispose();
        try (Database db = Database.open(data)) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            List<OutputLine> read = new ArrayList<>();
            repo.output(1, null, null, read::add);
            assertEquals(old, read, "every old line, with its own seq, time, host, step and stream");
            assertEquals(50, JobOutputChunkRowsTest.rows(db, "job_output_chunk"), "one row each, as they were");
            List<OutputLine> more = new ArrayList<>(old);
            List<OutputLine> added = new ArrayList<>();
            for (int i = 50; i < 80; i++) {
                added.add(JobOutputChunkRowsTest.line(i, i * 7L, "h" + (i % 3), 0, StreamKind.STDOUT, "new " + i));
            }
            JobOutputChunkRowsTest.write(repo, 1, added);
            more.addAll(added);
            List<OutputLine> all = new ArrayList<>();
            repo.output(1, null, null, all::add);
            assertEquals(more, all);
            List<OutputLine> h1 = new ArrayList<>();
            repo.output(1, "h1", 0, h1::add);
            assertEquals(more.stream().filter(l -> l.host().equals("h1") && l.step() == 0).toList(), h1);
        }
    }
}
