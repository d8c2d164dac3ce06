package dev.underlay.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.facts.HealthState;
import dev.underlay.automation.facts.MachineFacts;
import dev.underlay.automation.facts.MachineHealth;
import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.automation.repository.JdbcContentRepository;
import dev.underlay.automation.repository.JdbcFactsRepository;
import dev.underlay.automation.repository.JdbcJobRepository;
import dev.underlay.automation.template.Templates;
import dev.underlay.db.Database;
import dev.underlay.db.TestBackend;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import dev.underlay.ssh.StreamKind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The automation repositories' paths that the other repository tests leave out, on H2 and on team mode's
 * PostgreSQL alike (decision 0035): a job's host steps and log lines written through the job log path and read
 * back as the job window reads them (by host, by step, after a seq), the interrupted jobs at a restart, retention,
 * facts and health history, and a bundled content pack installed and removed through the service.
 */
@ParameterizedClass
@EnumSource(TestBackend.class)
class PostgresRepositoriesTest {
    @Parameter
    TestBackend backend;
    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-12-02T14:00:00Z");

    @Test
    void aJobsStepsAndLinesAreReadBackAsTheJobWindowReadsThemAndRetentionRemovesThem() {
        try (Database db = backend.open(dir)) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long id = repo.create(new JobRepository.NewJob("facts on all", "facts", JobTarget.query("all"),
                    JobOptions.DEFAULTS, null, T0, List.of("gather", "store"), List.of(List.of("h0", "h1")),
                    JobState.RUNNING));
            List<JobRepository.LineRow> lines = new ArrayList<>();
            for (int seq = 1; seq <= 40; seq++) {
                lines.add(new JobRepository.LineRow(id, new JobRepository.OutputLine(seq, T0.plusMillis(seq),
                        seq % 2 == 0 ? "h0" : "h1", seq > 20 ? 1 : 0, seq % 5 == 0 ? StreamKind.STDERR
                        : StreamKind.STDOUT, "line " + seq + " é")));
            }
            repo.write(new JobRepository.Batch(List.of(),
                    List.of(new JobRepository.HostStateChange(id, "h0", HostRunState.ACTIVE)),
                    List.of(new JobRepository.StepRow(id, new JobListener.StepResult("h0", 0, 1, StepState.OK, T0,
                            T0.plusSeconds(2), 0, "", "gathered", "uname -a"))), lines));
            repo.write(new JobRepository.Batch(List.of(new JobRepository.JobStateChange(id, JobState.SUCCEEDED, "done",
                    T0.plusSeconds(5))), List.of(new JobRepository.HostStateChange(id, "h0", HostRunState.DONE)),
                    List.of(), List.of()));

            JobRepository.JobSummary job = repo.find(id).orElseThrow();
            assertEquals(JobState.SUCCEEDED, job.state());
            assertEquals(List.of("h0", "h1"), repo.hosts(id).stream().map(JobRepository.HostRow::host).toList());
            assertEquals(HostRunState.DONE, repo.hosts(id).get(0).state());
            JobListener.StepResult r = repo.results(id).get(0);
            assertEquals(List.of(StepState.OK, T0, T0.plusSeconds(2), "uname -a"),
                    List.of(r.state(), r.started(), r.ended(), r.script()));
            List<String> h0Step1 = new ArrayList<>();
            repo.output(id, "h0", 1, l -> h0Step1.add(l.seq() + " " + l.stream() + " " + l.text()));
            assertEquals(10, h0Step1.size());
            assertEquals("22 STDOUT line 22 é", h0Step1.get(0));
            assertEquals("30 STDERR line 30 é", h0Step1.get(4));
            List<Long> after = new ArrayList<>();
            repo.outputAfter(id, 35, 100, l -> after.add(l.seq()));
            assertEquals(List.of(36L, 37L, 38L, 39L, 40L), after);
            List<Instant> at = new ArrayList<>();
            repo.output(id, null, null, l -> at.add(l.at()));
            assertEquals(T0.plusMillis(1), at.get(0), "a line's time comes back to the millisecond");

            assertEquals(0, repo.purgeEndedBefore(T0), "ended after the cutoff: kept");
            assertEquals(1, repo.purgeEndedBefore(T0.plus(1, ChronoUnit.DAYS)));
            assertEquals(List.of(), repo.list(10));
            List<String> none = new ArrayList<>();
            repo.output(id, null, null, l -> none.add(l.text()));
            assertEquals(List.of(), none, "the job's lines went with it");
        }
    }

    @Test
    void jobsLeftRunningAreMarkedInterruptedOnTheNextStart() {
        try (Database db = backend.open(dir)) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long running = repo.create(new JobRepository.NewJob("t", "command:true", JobTarget.query("all"),
                    JobOptions.DEFAULTS, null, T0, List.of("s1"), List.of(List.of("h0")), JobState.RUNNING));
            repo.create(new JobRepository.NewJob("t", "command:true", JobTarget.query("all"), JobOptions.DEFAULTS,
                    null, T0, List.of("s1"), List.of(List.of("h0")), JobState.SUCCEEDED));
            assertEquals(List.of(running), repo.unended().stream().map(JobRepository.JobSummary::id).toList());
            assertEquals(1, repo.markInterrupted(T0.plusSeconds(60)));
            assertEquals(JobState.INTERRUPTED, repo.find(running).orElseThrow().state());
            assertEquals(List.of(), repo.unended());
        }
    }

    @Test
    void factsAndHealthKeepTheirHistoryNewestFirst() {
        try (Database db = backend.open(dir)) {
            JdbcFactsRepository facts = new JdbcFactsRepository(db);
            for (int run = 0; run < 3; run++) {
                facts.addFacts(List.of(new MachineFacts("web01", null, T0.plusSeconds(run), "web01", "Debian 12",
                        "debian", "6.1." + run, 4, "EPYC", 8L << 30, List.of(new MachineFacts.Disk("sda", 1L << 40)),
                        List.of(new MachineFacts.Nic("eth0", "52:54:00:00:00:01", 1500, List.of("10.0.0.1/24"))))));
                facts.addHealth(List.of(new MachineHealth("web01", null, T0.plusSeconds(run),
                        run == 2 ? HealthState.WARNING : HealthState.OK, run == 2 ? List.of(new MachineHealth.Check(
                        "disk", HealthState.WARNING, "/ 91% full", T0.plusSeconds(run))) : List.of())));
            }
            assertEquals("6.1.2", facts.latestFacts().get("web01").kernel());
            assertEquals(List.of("6.1.2", "6.1.1"), facts.factsHistory("web01", 2).stream()
                    .map(MachineFacts::kernel).toList());
            assertEquals(1L << 40, facts.latestFacts().get("web01").disks().get(0).sizeBytes());
            assertEquals(HealthState.WARNING, facts.latestHealth().get("web01").state());
            assertEquals("/ 91% full", facts.latestHealth().get("web01").checks().get(0).message());
            assertEquals(3, facts.healthHistory("web01", 10).size());
        }
    }

    @Test
    void aBundledPackIsInstalledAndRemovedThroughTheService() {
        try (Database db = backend.open(dir)) {
            InventoryService inventory = new InventoryService(new JdbcInventoryStore(db));
            inventory.apply(DemoInventory.changes(dir.resolve("key")));
            ContentService content = new ContentService(new JdbcContentRepository(db), inventory, new Templates());
            content.install(content.bundled("facts"), false);
            assertTrue(content.index().packs().containsKey("facts"));
            assertTrue(content.remove("facts"));
            assertTrue(content.index().packs().isEmpty());
        }
    }
}
