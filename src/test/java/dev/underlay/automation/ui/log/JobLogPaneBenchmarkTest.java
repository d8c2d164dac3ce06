package dev.underlay.automation.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.ui.Theme;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark of the live log viewer (prints figures, asserts only counts; docs/benchmarks.md): 1,000 hosts
 * printing 20,000 lines a second into a shown JobLogPane under Monocle, fed once per pulse by an AnimationTimer
 * as the job window will; {@code -Dunderlay.logSeconds=10} for the figures (2 s in every build). Reports the
 * pulse's FX-thread work (timer start to the end of layout) and the interval between pulses, p50/p99/max; then
 * the heap in use after GC at 100,000 and 1,000,000 lines ({@code -Dunderlay.logMax=1000000}; 200,000 by default).
 */
class JobLogPaneBenchmarkTest {
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(120, TimeUnit.SECONDS);
    }

    @Test
    void twentyThousandLinesASecondWhileThePaneShowsThem() throws Exception {
        int seconds = Integer.getInteger("underlay.logSeconds", 2);
        int max = Integer.getInteger("underlay.logMax", 200_000);
        int rate = 20_000;
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        LogFixture data = new LogFixture();
        JobLogViewModel vm = fx(() -> new JobLogViewModel(LogFixture.STEPS, new CurrentThreadTaskRunner()));
        Stage stage = fx(() -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            Stage s = new Stage();
            Scene scene = new Scene(new JobLogPane(vm), 1260, 760);
            s.setScene(scene);
            s.show();
            return s;
        });
        long baseline = usedAfterGc();
        long[] work = new long[seconds * 200];
        long[] gaps = new long[seconds * 200];
        int[] pulses = {0};
        long[] fed = {0};
        long[] pulseStart = {0};
        long[] last = {0};
        CountDownLatch done = new CountDownLatch(1);
        int[] cursor = {0, 0, 1}; // k, step, host
        AnimationTimer feeder = new AnimationTimer() {
            long t0;

            @Override
            public void handle(long now) {
                pulseStart[0] = System.nanoTime();
                if (t0 == 0) {
                    t0 = now;
                }
                long due = Math.min((long) seconds * rate, (now - t0) * rate / 1_000_000_000L);
                List<JobRepository.OutputLine> batch = new ArrayList<>((int) Math.max(0, due - fed[0]));
                while (fed[0] < due) {
                    batch.add(next(data, cursor));
                    fed[0]++;
                }
                vm.append(batch);
                if (last[0] != 0 && pulses[0] < gaps.length) {
                    gaps[pulses[0]] = now - last[0];
                }
                last[0] = now;
                if (fed[0] >= (long) seconds * rate) {
                    stop();
                    done.countDown();
                }
            }
        };
        fx(() -> {
            stage.getScene().addPostLayoutPulseListener(() -> {
                if (pulseStart[0] != 0 && pulses[0] < work.length) {
                    work[pulses[0]++] = System.nanoTime() - pulseStart[0];
                    pulseStart[0] = 0;
                }
            });
            feeder.start();
            return null;
        });
        Assertions.assertTrue(done.await(seconds * 10L + 60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals((long) seconds * rate, fx(vm::lineCount).longValue());
        long[] w = Arrays.copyOf(work, pulses[0]);
        long[] g = Arrays.copyOfRange(gaps, 1, Math.max(1, pulses[0]));
        Arrays.sort(w);
        Arrays.sort(g);
        System.out.printf(Locale.ROOT, "log: %,d lines/s for %d s into a shown JobLogPane, %d pulses: FX work per "
                + "pulse p50 %.1f ms, p99 %.1f ms, max %.1f ms; pulse interval p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                rate, seconds, w.length, ms(w, 50), ms(w, 99), ms(w, 100), ms(g, 50), ms(g, 99), ms(g, 100));
        for (int target : new int[] {100_000, 1_000_000}) {
            if (target > max) {
                continue;
            }
            while (fx(vm::lineCount) < target) { // bounded: each round adds up to 50,000 lines
                int n = Math.min(50_000, target - fx(vm::lineCount));
                List<JobRepository.OutputLine> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    batch.add(next(data, cursor));
                }
                fx(() -> {
                    vm.append(batch);
                    return null;
                });
            }
            WaitForAsyncUtils.waitForFxEvents();
            long used = usedAfterGc() - baseline;
            System.out.printf(Locale.ROOT, "log: %,d lines (%,d text bytes): heap in use after GC %.1f MB above the "
                    + "empty pane, %.1f bytes a line%n", target, fx(vm::textBytes), used / 1e6, used / (double) target);
        }
        fx(() -> {
            stage.close();
            return null;
        });
    }

    /** The next line of 1,000 hosts printing in turn: host, then line k, then the step. */
    private static JobRepository.OutputLine next(LogFixture data, int[] c) {
        JobRepository.OutputLine l = data.fleetLine(c[2], c[1] % 10, c[0]);
        if (++c[2] > 1000) {
            c[2] = 1;
            if (++c[0] == 100) {
                c[0] = 0;
                c[1]++;
            }
        }
        return l;
    }

    private static double ms(long[] sorted, int pct) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = Math.min(sorted.length - 1, (int) Math.ceil(pct / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
