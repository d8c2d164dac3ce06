package dev.underlay.automation.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.automation.jobs.JobHandle;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.e2e.LabWorld;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.StepState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs view models on a real lab of eight hosts and a real data folder (H2), with the same-thread runner: the
 * start dialog's checks and preview, the job window live and reopened from the database, failure groups and the
 * rerun of one group, a cell's log, and the jobs list.
 */
class JobViewModelsLabTest {
    @TempDir
    static Path dir;
    static LabWorld world;
    static AppContext ctx;
    final CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
    final JobEvents events = new JobEvents();

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(8, dir, FaultSpec.NONE);
        ctx = AppContext.open(dir.resolve("data"), false, Runnable::run);
        world.enrol(ctx);
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @AfterEach
    void noFaults() throws Exception {
        world.lab.setFaults(FaultSpec.NONE);
    }

    private JobStartViewModel dialog(String target) {
        return new JobStartViewModel(ctx.jobs(), tasks, events, List.of("health", "facts"), List.of(), target);
    }

    @Test
    void theStartDialogNamesEachWrongFieldAndPreviewsTheWaves() {
        JobStartViewModel vm = dialog(JobStartViewModel.targetFor(List.of("lab0001", "lab0002", "lab0003")));
        assertEquals("lab[0001-0003]", vm.targetProperty().get());
        assertEquals("Choose the workflow or task to run.", vm.planErrorProperty().get());
        assertFalse(vm.canStartProperty().get());
        vm.planProperty().set("command:uname");
        assertEquals("", vm.planErrorProperty().get());
        assertEquals(3, vm.hostsProperty().get());
        assertTrue(vm.canStartProperty().get());
        vm.planProperty().set("no-such-flow");
        assertTrue(vm.planErrorProperty().get().startsWith("No workflow or task is called no-such-flow"),
                vm.planErrorProperty().get());
        assertFalse(vm.canStartProperty().get());
        vm.planProperty().set("command:uname");

        vm.targetProperty().set("tag:lab");
        vm.modeProperty().set(JobStartViewModel.Mode.ROLLING);
        assertEquals("Rolling waves need a size (10 hosts, or 25%) or a failure domain to follow.",
                vm.waveErrorProperty().get());
        vm.waveProperty().set("ten");
        assertEquals("Wave size 'ten' is neither a count (10) nor a share (25%).", vm.waveErrorProperty().get());
        assertFalse(vm.canStartProperty().get());
        vm.waveProperty().set("25%");
        assertEquals("", vm.waveErrorProperty().get());
        assertEquals(String.join(System.lineSeparator(), "8 hosts in 4 waves:",
                "Wave 1: lab[0001-0002] (2 hosts)", "Wave 2: lab[0003-0004] (2 hosts)",
                "Wave 3: lab[0005-0006] (2 hosts)", "Wave 4: lab[0007-0008] (2 hosts)"), vm.previewProperty().get());
        vm.maxFailProperty().set("150%");
        assertEquals("Max-fail is a share from 0% to 100%, not 150%.", vm.maxFailErrorProperty().get());
        vm.maxFailProperty().set("lots");
        assertEquals("Max-fail 'lots' is not a share such as 10%.", vm.maxFailErrorProperty().get());
        vm.maxFailProperty().set("50%");
        assertTrue(vm.canStartProperty().get());

        vm.targetProperty().set("rack:r1");
        assertEquals("No machine matches 'rack:r1' in the inventory.", vm.targetErrorProperty().get());
        assertEquals(0, vm.hostsProperty().get());
        assertFalse(vm.canStartProperty().get());
        vm.targetProperty().set("  ");
        assertTrue(vm.targetErrorProperty().get().startsWith("Give the machines to run on"));
    }

    @Test
    void aDryRunStartsFromTheDialogAndEndsAsSucceeded() {
        JobStartViewModel vm = dialog("lab[0001-0004]");
        vm.planProperty().set("command:hostname");
        vm.dryRunProperty().set(true);
        List<Long> started = new ArrayList<>();
        vm.start(started::add);
        assertEquals(1, started.size());
        assertEquals(JobState.SUCCEEDED, ctx.jobs().find(started.get(0)).orElseThrow().state());
        assertEquals("", vm.startErrorProperty().get());
    }

    @Test
    void theHeaderFiguresFollowHostChangesAtMostFourTimesASecondAndAStateChangeAtOnce() throws Exception {
        Instant[] now = {Instant.now()};
        JobHandle h = ctx.jobs().start("command:sleep 0.4", JobTarget.query("lab[0001-0004]"),
                JobOptions.DEFAULTS.withForks(1), events);
        JobWindowViewModel vm = new JobWindowViewModel(h.id(), ctx.jobs(), events, tasks, () -> now[0], id -> { });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (vm.progressProperty().get().state() != JobState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(10);
            vm.drain();
        }
        vm.drain();
        String shown = vm.countsProperty().get();
        while (vm.progressProperty().get().counts().ok() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            vm.drain(); // the clock stands still: hosts change, the header waits
        }
        assertEquals(JobState.RUNNING, vm.progressProperty().get().state(), "still running with a host done");
        assertEquals(shown, vm.countsProperty().get(), "host changes within 250 ms do not relay the header out");
        now[0] = now[0].plusMillis(250);
        vm.drain();
        assertTrue(vm.countsProperty().get().contains(vm.progressProperty().get().counts().ok() + " ok"),
                vm.countsProperty().get());
        assertEquals(JobState.SUCCEEDED, h.done().get(30, TimeUnit.SECONDS));
        vm.drain(); // the same instant: the job's end shows at once
        assertEquals("0 queued, 0 running, 4 ok, 0 failed, 0 skipped, 0 cancelled", vm.countsProperty().get());
        vm.close();
    }

    @Test
    void theWindowFollowsALiveJobGroupsItsFailuresAndRerunsOneGroup() throws Exception {
        world.lab.setFaults(FaultSpec.parse("fail=uname:lab[0003-0004]"));
        JobHandle h = ctx.jobs().start("command:uname -n", JobTarget.query("tag:lab"), JobOptions.DEFAULTS, events);
        List<Long> reruns = new ArrayList<>();
        JobWindowViewModel vm = new JobWindowViewModel(h.id(), ctx.jobs(), events, tasks, Instant::now,
                reruns::add);
        assertEquals(1, events.watchers(h.id()));
        assertEquals(JobState.FAILED, h.done().get(30, TimeUnit.SECONDS));
        vm.drain();
        JobProgress live = vm.progressProperty().get();
        assertEquals(JobState.FAILED, live.state(), "the live events moved the window to the job's end");
        assertEquals("0 queued, 0 running, 6 ok, 2 failed, 0 skipped, 0 cancelled", vm.countsProperty().get());
        assertEquals(1.0, vm.fractionProperty().get());
        assertTrue(vm.canRerunProperty().get());
        assertFalse(vm.canCancelProperty().get(), "a job that ended cannot be cancelled");
        assertEquals(StepState.OK, live.cell(live.hostIndex("lab0001"), 0));
        assertEquals(StepState.FAILED, live.cell(live.hostIndex("lab0003"), 0));
        assertEquals(1, vm.failures().size());
        JobProgress.FailureGroup g = vm.failures().get(0);
        assertEquals(List.of("lab0003", "lab0004"), g.hosts());
        assertEquals("lab[0003-0004]", JobWindowViewModel.hostsText(g));
        assertTrue(g.cause().startsWith("exit "), g.cause());

        for (int i = 0; i < 3; i++) {
            vm.drain(); // the same-thread runner: the last chunk is read, handed over, then the results go after it
        }
        var log = vm.logProperty().get();
        vm.select("lab0002", 0);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < log.rowCount(); r++) {
            assertEquals("lab0002", log.row(r).host());
            rows.add(log.row(r).text());
        }
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("step 1 ") && rows.get(0).endsWith(": started"), rows.toString());
        assertEquals("lab0002", rows.get(1), "the host's output between its step's start and end");
        assertTrue(rows.get(2).matches("step 1 .*: ok \\(exit 0, .*\\)"), rows.toString());
        assertEquals(8, log.hosts().size(), "the whole job's log, not only the chosen cell");
        assertEquals(0, log.groups().stepProperty().get(), "the chosen cell's step is the one grouped");

        JobWindowViewModel reopened = new JobWindowViewModel(h.id(), ctx.jobs(), new JobEvents(), tasks,
                Instant::now, id -> { });
        JobProgress stored = reopened.progressProperty().get();
        for (String host : stored.hosts()) {
            assertEquals(live.cell(live.hostIndex(host), 0), stored.cell(stored.hostIndex(host), 0), host);
            assertEquals(live.hostState(live.hostIndex(host)), stored.hostState(stored.hostIndex(host)), host);
        }
        assertEquals(vm.failures(), reopened.failures(), "reopened from the database: the same groups");
        for (int i = 0; i < 3; i++) {
            reopened.drain();
        }
        var storedLog = reopened.logProperty().get();
        reopened.select("lab0002", 0);
        List<String> again = new ArrayList<>();
        for (int r = 0; r < storedLog.rowCount(); r++) {
            again.add(storedLog.row(r).text());
        }
        assertEquals(rows, again, "reopened: the host's lines and its step's start and end, read back");
        assertEquals(log.lineCount(), storedLog.lineCount(), "reopened: the whole log, as it was followed live");

        world.lab.setFaults(FaultSpec.NONE);
        vm.rerun(g);
        assertEquals(1, reruns.size());
        long rerun = reruns.get(0);
        assertEquals(JobState.SUCCEEDED, ctx.jobs().active(rerun).map(r -> join(r.done()))
                .orElseGet(() -> ctx.jobs().find(rerun).orElseThrow().state()));
        ctx.jobs().flush();
        var summary = ctx.jobs().find(rerun).orElseThrow();
        assertEquals(h.id(), summary.parent());
        assertEquals(2, summary.hosts());
        assertEquals(2, summary.done());
        vm.close();
        assertEquals(0, events.watchers(h.id()), "a closed window stops watching");
    }

    private static JobState join(java.util.concurrent.CompletableFuture<JobState> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theJobsListShowsCountsAndFindsTheLastJobOfAMachine() throws Exception {
        JobHandle a = ctx.jobs().start("command:true", JobTarget.query("lab[0001-0002]"), JobOptions.DEFAULTS,
                events);
        a.done().get(30, TimeUnit.SECONDS);
        JobHandle b = ctx.jobs().start("command:true", JobTarget.query("lab0005"), JobOptions.DEFAULTS, events);
        b.done().get(30, TimeUnit.SECONDS);
        JobsViewModel list = new JobsViewModel(ctx.jobs(), events, tasks, Instant::now);
        list.tick();
        JobsViewModel.JobRow first = list.rows().get(0);
        assertEquals(b.id(), first.id(), "newest first");
        JobsViewModel.JobRow row = list.rows().stream().filter(r -> r.id() == a.id()).findFirst().orElseThrow();
        assertEquals(JobState.SUCCEEDED, row.state());
        assertEquals(2, row.ok());
        assertEquals(0, row.failed());
        assertEquals(0, row.running());
        List<Optional<Long>> found = new ArrayList<>();
        list.lastJobOf("lab0001", found::add);
        list.lastJobOf("lab0005", found::add);
        list.lastJobOf("no-such-host", found::add);
        assertEquals(Optional.of(a.id()), found.get(0));
        assertEquals(Optional.of(b.id()), found.get(1));
        assertEquals(Optional.empty(), found.get(2));
    }
}
