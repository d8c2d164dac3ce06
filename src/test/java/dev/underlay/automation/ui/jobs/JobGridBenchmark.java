package dev.underlay.automation.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.automation.jobs.JobListener.StepResult;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a pulse of the job window's grid and timeline costs at 1,000 hosts x 10 steps in 10 waves (run with
 * {@code mvn -o -q test -Dtest=JobGridBenchmark}; {@code -Dunderlay.gridSteps=60} for 60 steps): per frame, 1,000 step events applied (a burst far above a real
 * job's) and both canvases redrawn, scrolled a little each frame; FX thread CPU time per frame, printed.
 */
class JobGridBenchmark {
    @Test
    void aThousandHostsByTenStepsRedrawWithinAFrame() throws Exception {
        int hosts = 1000;
        int steps = Integer.getInteger("underlay.gridSteps", 10);
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            labels.add("stage/task-" + k);
        }
        Instant t0 = Instant.now();
        var summary = new JobRepository.JobSummary(1, "bench", "bench", JobTarget.query("all"), JobOptions.DEFAULTS,
                JobState.RUNNING, "", null, t0, null, labels, hosts, 0, 0);
        List<JobRepository.HostRow> rows = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            rows.add(new JobRepository.HostRow(String.format(Locale.ROOT, "host%04d", i), i, i / 100,
                    HostRunState.ACTIVE));
        }
        JobProgress p = new JobProgress(summary, rows, List.of());
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        CanvasColours colours = WaitForAsyncUtils.asyncFx(CanvasColours::new).get(30, TimeUnit.SECONDS);
        JobGrid grid = WaitForAsyncUtils.asyncFx(() -> new JobGrid(colours)).get(30, TimeUnit.SECONDS);
        JobTimeline timeline = WaitForAsyncUtils.asyncFx(() -> new JobTimeline(colours)).get(30, TimeUnit.SECONDS);
        Stage stage = FxToolkit.registerStage(Stage::new);
        WaitForAsyncUtils.asyncFx(() -> {
            HBox box = new HBox(grid, timeline);
            grid.setPrefSize(800, 900);
            timeline.setPrefSize(800, 900);
            Scene scene = new Scene(box, 1600, 900);
            var css = JobGridBenchmark.class.getResource(dev.underlay.ui.Theme.APP_CSS);
            if (css != null) {
                scene.getStylesheets().add(css.toExternalForm());
            }
            stage.setScene(scene);
            stage.show();
            return null;
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        int frames = 200;
        long[] cpu = WaitForAsyncUtils.asyncFx(() -> {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long[] out = new long[frames];
            int e = 0;
            for (int f = 0; f < frames; f++) {
                long c0 = mx.getCurrentThreadCpuTime();
                for (int n = 0; n < 1000; n++, e++) {
                    int host = e % hosts;
                    int step = (e / hosts) % steps;
                    StepState s = (e / hosts) % 2 == 0 ? StepState.RUNNING : StepState.OK;
                    p.apply(new JobEvent.StepChanged(1, new StepResult(rows.get(host).host(), step, 1 + e / (hosts
                            * steps), s, t0, s.isFinal() ? Instant.now() : null, 0, "", "", "")));
                }
                grid.scroll.setValue((f * 37.0) % Math.max(1, grid.scroll.getMax()));
                grid.show(p);
                timeline.show(p, Instant.now());
                out[f] = mx.getCurrentThreadCpuTime() - c0;
            }
            return out;
        }).get(120, TimeUnit.SECONDS);
        long[] warm = Arrays.copyOfRange(cpu, 20, frames);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "job grid: %d hosts x %d steps, 1,000 events + grid and timeline redraw a "
                + "frame, FX thread CPU per frame over %d warm frames: median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                hosts, steps, warm.length, warm[warm.length / 2] / 1e6, warm[(int) (warm.length * 0.99)] / 1e6,
                warm[warm.length - 1] / 1e6);
        assertEquals(hosts, p.hosts().size());
        WaitForAsyncUtils.asyncFx(() -> {
            stage.close();
            return null;
        }).get(30, TimeUnit.SECONDS);
    }
}
