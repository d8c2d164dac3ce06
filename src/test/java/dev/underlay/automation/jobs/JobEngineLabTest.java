package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.app.AppContext;
import dev.underlay.automation.JobPlan;
import dev.underlay.automation.PlannedStep;
import dev.underlay.automation.RenderException;
import dev.underlay.automation.RenderedStep;
import dev.underlay.e2e.LabWorld;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job engine on a real lab of twelve hosts and a real data folder: each strategy's ordering, waves and
 * max-fail stopping at the right wave, retries, incomplete and reboot exits, cancel of the job and of one host,
 * pause and resume, the failure policies, rerun of the failed hosts, values published between steps, dry run.
 */
class JobEngineLabTest {
    @TempDir
    static Path dir;
    static LabWorld world;
    static AppContext ctx;

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(12, dir, FaultSpec.NONE);
        ctx = AppContext.open(dir.resolve("data"), false, Runnable::run);
        world.enrol(ctx);
        ctx.jobs().rebootPoll(Duration.ofMillis(100));
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

    /** A plan of the given steps; each step's command made per machine when it starts. */
    static JobPlan plan(List<PlannedStep> steps, BiFunction<PlannedStep, Machine, String> command) {
        return new JobPlan() {
            @Override
            public String title() {
                return "test plan";
            }

            @Override
            public List<PlannedStep> steps() {
                return steps;
            }

            @Override
            public RenderedStep render(PlannedStep step, Machine machine, Inventory inventory)
                    throws RenderException {
                String c = command.apply(step, machine);
                if (c == null) {
                    throw new RenderException("task " + step.task() + " on " + machine.name()
                            + ": unknown param missing_one");
                }
                return new RenderedStep(List.of(new RenderedStep.Script(c, c.replace("s3cret", "********"))));
            }
        };
    }

    static PlannedStep step(int i, int retries, int incomplete, int reboot) {
        return new PlannedStep(i, "s", "t" + i, Duration.ofSeconds(30), retries, Duration.ofMillis(50), incomplete,
                reboot);
    }

    static JobState run(JobHandle h) throws Exception {
        return h.done().get(60, TimeUnit.SECONDS);
    }

    static JobOptions options() {
        return JobOptions.DEFAULTS.withForks(12);
    }

    @Test
    void linearFinishesEveryHostsStepBeforeAnyStartsTheNext() throws Exception {
        world.lab.setFaults(FaultSpec.parse("slow=400ms:lab0001"));
        Recorder rec = new Recorder();
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, -1, -1), step(1, 0, -1, -1)), (s, m) -> "hostname"),
                "p", JobTarget.query("tag:lab"), options().withStrategy(Strategy.LINEAR), rec, null);
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);
        long lastEnd = 0;
        long firstStart = Long.MAX_VALUE;
        for (Machine m : world.machines) {
            lastEnd = Math.max(lastEnd, rec.last(m.name(), 0, StepState.OK));
            firstStart = Math.min(firstStart, rec.first(m.name(), 1, StepState.RUNNING));
            assertEquals(List.of(m.name()), rec.out.get(m.name() + "#1"));
        }
        assertTrue(lastEnd < firstStart, "step 2 started (event " + firstStart + ") before step 1 ended everywhere ("
                + lastEnd + ")");
    }

    @Test
    void freeLetsEachHostAdvanceOnItsOwn() throws Exception {
        world.lab.setFaults(FaultSpec.parse("slow=700ms:lab0001"));
        Recorder rec = new Recorder();
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, -1, -1), step(1, 0, -1, -1)), (s, m) -> "true"),
                "p", JobTarget.query("tag:lab"), options(), rec, null);
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);
        long slowEnd = rec.last("lab0001", 0, StepState.OK);
        assertTrue(rec.last("lab0002", 1, StepState.OK) < slowEnd, "lab0002 finished both steps while lab0001 "
                + "was still in its first");
        assertEquals(HostRunState.DONE, rec.hosts.get("lab0001"));
    }

    @Test
    void maxFailStopsAtTheWaveThatFailedTooMuch() throws Exception {
        world.lab.setFaults(FaultSpec.parse("fail=uname:lab[0005-0006]"));
        Recorder rec = new Recorder();
        JobOptions o = options().withWaves(WaveSize.parse("2"), "", 50, false);
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, -1, -1)), (s, m) -> "uname"), "p",
                JobTarget.query("tag:lab"), o, rec, null);
        assertEquals(6, h.waves());
        assertEquals(JobState.FAILED, run(h));
        JobRepository.JobSummary job = ctx.jobs().find(h.id()).orElseThrow();
        assertTrue(job.message().startsWith("wave 3 of 6: 2 of 2 hosts failed (100%), more than the 50% allowed"),
                job.message());
        List<JobRepository.HostRow> hosts = ctx.jobs().hosts(h.id());
        for (JobRepository.HostRow r : hosts) {
            HostRunState expected = r.position() < 4 ? HostRunState.DONE : r.position() < 6 ? HostRunState.FAILED
                    : HostRunState.SKIPPED;
            assertEquals(expected, r.state(), r.host());
            assertEquals(r.position() / 2, r.wave());
        }
        assertEquals(-1, rec.first("lab0007", 0, StepState.RUNNING), "no host of a later wave started");
    }

    @Test
    void retriesWithBackoffThenSucceed() throws Exception {
        Recorder rec = new Recorder();
        String once = "test -f /tmp/retried && exit 0; touch /tmp/retried; exit 1";
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 2, -1, -1)), (s, m) -> once), "p",
                JobTarget.hosts(List.of("lab0001", "lab0002")), options(), rec, null);
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);
        assertEquals(1, rec.count("lab0001", 0, StepState.FAILED));
        assertEquals(1, rec.count("lab0001", 0, StepState.OK));
        List<JobListener.StepResult> stored = ctx.jobs().results(h.id());
        assertEquals(4, stored.size(), "two attempts per host are kept: " + stored);
        assertTrue(stored.get(0).message().contains("retry 1 of 2 in 0.1 s"), stored.get(0).message());
    }

    @Test
    void incompleteRunsAgainAndRebootWaitsForTheHostBeforeTheNextStep() throws Exception {
        Recorder rec = new Recorder();
        String twice = "test -f /tmp/n2 && exit 0; test -f /tmp/n1 && touch /tmp/n2; touch /tmp/n1; exit 3";
        String reboot = "test -f /tmp/r && exit 0; touch /tmp/r; exit 4";
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, 3, -1), step(1, 0, -1, 4), step(2, 0, -1, -1)),
                (s, m) -> s.index() == 0 ? twice : s.index() == 1 ? reboot : "echo after"), "p",
                JobTarget.hosts(List.of("lab0003")), options(), rec, null);
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);
        assertEquals(2, rec.count("lab0003", 0, StepState.RETRY_WAIT), "incomplete twice, then done");
        assertTrue(rec.steps.stream().anyMatch(e -> e.message().startsWith("asked for a reboot (exit 4)")));
        assertEquals(List.of("after"), rec.out.get("lab0003#2"));
    }

    @Test
    void cancellingOneHostLeavesTheOthersRunning() throws Exception {
        Recorder rec = new Recorder();
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, -1, -1)), (s, m) -> m.name().equals("lab0004")
                ? "sleep 20" : "sleep 0.5"), "p", JobTarget.hosts(List.of("lab0004", "lab0005")), options(), rec,
                null);
        JobRun run = h.run().orElseThrow();
        await(() -> rec.first("lab0004", 0, StepState.RUNNING) > 0);
        assertTrue(run.cancel("lab0004"));
        assertEquals(JobState.CANCELLED, h.done().get(10, TimeUnit.SECONDS), "one host cancelled, none failed");
        assertEquals("1 of 2 hosts cancelled", ctx.jobs().find(h.id()).orElseThrow().message());
        assertEquals(HostRunState.CANCELLED, rec.hosts.get("lab0004"));
        assertEquals(HostRunState.DONE, rec.hosts.get("lab0005"));
    }

    @Test
    void cancellingTheJobEndsEveryHost() throws Exception {
        Recorder rec = new Recorder();
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, -1, -1), step(1, 0, -1, -1)), (s, m) -> "sleep 20"),
                "p", JobTarget.query("tag:lab"), options().withForks(4), rec, null);
        await(() -> rec.steps.size() >= 4);
        h.run().orElseThrow().cancel();
        assertEquals(JobState.CANCELLED, h.done().get(15, TimeUnit.SECONDS));
        for (Machine m : world.machines) {
            assertEquals(HostRunState.CANCELLED, rec.hosts.get(m.name()), m.name());
        }
        assertEquals(JobState.CANCELLED, ctx.jobs().find(h.id()).orElseThrow().state());
    }

    @Test
    void pauseStopsNewStepsUntilResumed() throws Exception {
        Recorder rec = new Recorder();
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, -1, -1)), (s, m) -> "sleep 0.3"), "p",
                JobTarget.query("tag:lab"), options().withForks(1), rec, null);
        JobRun run = h.run().orElseThrow();
        run.pause();
        assertEquals(JobState.PAUSED, run.state());
        Thread.sleep(800);
        long started = rec.steps.stream().filter(e -> e.state() == StepState.RUNNING).count();
        assertTrue(started <= 1, started + " hosts started while paused");
        run.resume();
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);
        assertEquals(List.of(JobState.RUNNING, JobState.PAUSED, JobState.RUNNING, JobState.SUCCEEDED), rec.states);
    }

    @Test
    void stopPolicyStartsNoNewStepAfterAFailure() throws Exception {
        world.lab.setFaults(FaultSpec.parse("fail=uname:lab0001"));
        Recorder rec = new Recorder();
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, -1, -1)), (s, m) -> "uname"), "p",
                JobTarget.query("tag:lab"), options().withForks(1).withPolicy(FailurePolicy.STOP), rec, null);
        assertEquals(JobState.FAILED, run(h));
        assertTrue(ctx.jobs().find(h.id()).orElseThrow().message().startsWith("lab0001 failed step s/t0"));
        assertEquals(-1, rec.first("lab0002", 0, StepState.RUNNING));
    }

    @Test
    void rerunFailedRunsOnlyTheFailedHostsAsANewLinkedJob() throws Exception {
        world.lab.setFaults(FaultSpec.parse("fail=uname:lab[0008-0009]"));
        JobHandle first = ctx.jobs().start("command:uname", JobTarget.query("tag:lab"), options(), null);
        assertEquals(JobState.FAILED, run(first));
        world.lab.setFaults(FaultSpec.NONE);
        JobHandle again = ctx.jobs().rerunFailed(first.id(), null);
        JobEnds.awaitEnd(ctx.jobs(), again, JobState.SUCCEEDED, 60);
        JobRepository.JobSummary s = ctx.jobs().find(again.id()).orElseThrow();
        assertEquals(first.id(), s.parent());
        assertEquals(List.of("lab0008", "lab0009"), ctx.jobs().hosts(again.id()).stream()
                .map(JobRepository.HostRow::host).toList());
    }

    @Test
    void laterStepsRenderWithValuesPublishedByEarlierOnes() throws Exception {
        JobPlan p = plan(List.of(step(0, 0, -1, -1), step(1, 0, -1, -1)), (s, m) -> {
            if (s.index() == 0) {
                return "true";
            }
            var token = ctx.inventory().inventory().machines().get("lab0001").params().get("control_plane_endpoint");
            return token == null ? null : "echo " + token.asText();
        });
        Recorder rec = new Recorder() {
            @Override
            public void step(long job, StepResult r) {
                super.step(job, r);
                if (r.host().equals("lab0001") && r.step() == 0 && r.state() == StepState.OK) {
                    Machine m = ctx.inventory().inventory().machines().get("lab0001");
                    Map<String, com.fasterxml.jackson.databind.JsonNode> params = new HashMap<>(m.params());
                    params.put("control_plane_endpoint", TextNode.valueOf("10.0.0.42:6443"));
                    ctx.inventory().updateMachine(m, m.toBuilder().params(params).build());
                }
            }
        };
        JobHandle h = ctx.jobs().start(p, "p", JobTarget.query("tag:lab"), options().withStrategy(Strategy.LINEAR),
                rec, null);
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);
        for (Machine m : world.machines) {
            assertEquals(List.of("10.0.0.42:6443"), rec.out.get(m.name() + "#1"), m.name());
        }
    }

    @Test
    void dryRunRendersEveryHostAndConnectsNowhere() throws Exception {
        long before = world.lab.status().commands();
        Recorder rec = new Recorder();
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, -1, -1)), (s, m) -> m.name().equals("lab0002") ? null
                : "echo s3cret " + m.name()), "p", JobTarget.query("tag:lab"), options().withDryRun(true), rec, null);
        assertEquals(JobState.FAILED, run(h));
        assertEquals(before, world.lab.status().commands(), "a dry run runs nothing");
        List<JobListener.StepResult> r = ctx.jobs().results(h.id());
        assertEquals(12, r.size());
        assertEquals("echo ******** lab0001", r.get(0).script(), "the stored script is masked");
        assertEquals("task t0 on lab0002: unknown param missing_one", r.get(1).message());
        assertFalse(r.get(1).state() == StepState.OK);
    }

    @Test
    void approvalHoldsTheNextWaveUntilGiven() throws Exception {
        Recorder rec = new Recorder();
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, -1, -1)), (s, m) -> "true"), "p",
                JobTarget.hosts(List.of("lab0001", "lab0002", "lab0003", "lab0004")),
                options().withWaves(WaveSize.parse("50%"), "", -1, true), rec, null);
        JobRun run = h.run().orElseThrow();
        await(() -> run.state() == JobState.AWAITING_APPROVAL);
        assertTrue(run.message().startsWith("wave 1 of 2 done (0 failed); approve to start wave 2"), run.message());
        Thread.sleep(300);
        assertEquals(HostRunState.WAITING, run.hostStates().get("lab0003"));
        assertTrue(run.approve());
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);
    }

    @Test
    void rehearsalRunsOnLabTwinsAndNeverTouchesTheMachines() throws Exception {
        long before = world.lab.status().commands();
        Recorder rec = new Recorder();
        JobHandle h = ctx.jobs().start(plan(List.of(step(0, 0, -1, -1)), (s, m) -> "hostname"), "p",
                JobTarget.query("tag:lab"), options().withRehearse(true), rec, null);
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);
        for (Machine m : world.machines) {
            assertEquals(List.of(m.name()), rec.out.get(m.name() + "#0"), "the twin answers as its machine");
        }
        assertEquals(before, world.lab.status().commands(), "the real hosts ran nothing");
        assertTrue(ctx.jobs().find(h.id()).orElseThrow().options().rehearse());
    }

    static void await(java.util.function.BooleanSupplier c) throws InterruptedException {
        for (int i = 0; i < 300 && !c.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(c.getAsBoolean(), "condition never held");
    }
}
