package dev.underlay.automation.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.db.Database;
import dev.underlay.ssh.HostRunState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the console's read of every machine's last job state takes ({@link JdbcJobRepository#lastHostStates},
 * one query) with many stored jobs: {@code underlay.jobs} jobs (50 by default) of {@code underlay.jobHosts} hosts
 * each (100) drawn from {@code underlay.machines} machines (2,000), one job in fifty still running. The figures of
 * docs/benchmarks.md come from
 * {@code mvn -o -q test -Dtest=LastHostStatesBenchmarkTest -Dunderlay.jobs=2000 -Dunderlay.jobHosts=1000
 * -Dunderlay.machines=100000}. Printed, never timed in an assertion; the answer is checked against the rows written.
 * Then the same with an index on {@code job_host (host, job_id)} (what a V11 would add), to see whether it pays.
 */
class LastHostStatesBenchmarkTest {
    private static final HostRunState[] ENDS = {HostRunState.DONE, HostRunState.DONE, HostRunState.DONE,
        HostRunState.FAILED, HostRunState.CANCELLED, HostRunState.SKIPPED};

    @TempDir
    Path dir;

    @Test
    void everyMachinesLastJobStateInOneQuery() throws Exception {
        int jobs = Integer.getInteger("underlay.jobs", 50);
        int perJob = Integer.getInteger("underlay.jobHosts", 100);
        int machines = Integer.getInteger("underlay.machines", 2_000);
        Random random = new Random(14);
        Map<String, HostRunState> expected = new HashMap<>();
        try (Database db = Database.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long t0 = System.nanoTime();
            for (int j = 0; j < jobs; j++) {
                boolean running = j % 50 == 49;
                int start = random.nextInt(machines);
                List<String> hosts = new ArrayList<>(perJob);
                for (int i = 0; i < Math.min(perJob, machines); i++) {
                    hosts.add("m" + (start + i) % machines);
                }
                long id = repo.create(new JobRepository.NewJob("bench", "command:true", JobTarget.query("all"),
                        JobOptions.DEFAULTS, null, Instant.now(), List.of("s"), List.of(hosts), running
                                ? JobState.RUNNING : JobState.SUCCEEDED));
                if (!running) {
                    HostRunState end = ENDS[random.nextInt(ENDS.length)];
                    setStates(db, id, end);
                    hosts.forEach(h -> expected.put(h, end));
                }
            }
            System.out.printf(Locale.ROOT, "last job states: %,d jobs of %,d hosts over %,d machines written in "
                    + "%.1f s%n", jobs, perJob, machines, (System.nanoTime() - t0) / 1e9);
            time(repo, expected, "no index of its own");
            plan(db);
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                st.execute("CREATE INDEX job_host_host ON job_host (host, job_id)");
            }
            time(repo, expected, "with an index on job_host (host, job_id)");
            plan(db);
        }
    }

    private static void setStates(Database db, long id, HostRunState end) throws Exception {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE job_host SET state = ? WHERE job_id = ?")) {
                st.setString(1, end.name());
                st.setLong(2, id);
                st.executeUpdate();
            }
            return null;
        });
    }

    private static void time(JdbcJobRepository repo, Map<String, HostRunState> expected, String what) {
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            Map<String, HostRunState> got = repo.lastHostStates();
            ms[i] = (System.nanoTime() - t) / 1e6;
            assertEquals(expected, got);
        }
        double first = ms[0];
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "last job states, %s: %,d machines answered; first %.1f ms, median %.1f ms, "
                + "max %.1f ms of %d runs%n", what, expected.size(), first, ms[ms.length / 2], ms[ms.length - 1],
                ms.length);
    }

    private static void plan(Database db) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "EXPLAIN SELECT h.host, h.state FROM job_host h JOIN (SELECT lh.host, MAX(lh.job_id) AS job_id FROM "
                        + "job_host lh JOIN job j ON j.id = lh.job_id WHERE j.state IN ('SUCCEEDED', 'FAILED', "
                        + "'CANCELLED', 'INTERRUPTED') GROUP BY lh.host) newest ON h.job_id = newest.job_id AND "
                        + "h.host = newest.host")) {
            while (rs.next()) {
                System.out.println("plan: " + rs.getString(1).replace('\n', ' '));
            }
        }
    }
}
