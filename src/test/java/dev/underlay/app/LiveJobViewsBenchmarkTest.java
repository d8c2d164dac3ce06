package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobHandle;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.automation.jobs.ScriptPlan;
import dev.underlay.automation.ui.jobs.JobEvents;
import dev.underlay.automation.ui.jobs.JobProgress;
import dev.underlay.automation.ui.jobs.JobWindow;
import dev.underlay.automation.ui.jobs.JobWindowViewModel;
import dev.underlay.automation.ui.log.JobLogViewModel;
import dev.underlay.e2e.LabHosts;
import dev.underlay.e2e.LabProcess;
import dev.underlay.e2e.LabWorld;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.ui.InventoryModel;
import dev.underlay.inventory.ui.MachineSelection;
import dev.underlay.inventory.ui.MachinesViewModel;
import dev.underlay.lab.FaultSpec;
import dev.underlay.lab.LabInventory;
import dev.underlay.racks.JobResultColouring;
import dev.underlay.racks.SideBySideLayout;
import dev.underlay.racks.ui.RackElevationsView;
import dev.underlay.racks.ui.RackElevationsViewModel;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import dev.underlay.ui.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14's combined benchmark (prints figures, asserts only what must hold; docs/benchmarks.md): a real S-step
 * job on N lab hosts (served by a JVM of their own, {@link LabProcess}, at {@code nice} 19: real hosts are neither in
 * the console's heap nor on its cores, and on a 2-core box the lab's SSH servers would otherwise take the FX
 * thread's core; {@code -Dunderlay.labNice=0} runs it at our priority, {@code -Dunderlay.labInProcess=true} in this
 * JVM, as the console's own small lab is; decision 0038), each step printing its lines with the lab shell's
 * {@code printlines} paced by {@code sleep}
 * so the job prints about R lines a second, while one 1600x900 Monocle stage shows the real job window (grid,
 * timeline, log viewer) beside the real Racks view coloured by last job result (fed as {@link ConsoleWindow} feeds
 * it: the jobs' listener's host changes), the hosts 40 to a 42U rack. Prints the pulse ({@link PulseMeter}), the
 * lines stored and shown and the rate reached, and the heap ({@link HeapMeter}). Small in every build (40 hosts x 3
 * steps, 800 lines/s); the figures: {@code mvn -B -o -q test -Dtest=LiveJobViewsBenchmarkTest -Dunderlay.hosts=1000
 * -Dunderlay.steps=10 -Dunderlay.rate=20000 -Dunderlay.lines=100000} (then {@code -Dunderlay.lines=1000000}); the job
 * stores about half the rate it is paced for, so {@code -Dunderlay.rate=40000 -Dunderlay.lines=1000000} is the one
 * that prints 20,000 lines a second. Also prints the CPU both JVMs used over the job.
 */
class LiveJobViewsBenchmarkTest {
    static final int PER_RACK = 40;
    @TempDir
    Path dir;

    @Test
    void aLiveJobShowsInTheGridTheRackAndTheLogWhileThePulseIsTimed() throws Exception {
        int hosts = Integer.getInteger("underlay.hosts", 40);
        int steps = Integer.getInteger("underlay.steps", 3);
        int rate = Integer.getInteger("underlay.rate", 20 * hosts);
        long asked = Long.getLong("underlay.lines", hosts * steps * 40L);
        int bytes = Integer.getInteger("underlay.bytes", 60);
        int perHostStep = (int) Math.max(1, asked / ((long) hosts * steps));
        long expected = (long) perHostStep * hosts * steps;
        List<String> commands = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            commands.add(pacedScript(perHostStep, rate / (double) hosts, bytes));
        }
        System.out.printf(Locale.ROOT, "live job views: %,d hosts x %d steps, %,d lines of %d bytes a host-step "
                + "(%,d lines), paced for %,d lines/s; load average %.2f at the start%n", hosts, steps, perHostStep,
                bytes, expected, rate, loadAverage());
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        boolean inProcess = Boolean.getBoolean("underlay.labInProcess");
        int nice = Integer.getInteger("underlay.labNice", 19);
        try (LabHosts lab = inProcess ? LabWorld.start(hosts, dir, FaultSpec.NONE)
                : LabProcess.start(hosts, dir, nice, List.of("-Xmx1g"));
             AppContext ctx = AppContext.open(dir.resolve("data"), false, Platform::runLater)) {
            lab.enrol(ctx);
            List<Machine> labMachines = lab.machines();
            long labPid = lab instanceof LabProcess lp ? lp.pid() : -1;
            System.out.println("live job views: the lab's hosts " + (labPid < 0 ? "in this JVM" : "in a JVM of their "
                    + "own (pid " + labPid + ", nice " + nice + ")"));
            ctx.inventory().apply(racked(ctx.inventory().inventory()));
            // as the console wires them: one listener for the jobs, its host changes recolour the racks
            JobEvents events = new JobEvents();
            JobResultColouring lastJob = new JobResultColouring();
            AtomicBoolean sawRunning = new AtomicBoolean();
            events.onHostChange((host, state) -> {
                lastJob.update(host, state.id());
                if (state == HostRunState.ACTIVE) {
                    sawRunning.set(true);
                }
            });
            InventoryModel model = new InventoryModel(ctx.inventory(), Platform::runLater);
            RackElevationsViewModel racks = fx(() -> {
                RackElevationsViewModel vm = new RackElevationsViewModel(model, new MachineSelection(
                        new MachinesViewModel(model, ctx.tasks(), m -> { })), new SideBySideLayout(), ctx.tasks(),
                        Platform::runLater, m -> { });
                vm.addColouring(lastJob);
                vm.colouringProperty().set(lastJob);
                vm.siteProperty().set(LabInventory.SITE);
                return vm;
            });
            RackElevationsView racksView = fx(() -> new RackElevationsView(racks));
            PulseMeter meter = new PulseMeter();
            JobLogViewModel[] shownLog = {null};
            HeapMeter heap = new HeapMeter(() -> {
                JobLogViewModel l = shownLog[0];
                return l == null ? 0 : l.lineCount(); // read off the FX thread: a count, good enough for a label
            });
            Stage stage = FxToolkit.registerStage(Stage::new);
            SplitPane both = fx(() -> {
                Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
                meter.startBefore();
                SplitPane pane = new SplitPane(new javafx.scene.control.Label("No job yet."), racksView);
                pane.setDividerPositions(0.62);
                pane.getStyleClass().add(dev.underlay.ui.UiStyles.APP_ROOT);
                Scene scene = new Scene(pane, 1600, 900);
                var css = LiveJobViewsBenchmarkTest.class.getResource(Theme.APP_CSS);
                if (css != null) {
                    scene.getStylesheets().add(css.toExternalForm());
                }
                stage.setScene(scene);
                stage.show();
                meter.startAfter(scene);
                return pane;
            });
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                racksView.canvas().fit();
                return null;
            });
            // a console that has been open a while: one short job on every host shown first (JIT, CSS), then closed
            long w0 = System.nanoTime();
            JobHandle warm = ctx.jobs().start(ScriptPlan.of(List.of("printlines 5 " + bytes), Duration.ofMinutes(5),
                    0, Duration.ZERO), "warm-up", JobTarget.query("tag:lab"), JobOptions.DEFAULTS.withForks(hosts),
                    events, null);
            JobWindowViewModel warmVm = fx(() -> new JobWindowViewModel(warm.id(), ctx.jobs(), events, ctx.tasks(),
                    Instant::now, id -> { }));
            JobWindow warmWindow = show(both, warmVm, meter);
            assertEquals(JobState.SUCCEEDED, warm.done().get(300, TimeUnit.SECONDS), "the warm-up job");
            awaitShown(warmVm, 7L * hosts);
            fx(() -> {
                warmWindow.dispose();
                return null;
            });
            sawRunning.set(false);
            System.out.printf(Locale.ROOT, "live job views: warm-up job (1 step, 5 lines a host) shown in %.1f s%n",
                    (System.nanoTime() - w0) / 1e9);
            long base = HeapMeter.liveAfterFullGc();

            long cpu0 = processCpuNanos();
            long labCpu0 = childCpuNanos(labPid);
            long t0 = System.nanoTime();
            JobHandle h = ctx.jobs().start(ScriptPlan.of(commands, Duration.ofMinutes(10), 0, Duration.ZERO),
                    "live-views-bench", JobTarget.query("tag:lab"), JobOptions.DEFAULTS.withForks(hosts), events,
                    null);
            // the console opens the job's window once the job started (JobsConsole.open)
            JobWindowViewModel jobVm = fx(() -> new JobWindowViewModel(h.id(), ctx.jobs(), events, ctx.tasks(),
                    Instant::now, id -> { }));
            JobWindow window = show(both, jobVm, meter);
            fx(() -> {
                jobVm.logProperty().subscribe(l -> shownLog[0] = l);
                meter.counting(true); // from the pulse after the window's first layout
                return null;
            });
            double opened = (System.nanoTime() - t0) / 1e9;
            JobState end = h.done().get(120 + 30 * expected / Math.max(1, rate), TimeUnit.SECONDS);
            double jobSeconds = (System.nanoTime() - t0) / 1e9;
            double consoleCores = (processCpuNanos() - cpu0) / 1e9 / jobSeconds;
            double labCores = labPid < 0 ? 0 : (childCpuNanos(labPid) - labCpu0) / 1e9 / jobSeconds;
            long[] stored = {0};
            ctx.jobs().flush();
            ctx.jobs().output(h.id(), null, null, l -> stored[0]++);
            // the window follows the job through the database: wait (bounded) until it shows every line
            long shownTarget = stored[0] + 2L * hosts * steps; // and a start and an end line a host-step
            awaitShown(jobVm, shownTarget);
            double caughtUp = (System.nanoTime() - t0) / 1e9;
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                meter.counting(false);
                return null;
            });
            int shown = fx(() -> jobVm.logProperty().get().lineCount());
            System.out.printf(Locale.ROOT, "live job views: window open %.1f s after the start, pulses timed from "
                    + "then until the log showed every line%n", opened);
            System.out.printf(Locale.ROOT, "live job views: job %s in %.1f s; %,d lines stored (%,.0f lines/s over "
                    + "the job); the log viewer held %,d rows %.1f s after the start (%,.0f lines/s shown); load "
                    + "average %.2f at the end%n", end, jobSeconds, stored[0], stored[0] / jobSeconds, shown, caughtUp,
                    (shown - 2.0 * hosts * steps) / caughtUp, loadAverage());
            System.out.printf(Locale.ROOT, "live job views: CPU over the job: this JVM (console, SSH client, log "
                    + "storage) %.2f cores%s, of %d; %.0f microseconds of this JVM's CPU a line stored%n",
                    consoleCores, labPid < 0 ? " (the lab's servers included)" : String.format(Locale.ROOT,
                            ", the lab's JVM %.2f cores", labCores), Runtime.getRuntime().availableProcessors(),
                    consoleCores * jobSeconds * 1e6 / Math.max(1, stored[0]));
            System.out.println("live job views: pulse: " + fx(meter::report));
            System.out.println("live job views: slow pulses: " + fx(meter::slowReport));
            fx(() -> {
                meter.writeHeavy();
                return null;
            });
            long live = HeapMeter.liveAfterFullGc();
            System.out.printf(Locale.ROOT, "live job views: heap in use after GC: %.1f MB before the job (views "
                    + "shown, empty), at most %.1f MB after any of the run's %d collections; after the first "
                    + "collection once the log held 100,000 lines %s, 1,000,000 lines %s; after a full GC with "
                    + "%,d rows in the log: %.1f MB (%.1f MB above the empty views, %.1f bytes a row)%n", base / 1e6,
                    heap.peak() / 1e6, heap.collections(), mb(heap.firstAfter(100_000)),
                    mb(heap.firstAfter(1_000_000)), shown, live / 1e6, (live - base) / 1e6,
                    (live - base) / (double) shown);
            heap.close();

            assertEquals(JobState.SUCCEEDED, end, "every host did every step");
            assertEquals(expected, stored[0], "every line printed is stored");
            assertEquals(shownTarget, shown, "the log viewer shows every stored line and each step's start and end");
            JobProgress p = fx(() -> jobVm.progressProperty().get());
            assertEquals(new JobProgress.Counts(0, 0, hosts, 0, 0, 0), fx(p::counts), "the grid's counts");
            assertEquals(String.format(Locale.ROOT, "0 queued, 0 running, %d ok, 0 failed, 0 skipped, 0 cancelled",
                    hosts), fx(() -> jobVm.countsProperty().get()));
            assertEquals(StepState.OK, fx(() -> p.cell(p.hostIndex(labMachines.get(hosts - 1).name()),
                    steps - 1)), "the grid's last cell");
            Inventory inv = ctx.inventory().inventory();
            for (Machine m : labMachines) {
                assertEquals(JobResultColouring.OK, lastJob.entryFor(inv.machines().get(m.name()), inv), m.name());
            }
            assertTrue(sawRunning.get(), "the racks were told of hosts running");
            assertTrue(fx(() -> racks.recoloursProperty().get()) > 0, "the racks view recoloured while the job ran");
            assertEquals((hosts + PER_RACK - 1) / PER_RACK, fx(() -> racksView.canvasGeometry().frames().size()),
                    "every rack of the lab drawn");
            assertTrue(fx(meter::pulses) > 0);
            fx(() -> {
                meter.stop();
                window.dispose();
                stage.close();
                return null;
            });
            model.close();
        }
    }

    /**
     * A step's script: {@code lines} lines of {@code bytes} bytes in chunks of about a quarter of a second's worth at
     * {@code perHost} lines a second, with a {@code sleep} between chunks.
     */
    static String pacedScript(int lines, double perHost, int bytes) {
        int chunk = (int) Math.max(1, Math.round(perHost / 4));
        String pause = String.format(Locale.ROOT, "%.3f", chunk / perHost);
        StringBuilder sb = new StringBuilder();
        for (int done = 0; done < lines; done += chunk) {
            if (done > 0) {
                sb.append("sleep ").append(pause).append("; ");
            }
            sb.append("printlines ").append(Math.min(chunk, lines - done)).append(' ').append(bytes).append("; ");
        }
        return sb.append("true").toString();
    }

    /** The lab's machines placed 1U each, {@value #PER_RACK} to a 42U rack of the lab's site, from U1 up. */
    static InventoryChanges racked(Inventory inv) {
        InventoryChanges ch = new InventoryChanges();
        List<Machine> lab = inv.machines().values().stream().filter(m -> LabInventory.SITE.equals(m.site()))
                .sorted(java.util.Comparator.comparing(Machine::name)).toList();
        for (int i = 0; i < lab.size(); i++) {
            String rack = String.format(Locale.ROOT, "lab-r%02d", i / PER_RACK + 1);
            if (i % PER_RACK == 0) {
                ch.racks.add(new Rack(rack, LabInventory.SITE, 42, "A", i / PER_RACK + 1));
            }
            ch.machines.add(lab.get(i).toBuilder().placed(rack, i % PER_RACK + 1, 1, Face.FRONT).build());
        }
        return ch;
    }

    /** Shows the job's window beside the racks, the meter's second timer after the window's own. */
    private static JobWindow show(SplitPane both, JobWindowViewModel vm, PulseMeter meter) throws Exception {
        JobWindow w = fx(() -> {
            JobWindow window = new JobWindow(vm, Instant::now);
            both.getItems().set(0, window);
            meter.restartLast();
            return window;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return w;
    }

    /** Waits (at most two minutes) until the window's log holds {@code rows} rows: it reads the job's lines back. */
    private static void awaitShown(JobWindowViewModel vm, long rows) throws Exception {
        long w0 = System.nanoTime();
        while (fx(() -> vm.logProperty().get() == null ? 0 : vm.logProperty().get().lineCount()) < rows
                && System.nanoTime() - w0 < TimeUnit.SECONDS.toNanos(120)) {
            Thread.sleep(100);
        }
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "(not reached)" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A child's user + system CPU from Linux's /proc/PID/stat (clock ticks of 10 ms); 0 where unreadable. */
    private static long childCpuNanos(long pid) {
        if (pid < 0) {
            return 0;
        }
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3, the state
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime, stime
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
