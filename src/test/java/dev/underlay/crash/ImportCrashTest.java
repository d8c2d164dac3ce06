package dev.underlay.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.Main;
import dev.underlay.db.Database;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.io.InventoryExporter;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.inventory.io.InventoryImporter;
import dev.underlay.inventory.io.ScaleInventory;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import dev.underlay.testing.ChildJvm;
import dev.underlay.testing.ChildJvm.Signal;
import dev.underlay.testing.KillSweep;
import dev.underlay.testing.KillSweep.Outcome;
import dev.underlay.testing.KillSweep.Point;
import dev.underlay.testing.KillSweep.State;
import dev.underlay.testing.KillSweep.Trial;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large JSON import by the real CLI in its own JVM, stopped by SIGKILL, SIGTERM and Ctrl-C at many points of
 * its run: every reopened folder opens and holds exactly the old inventory or exactly the new one; a stop by
 * SIGTERM or Ctrl-C says in one line which; and the same import run again afterwards finishes in seconds.
 * {@code -Dunderlay.crash.machines} and {@code -Dunderlay.crash.kills} make the sweep bigger (docs/benchmarks.md).
 */
class ImportCrashTest {
    private static final int MACHINES = Integer.getInteger("underlay.crash.machines", 30_000);
    private static final int KILLS = Integer.getInteger("underlay.crash.kills", 16);
    private static final Predicate<String> PLANNED = l -> l.startsWith("writing ");
    /** Database's debug line as a commit begins (the child logs it: see the logback file it is given). */
    private static final Predicate<String> COMMITTING = l -> l.equals("Database: commit started");

    @TempDir
    static Path dir;
    static Path big;
    static Path template;
    static Inventory before;
    static Inventory after;
    static long plannedAt;
    static long writeMillis;
    static long commitMillis;
    static long uninterruptedMillis;

    @BeforeAll
    static void oldAndNew() throws Exception {
        big = dir.resolve("big.json");
        new InventoryExporter().export(ScaleInventory.of(MACHINES), big, InventoryFormat.JSON);
        Path small = dir.resolve("small.json");
        new InventoryExporter().export(ScaleInventory.of(3), small, InventoryFormat.JSON);
        template = dir.resolve("template");
        try (Database db = Database.open(template)) {
            InventoryImporter importer = new InventoryImporter(new InventoryService(new JdbcInventoryStore(db)));
            importer.apply(importer.plan(small, InventoryFormat.JSON));
        }
        before = load(template);
        Path full = dir.resolve("uninterrupted");
        KillSweep.copy(template, full);
        try (ChildJvm c = importInto(full)) {
            long planned = c.awaitLine(PLANNED, 120_000).atMillis();
            assertEquals(0, c.waitFor(180_000), c.stderr());
            plannedAt = planned;
            uninterruptedMillis = c.millis();
            writeMillis = uninterruptedMillis - planned;
            assertEquals(1, c.lines().stream().filter(l -> COMMITTING.test(l.text())).count(),
                    "the import is the one commit to aim at: " + c.stderr());
            long started = c.awaitLine(COMMITTING, 0).atMillis();
            long done = c.awaitLine(l -> l.startsWith("Database: commit done"), 0).atMillis();
            commitMillis = Math.max(20, done - started);
        }
        after = load(full);
        assertEquals(MACHINES, after.machines().size());
        System.out.printf("crash sweep: %,d machines; uninterrupted import %d ms (plan %d ms, write and exit %d ms, "
                + "commit %d ms)%n", MACHINES, uninterruptedMillis, plannedAt, writeMillis, commitMillis);
    }

    @Test
    void sigkillAnywhereLeavesTheOldOrTheNewInventoryAndTheImportRunsAgainInSeconds() throws Exception {
        int early = Math.max(1, KILLS / 4);
        int inCommit = Math.max(1, KILLS * 3 / 8); // H2 2.5.2x showed part of a transaction after a kill in commit()
        List<Point> points = new ArrayList<>(KillSweep.spread("start", null, 300, plannedAt, early, 1));
        points.addAll(KillSweep.spread("planned", PLANNED, 0, writeMillis * 6 / 5, KILLS - early - inCommit, 2));
        points.addAll(KillSweep.spread("commit", COMMITTING, 0, commitMillis, inCommit, 5));
        List<Trial> trials = sweep(Signal.KILL).run(Signal.KILL, points);
        System.out.println("crash sweep " + KillSweep.tally(Signal.KILL, trials));
        assertNoPartial(trials);
        Trial killedWriting = trials.stream().filter(t -> t.point().after() != null
                && t.outcome().state() == State.OLD).findFirst().orElse(trials.get(trials.size() - 1));
        try (ChildJvm again = importInto(killedWriting.folder())) {
            assertEquals(0, again.waitFor(180_000), again.stderr());
            System.out.printf("crash sweep: the same import after a kill at %s took %d ms (uninterrupted: %d ms)%n",
                    killedWriting.point().label(), again.millis(), uninterruptedMillis);
        }
        assertEquals(after, load(killedWriting.folder()));
    }

    @Test
    void sigtermFinishesTheWriteInProgressOrLeavesTheOldStateAndSaysWhich() throws Exception {
        stopsCleanly(Signal.TERM, 143);
    }

    @Test
    void ctrlCFinishesTheWriteInProgressOrLeavesTheOldStateAndSaysWhich() throws Exception {
        stopsCleanly(Signal.INT, 130);
    }

    private static void stopsCleanly(Signal s, int signalExit) throws Exception {
        List<Point> points = new ArrayList<>(KillSweep.spread("start", null, 400, plannedAt, 2, 3));
        points.addAll(KillSweep.spread("planned", PLANNED, 0, writeMillis, 3, 4));
        List<Trial> trials = sweep(s).run(s, points);
        System.out.println("crash sweep " + KillSweep.tally(s, trials));
        assertNoPartial(trials);
        for (Trial t : trials) {
            String where = t.point().label() + " (sent " + t.sentAtMillis() + " ms after start): " + t.lastError()
                    + "\nthe child printed:\n" + String.join("\n", t.output().stream()
                    .map(l -> l.atMillis() + " " + (l.stderr() ? "err " : "out ") + l.text()).toList());
            if (t.exitCode() == 0) {
                assertEquals(State.NEW, t.outcome().state(), where); // it had finished before the signal came
                continue;
            }
            assertEquals(signalExit, t.exitCode(), where);
            if (t.point().after() == null && t.lastError().isEmpty()) {
                // stopped while the JVM was still starting, before it opened the folder: nothing to say
                assertEquals(State.OLD, t.outcome().state(), where);
            } else if (t.outcome().state() == State.OLD) {
                assertTrue(t.lastError().contains("before anything was written; the data folder is "
                        + "unchanged"), where);
            } else {
                // the import was running and was let finish, or had committed just before the signal
                assertTrue(t.lastError().contains("the change in progress was finished and saved first")
                        || t.lastError().contains("every change made was already saved"), where);
            }
        }
    }

    private static void assertNoPartial(List<Trial> trials) {
        for (Trial t : trials) {
            assertTrue(t.outcome().state() == State.OLD || t.outcome().state() == State.NEW,
                    t.signal() + " at " + t.point().label() + " (sent " + t.sentAtMillis() + " ms after start): "
                            + t.outcome().detail());
        }
    }

    private static KillSweep sweep(Signal s) {
        return new KillSweep(template, dir.resolve("sweep-" + s), ImportCrashTest::importInto,
                ImportCrashTest::judge);
    }

    private static ChildJvm importInto(Path folder) throws IOException {
        String logging = ImportCrashTest.class.getResource("/crash/logback-commits.xml").getPath();
        return ChildJvm.start(Main.class, List.of("-Dlogback.configurationFile=" + logging),
                List.of("import", big.toString(), "--data", folder.toString()));
    }

    private static Outcome judge(Path folder, ChildJvm child, int exit) {
        // fresh copies of one killed folder once failed to open now and then (an MVStoreException in H2's reading
        // of chunk headers): a copy of the folder as the kill left it must open and read the same
        Path copy = folder.resolveSibling(folder.getFileName() + "-copy");
        Inventory got;
        try {
            KillSweep.copy(folder, copy);
            got = load(folder);
            if (!load(copy).equals(got)) {
                return new Outcome(State.UNREADABLE, "a copy of the folder reads differently");
            }
        } catch (IOException | RuntimeException e) {
            return new Outcome(State.UNREADABLE, "cannot be opened: " + e);
        } finally {
            KillSweep.delete(copy);
        }
        assertNotNull(got);
        if (got.equals(before)) {
            return new Outcome(State.OLD, "old");
        }
        if (got.equals(after)) {
            return new Outcome(State.NEW, "new");
        }
        return new Outcome(State.PARTIAL, "neither old (" + before + ") nor new (" + after + "): " + got);
    }

    private static Inventory load(Path folder) {
        try (Database db = Database.open(folder)) {
            return new JdbcInventoryStore(db).load();
        }
    }
}
