package dev.underlay.topology.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.ui.InventoryModel;
import dev.underlay.inventory.ui.MachineSelection;
import dev.underlay.inventory.ui.MachinesViewModel;
import dev.underlay.topology.ForceLayout;
import dev.underlay.topology.GraphLayout;
import dev.underlay.topology.LayeredLayout;
import dev.underlay.topology.TopologyBuilder;
import dev.underlay.topology.TopologyFixtures;
import dev.underlay.topology.TopologyGraph;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark of the Topology area (prints figures, asserts only counts; see docs/benchmarks.md): a graph of
 * {@code underlay.topology.vertices} vertices (300 in every build as a smoke test; 5,000 for the figures:
 * {@code mvn -o -q test -Dtest=TopologyBenchmarkTest -Dunderlay.topology.vertices=5000}). Each layout's time
 * (graph built, then laid out; first run cold), then the real view in a 1440x900 scene under Monocle, panned and
 * zoomed a frame at a time: from the change to the end of the pulse that painted it, the whole graph in view (Fit)
 * and at 100%, and the software rasterizer drawing the scene (a snapshot) every tenth frame.
 */
class TopologyBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void fiveThousandVerticesLayOutAndPanAndZoomWithinAFrame() throws Exception {
        int vertices = Integer.getInteger("underlay.topology.vertices", 300);
        Inventory big = TopologyFixtures.large(vertices);
        TopologyGraph g = TopologyBuilder.build(big);
        System.out.printf(Locale.ROOT, "topology: %,d vertices, %,d edges (%,d machines; 1 bastion per 800, "
                + "clusters of 200)%n", g.size(), g.edges().size(), big.machines().size());
        long[] build = new long[5];
        for (int i = 0; i < build.length; i++) {
            long t0 = System.nanoTime();
            TopologyBuilder.build(big);
            build[i] = System.nanoTime() - t0;
        }
        System.out.printf(Locale.ROOT, "topology:   graph built from the snapshot: median %.1f ms%n", ms(build, 50));
        for (GraphLayout l : List.of(new LayeredLayout(), new ForceLayout())) {
            long[] t = new long[3];
            long cpu = 0;
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < t.length; i++) {
                long c0 = bean.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                assertEquals(g.size(), l.layout(g, TopologyViewModel.SEED).graph().size());
                t[i] = System.nanoTime() - t0;
                cpu = bean.getCurrentThreadCpuTime() - c0;
            }
            System.out.printf(Locale.ROOT, "topology:   %s layout: cold %.2f s, then %.2f s and %.2f s wall; last "
                    + "run %.2f s CPU%n", l.id(), t[0] / 1e9, t[1] / 1e9, t[2] / 1e9, cpu / 1e9);
        }
        InventoryChanges ch = new InventoryChanges();
        big.sites().values().forEach(ch.sites::add);
        big.racks().values().forEach(ch.racks::add);
        ch.machines.addAll(big.machines().values());
        ch.clusters.addAll(big.clusters().values());
        try (AppContext ctx = AppContext.open(dir, false, Runnable::run)) {
            ctx.inventory().apply(ch);
            FxToolkit.registerPrimaryStage();
            Platform.setImplicitExit(false);
            InventoryModel model = new InventoryModel(ctx.inventory(), Platform::runLater);
            TopologyViewModel vm = fx(() -> new TopologyViewModel(model, new MachineSelection(
                    new MachinesViewModel(model, new CurrentThreadTaskRunner(), m -> { })),
                    List.of(new LayeredLayout()), new CurrentThreadTaskRunner(), Platform::runLater, m -> { }));
            TopologyView view = fx(() -> new TopologyView(vm));
            Stage stage = FxToolkit.registerStage(Stage::new);
            fx(() -> {
                stage.setScene(new Scene(view, 1440, 900));
                stage.show();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(g.size(), fx(() -> vm.picture().graph().size()));
            fx(() -> {
                vm.fit();
                return null;
            });
            String shots = System.getProperty("underlay.screenshot.dir");
            if (shots != null) { // the whole picture at Fit, e.g. docs/screenshots/topology-5000.png
                WaitForAsyncUtils.waitForFxEvents();
                var png = javafx.embed.swing.SwingFXUtils.fromFXImage(fx(() -> view.getScene().snapshot(null)), null);
                javax.imageio.ImageIO.write(png, "png", Path.of(shots, "topology-" + vertices + ".png").toFile());
            }
            frames("whole graph in view (Fit)", vm, view, 200);
            fx(() -> {
                var p = vm.picture();
                vm.viewportProperty().set(Viewport.centredOn(p.width() / 2, p.height() / 2, 1,
                        view.canvas().getWidth(), view.canvas().getHeight()));
                return null;
            });
            frames("at 100%", vm, view, 200);
            fx(() -> {
                stage.hide();
                return null;
            });
            model.close();
        }
    }

    /** n frames, alternately a pan of a few pixels and a wheel notch in or out about the middle. */
    private static void frames(String what, TopologyViewModel vm, TopologyView view, int n) throws Exception {
        long[] pulse = new long[n];
        long[] paint = new long[n];
        long[] raster = new long[n / 10];
        double zoom0 = fx(() -> vm.viewportProperty().get().zoom());
        for (int i = 0; i < n; i++) {
            int k = i;
            pulse[i] = timeToPulse(view, () -> {
                if (k % 2 == 0) {
                    vm.panBy(k % 4 == 0 ? 23 : -23, 7);
                } else {
                    vm.zoomAt(k % 4 == 1 ? 1.1 : 1 / 1.1, 720, 450);
                }
            });
            paint[i] = fx(() -> view.canvas().lastPaintNanos());
            if (i % 10 == 0) {
                raster[i / 10] = fx(() -> {
                    long t0 = System.nanoTime();
                    view.getScene().snapshot(null);
                    return System.nanoTime() - t0;
                });
            }
        }
        assertTrue(pulse.length == n);
        System.out.printf(Locale.ROOT, "topology: %s, zoom %.2f%%, %d frames of pan or zoom: change -> end of the "
                + "pulse that painted it median %.1f ms, p99 %.1f ms, max %.1f ms; the canvas's paint alone median "
                + "%.1f ms, p99 %.1f ms; rasterizing the 1440x900 scene (snapshot, software) median %.1f ms, "
                + "p99 %.1f ms%n", what, zoom0 * 100, n, ms(pulse, 50), ms(pulse, 99), ms(pulse, 100),
                ms(paint, 50), ms(paint, 99), ms(raster, 50), ms(raster, 99));
    }

    private static long timeToPulse(TopologyView view, Runnable change) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            Scene scene = view.getScene();
            long t0 = System.nanoTime();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                done.complete(System.nanoTime() - t0);
                Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            };
            scene.addPostLayoutPulseListener(listener[0]);
            change.run();
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private static double ms(long[] runs, int percentile) {
        long[] s = runs.clone();
        Arrays.sort(s);
        int i = Math.min(s.length - 1, (int) Math.ceil(percentile / 100.0 * s.length) - 1);
        return s[Math.max(0, i)] / 1e6;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }
}
