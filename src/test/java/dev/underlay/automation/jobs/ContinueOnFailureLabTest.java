package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.automation.PlannedStep;
import dev.underlay.e2e.LabWorld;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step with continue_on_failure on a real lab: a host whose step failed runs its later steps all the same and
 * ends failed; the others end done; a step without it still ends its host; a dry run says which steps go on.
 */
class ContinueOnFailureLabTest {
    @TempDir
    static Path dir;
    static LabWorld world;
    static AppContext ctx;

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(4, dir, FaultSpec.NONE);
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

    static PlannedStep step(int i, boolean goOn) {
        return new PlannedStep(i, "s", "t" + i, Duration.ofSeconds(30), 0, Duration.ZERO, -1, -1, goOn);
    }

    /** Step 0 fails on lab0001 (and goes on when asked to), step 1 fails on lab0002, step 2 prints the name. */
    static JobHandle start(Strategy strategy, boolean firstGoesOn, boolean secondGoesOn, Recorder rec) {
        return ctx.jobs().start(JobEngineLabTest.plan(List.of(step(0, firstGoesOn), step(1, secondGoesOn),
                step(2, false)), (s, m) -> s.index() == 0 && m.name().equals("lab0001") ? "echo disk; exit 1"
                : s.index() == 1 && m.name().equals("lab0002") ? "exit 3" : "hostname"), "p",
                JobTarget.query("tag:lab"), JobOptions.DEFAULTS.withForks(4).withStrategy(strategy), rec, null);
    }

    @Test
    void aFailedStepThatGoesOnRunsTheLaterStepsAndTheHostEndsFailed() throws Exception {
        for (Strategy strategy : List.of(Strategy.FREE, Strategy.LINEAR)) {
            Recorder rec = new Recorder();
            JobHandle h = start(strategy, true, true, rec);
            assertEquals(JobState.FAILED, JobEngineLabTest.run(h), strategy.name());
            assertEquals(List.of(StepState.FAILED, StepState.OK, StepState.OK), h.run().orElseThrow()
                    .stepStates("lab0001").orElseThrow(), strategy.name());
            assertEquals(List.of(StepState.OK, StepState.FAILED, StepState.OK), h.run().orElseThrow()
                    .stepStates("lab0002").orElseThrow(), strategy.name());
            assertEquals(List.of("lab0001"), rec.out.get("lab0001#2"), "the last step ran after the failure");
            assertEquals(HostRunState.FAILED, rec.hosts.get("lab0001"));
            assertEquals(HostRunState.FAILED, rec.hosts.get("lab0002"));
            assertEquals(HostRunState.DONE, rec.hosts.get("lab0003"));
            assertEquals(HostRunState.DONE, rec.hosts.get("lab0004"));
            assertTrue(rec.steps.stream().anyMatch(e -> e.host().equals("lab0001") && e.step() == 0
                    && e.state() == StepState.FAILED && e.message().contains("continue_on_failure")), rec.steps
                    .toString());
            // stored too: every step of lab0001 has its result
            assertEquals(3, ctx.jobs().results(h.id()).stream().filter(r -> r.host().equals("lab0001")
                    && r.state() != StepState.RUNNING).count());
        }
    }

    @Test
    void aFailedStepWithoutItStillEndsItsHost() throws Exception {
        Recorder rec = new Recorder();
        JobHandle h = start(Strategy.FREE, true, false, rec);
        assertEquals(JobState.FAILED, JobEngineLabTest.run(h));
        assertEquals(List.of(StepState.OK, StepState.FAILED, StepState.SKIPPED), h.run().orElseThrow()
                .stepStates("lab0002").orElseThrow());
        assertEquals(List.of(StepState.FAILED, StepState.OK, StepState.OK), h.run().orElseThrow()
                .stepStates("lab0001").orElseThrow());
    }

    @Test
    void aDryRunSaysWhichStepsGoOnAfterAFailure() throws Exception {
        Recorder rec = new Recorder();
        JobHandle dry = ctx.jobs().start(JobEngineLabTest.plan(List.of(step(0, true), step(1, false)),
                (s, m) -> "true"), "p", JobTarget.query("tag:lab"), JobOptions.DEFAULTS.withDryRun(true), rec, null);
        assertEquals(JobState.SUCCEEDED, JobEngineLabTest.run(dry));
        List<JobListener.StepResult> r = ctx.jobs().results(dry.id());
        assertTrue(r.stream().filter(x -> x.step() == 0).allMatch(x -> x.message().contains("the host goes on")),
                r.toString());
        assertTrue(r.stream().filter(x -> x.step() == 1).noneMatch(x -> x.message().contains("goes on")),
                r.toString());
    }
}
