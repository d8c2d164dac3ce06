package dev.underlay.racks.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.app.AppContext;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import dev.underlay.inventory.ui.InventoryModel;
import dev.underlay.inventory.ui.MachineSelection;
import dev.underlay.inventory.ui.MachinesViewModel;
import dev.underlay.racks.Placement;
import dev.underlay.racks.RackMoves;
import dev.underlay.racks.SideBySideLayout;
import dev.underlay.racks.SiteElevation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
 * Benchmark of the Racks area (prints figures, asserts only counts; see docs/benchmarks.md): a site of
 * {@code underlay.racks} racks of 42U (10 in every build, as a smoke test; 100 for the figures:
 * {@code mvn -o -q test -Dtest=RackElevationBenchmarkTest -Dunderlay.racks=100}), each full of 1U machines, drawn by the real view in a 1440x900 scene
 * under Monocle, from the site being chosen to the end of the pulse that painted it, the whole site in view (Fit)
 * and at 100%; then what a drag costs per pointer move: the rules' check ({@link RackMoves#check}) on that site and
 * on an inventory of 25 times as many racks (100,000 machines at 100), and the repaint it causes.
 */
class RackElevationBenchmarkTest {
    @TempDir
    Path dir;
    /** The canvas's own paint time in each of the last {@link #draw} runs. */
    private static long[] paints;
    /** A snapshot of the scene after each run: the software rasterizer drawing it all, pixels read back. */
    private static long[] renders;

    static Inventory site(Inventory base, String site, int racks, int perRack) {
        Inventory.Builder b = base.toBuilder().site(new Site(site, ""));
        for (int r = 1; r <= racks; r++) {
            String rack = String.format(Locale.ROOT, "%s-r%03d", site, r);
            b.rack(new Rack(rack, site, 42, "A", r));
            for (int u = 1; u <= perRack; u++) {
                b.machine(Machine.builder(String.format(Locale.ROOT, "%s-r%03d-u%02d", site, r, u)).site(site)
                        .placed(rack, u, 1, u % 7 == 0 ? Face.REAR : Face.FRONT)
                        .status(u % 13 == 0 ? MachineStatus.FAILED : MachineStatus.IN_USE).build());
            }
        }
        return b.build();
    }

    @Test
    void aHundredRacksOf42UAreDrawnAndADragIsCheckedWithinAFrame() throws Exception {
        int racks = Integer.getInteger("underlay.racks", 10);
        Inventory big = site(Inventory.empty(), "big", racks, 41);
        InventoryChanges ch = new InventoryChanges();
        big.sites().values().forEach(ch.sites::add);
        big.racks().values().forEach(ch.racks::add);
        ch.machines.addAll(big.machines().values());
        try (AppContext ctx = AppContext.open(dir, false, Runnable::run)) {
            ctx.inventory().apply(ch);
            ctx.inventory().apply(emptySite());
            FxToolkit.registerPrimaryStage();
            Platform.setImplicitExit(false);
            InventoryModel model = new InventoryModel(ctx.inventory(), Platform::runLater);
            RackElevationsViewModel vm = fx(() -> new RackElevationsViewModel(model, new MachineSelection(
                    new MachinesViewModel(model, new CurrentThreadTaskRunner(), m -> { })), new SideBySideLayout(),
                    new CurrentThreadTaskRunner(), Platform::runLater, m -> { }));
            RackElevationsView view = fx(() -> new RackElevationsView(vm));
            Stage stage = FxToolkit.registerStage(Stage::new);
            fx(() -> {
                stage.setScene(new Scene(view, 1440, 900));
                stage.show();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(racks, fx(() -> {
                vm.siteProperty().set("big");
                return vm.geometry().frames().size();
            }));
            long[] fit = draw(vm, view, true, 25);
            double fitZoom = fx(() -> vm.zoomProperty().get());
            long[] fitPaint = paints.clone();
            long[] fitRender = renders.clone();
            long[] full = draw(vm, view, false, 25);
            long[] fullPaint = paints.clone();
            long[] fullRender = renders.clone();
            System.out.printf(Locale.ROOT, "racks: %d racks of 42U, %,d machines, 1440x900 scene; site chosen -> end "
                    + "of the pulse that painted it (first run cold, then median and max of the other %d):%n",
                    racks, big.machines().size(), fit.length - 1);
            System.out.printf(Locale.ROOT, "racks:   whole site in view (Fit, zoom %.1f%%): cold %.1f ms, median %.1f "
                    + "ms, max %.1f ms; the canvas's paint alone: median %.1f ms, max %.1f ms%n", fitZoom * 100,
                    fit[0] / 1e6, ms(warm(fit), 50), ms(warm(fit), 100), ms(fitPaint, 50), ms(fitPaint, 100));
            System.out.printf(Locale.ROOT, "racks:   rasterizing the whole 1440x900 scene then (a snapshot, software "
                    + "pipeline): Fit median %.1f ms, 100%% median %.1f ms%n", ms(fitRender, 50), ms(fullRender, 50));
            System.out.printf(Locale.ROOT, "racks:   at 100%%: median %.1f ms, max %.1f ms; paint alone: median %.1f ms,"
                    + " max %.1f ms%n", ms(warm(full), 50), ms(warm(full), 100), ms(fullPaint, 50),
                    ms(fullPaint, 100));
            System.out.printf(Locale.ROOT, "racks: model and layout alone (SiteElevation.of + layout): median %.1f ms%n",
                    ms(layoutTimes(ctx.inventory().inventory(), 15), 50));
            long[] repaint = dragRepaint(vm, view, Math.max(40, 2 * racks));
            System.out.printf(Locale.ROOT, "racks: a drag's pointer move (check, then repainted at 100%%), to the end "
                    + "of that pulse: median %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(repaint, 50), ms(repaint, 99),
                    ms(repaint, 100));
            checks("this site", ctx.inventory().inventory(), "big");
            int hugeRacks = 25 * racks;
            checks(String.format(Locale.ROOT, "%,d machines (%,d racks of 40)", hugeRacks * 40, hugeRacks),
                    site(Inventory.empty(), "huge", hugeRacks, 40), "huge");
            fx(() -> {
                stage.hide();
                return null;
            });
            model.close();
        }
    }

    private static long[] warm(long[] runs) {
        return Arrays.copyOfRange(runs, 1, runs.length);
    }

    private static InventoryChanges emptySite() {
        InventoryChanges ch = new InventoryChanges();
        ch.sites.add(new Site("empty", ""));
        return ch;
    }

    /** Chooses the big site from the empty one, n times: nanoseconds until the pulse that painted it ended. */
    private static long[] draw(RackElevationsViewModel vm, RackElevationsView view, boolean fit, int n)
            throws Exception {
        fx(() -> {
            if (fit) {
                view.canvas().fit();
            } else {
                vm.zoomProperty().set(1);
            }
            return null;
        });
        long[] out = new long[n];
        paints = new long[n];
        renders = new long[n];
        for (int i = 0; i < n; i++) {
            fx(() -> {
                vm.siteProperty().set("empty");
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            out[i] = timeToPulse(view, () -> vm.siteProperty().set("big"));
            paints[i] = fx(() -> view.canvas().lastPaintNanos());
            renders[i] = fx(() -> {
                long t0 = System.nanoTime();
                view.getScene().snapshot(null);
                return System.nanoTime() - t0;
            });
        }
        return out;
    }

    /** Runs {@code change} on the FX thread and times it until the end of the next layout pulse. */
    private static long timeToPulse(RackElevationsView view, Runnable change) throws Exception {
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

    private static long[] layoutTimes(Inventory inv, int n) {
        long[] out = new long[n];
        SideBySideLayout layout = new SideBySideLayout();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            layout.layout(SiteElevation.of(inv, "big"));
            out[i] = System.nanoTime() - t0;
        }
        return out;
    }

    private static long[] dragRepaint(RackElevationsViewModel vm, RackElevationsView view, int n) throws Exception {
        fx(() -> {
            vm.zoomProperty().set(1);
            view.canvas().reveal(400, 400);
            return null;
        });
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            int u = 1 + i % 41;
            out[i] = timeToPulse(view, () -> vm.moves().drag("big-r002-u10", new Placement("big-r001", u,
                    Face.FRONT)));
        }
        fx(() -> {
            vm.moves().cancelDrag();
            return null;
        });
        return out;
    }

    private static void checks(String what, Inventory inv, String site) {
        SiteElevation.of(inv, site); // as the view does when the snapshot arrives: the rack index is built
        Random rnd = new Random(14);
        List<Machine> ms = new ArrayList<>(inv.machines().values());
        List<String> rackNames = inv.racks().values().stream().filter(r -> r.site().equals(site))
                .map(Rack::name).toList();
        int n = 3_000;
        long[] t = new long[n];
        int refused = 0;
        for (int i = 0; i < n; i++) {
            Machine m = ms.get(rnd.nextInt(ms.size()));
            Placement to = new Placement(rackNames.get(rnd.nextInt(rackNames.size())), 1 + rnd.nextInt(42),
                    Face.FRONT);
            long t0 = System.nanoTime();
            refused += RackMoves.check(inv, m, to).allowed() ? 0 : 1;
            t[i] = System.nanoTime() - t0;
        }
        long[] warm = Arrays.copyOfRange(t, 500, n);
        System.out.printf(Locale.ROOT, "racks: drag check on %s: median %.3f ms, p99 %.3f ms, max %.3f ms "
                + "(%d of %d refused)%n", what, ms(warm, 50), ms(warm, 99), ms(warm, 100), refused, n);
    }

    private static double ms(long[] nanos, int percentile) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = Math.min(s.length - 1, (int) Math.ceil(percentile / 100.0 * s.length) - 1);
        return s[Math.max(0, i)] / 1e6;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }
}
