package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.e2e.LabWorld;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.InventoryTargets;
import dev.underlay.ssh.OutputSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job of S steps on N lab hosts against bare fan-outs of the same commands: S fan-outs one after the other on
 * one set of connections (what the job's transport does underneath), and S separate {@code exec}-style fan-outs
 * (each its own connections, as S runs of {@code underlay exec} are). The job's extra per step is what it costs
 * over the bare fan-outs: rendering, states, and storing every result and line. Small by default; the figures come
 * from {@code mvn -o -q test -Dtest=JobVsExecBenchmark -Dunderlay.hosts=1000 -Dunderlay.steps=10}.
 */
class JobVsExecBenchmark {
    @TempDir
    Path dir;

    @Test
    void jobAgainstBareExec() throws Exception {
        int hosts = Integer.getInteger("underlay.hosts", 40);
        int steps = Integer.getInteger("underlay.steps", 3);
        int forks = Integer.getInteger("underlay.forks", 128);
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            commands.add("echo step-" + i + "; uname -s");
        }
        try (LabWorld world = LabWorld.start(hosts, dir, FaultSpec.NONE);
             AppContext ctx = AppContext.open(dir.resolve("data"), false, Runnable::run)) {
            world.enrol(ctx);
            List<Machine> machines = ctx.inventory().inventory().machines().values().stream().toList();
            List<FanOut.Planned> plan = InventoryTargets.plan(ctx.inventory().inventory(), machines);
            FanOut fan = new FanOut(ctx.ssh());
            fan.start(plan, "true", forks, null, OutputSink.DISCARD, r -> { }).results().get(300, TimeUnit.SECONDS);

            long e0 = System.nanoTime();
            for (String c : commands) {
                List<ExecResult> rs = fan.start(plan, c, forks, null, OutputSink.DISCARD, r -> { }).results()
                        .get(600, TimeUnit.SECONDS);
                assertTrue(rs.stream().allMatch(ExecResult::succeeded));
            }
            long exec = System.nanoTime() - e0;

            long s0 = System.nanoTime();
            try (dev.underlay.ssh.JobConnections shared = ctx.ssh().openJob()) {
                dev.underlay.ssh.StepRunner runner = new dev.underlay.ssh.StepRunner(shared, forks);
                for (String c : commands) {
                    List<java.util.concurrent.CompletableFuture<ExecResult>> fs = new ArrayList<>();
                    for (FanOut.Planned p : plan) {
                        fs.add(runner.submit(dev.underlay.ssh.StepRunner.Request.of(p, c, Duration.ofMinutes(5),
                                OutputSink.DISCARD)).result());
                    }
                    for (var f : fs) {
                        assertTrue(f.get(600, TimeUnit.SECONDS).succeeded());
                    }
                }
            }
            long bare = System.nanoTime() - s0;

            long j0 = System.nanoTime();
            JobHandle h = ctx.jobs().start(ScriptPlan.of(commands, Duration.ofMinutes(5), 0, Duration.ZERO),
                    "bench", JobTarget.query("tag:lab"), JobOptions.DEFAULTS.withForks(forks), null, null);
            JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 600);
            long job = System.nanoTime() - j0;

            JobHandle l = ctx.jobs().start(ScriptPlan.of(commands, Duration.ofMinutes(5), 0, Duration.ZERO),
                    "bench", JobTarget.query("tag:lab"), JobOptions.DEFAULTS.withForks(forks)
                            .withStrategy(Strategy.LINEAR), null, null);
            long l0 = System.nanoTime();
            JobEnds.awaitEnd(ctx.jobs(), l, JobState.SUCCEEDED, 600);
            long linear = System.nanoTime() - l0;
            System.out.printf(Locale.ROOT, "JobVsExecBenchmark: %d hosts x %d steps, forks %d: %d separate exec "
                    + "fan-outs %.2f s; %d bare rounds on shared connections %.2f s; job (free) %.2f s, job (linear) "
                    + "%.2f s; job (linear) over the bare rounds %+.1f ms a step (%+.3f ms a host-step)%n", hosts,
                    steps, forks, steps, exec / 1e9, steps, bare / 1e9, job / 1e9, linear / 1e9,
                    (linear - bare) / 1e6 / steps, (linear - bare) / 1e6 / steps / hosts);
        }
    }
}
