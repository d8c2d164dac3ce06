package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.inventory.Credential;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever export writes, import accepts: JSON and CSV exports of the demo, imported into an empty data folder
 * and back into the folder they came from (where they change nothing), and key files that survive the move.
 */
class CliRoundTripTest {
    @TempDir
    Path dir;

    private Inventory inventoryOf(Path folder) {
        try (AppContext ctx = AppContext.open(folder, false, Runnable::run)) {
            return ctx.inventory().inventory();
        }
    }

    private static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    @Test
    void jsonExportImportsIntoAnEmptyFolderAndIntoItsOwnWithoutChangesAndNamesKeyFilesPortably() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("moved/b");
        Cli.seedDemo(a);
        Path json = dir.resolve("inv.json");
        ok("export", json.toString(), "--data", a.toString());
        String text = Files.readString(json);
        assertFalse(text.contains(a.toString()), "no absolute path into the old data folder");
        assertTrue(text.contains("\"keyFile\" : \"$UNDERLAY_HOME/lab/client_ed25519\""), text);

        Cli.Result same = ok("import", json.toString(), "--data", a.toString(), "--dry-run");
        assertTrue(same.out().contains(": 0 to add, 0 to change, "), same.out());

        Cli.Result fresh = ok("import", json.toString(), "--data", b.toString());
        assertTrue(fresh.out().contains("imported into " + b + ": added 55, changed 1 (0 unchanged)"), fresh.out());
        Credential lab = inventoryOf(b).credentials().get(DemoInventory.LAB_CREDENTIAL);
        assertEquals(AppContext.labKey(b).toString(), lab.keyFile(), "the lab's key is the new folder's");
        Path again = dir.resolve("again.json");
        ok("export", again.toString(), "--data", b.toString());
        assertArrayEquals(Files.readAllBytes(json), Files.readAllBytes(again));
        Cli.Result twice = ok("import", json.toString(), "--data", b.toString(), "--dry-run");
        assertTrue(twice.out().contains(": 0 to add, 0 to change, "), twice.out());
    }

    @Test
    void csvExportImportsIntoAnEmptyFolderMakingWhatItRefersToAndSayingSoOncePerName() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Cli.seedDemo(a);
        Path csv = dir.resolve("machines.csv");
        ok("export", csv.toString(), "--data", a.toString());

        Cli.Result dry = ok("import", csv.toString(), "--data", b.toString(), "--dry-run");
        String out = dry.out();
        assertEquals(1, count(out, "note: credential lab-key is not in this data folder: made empty for its 41 "
                + "machines"), out);
        assertEquals(1, count(out, "note: rack fra1-r01 is not in this data folder: made in site fra1, 42U high"), out);
        assertEquals(1, count(out, "note: site fra1 is not in this data folder"), out);
        assertEquals(1, count(out, "note: profile k8s-node is not in this data folder: made empty"), out);
        assertTrue(inventoryOf(b).machines().isEmpty(), "a dry run writes nothing");

        Cli.Result fresh = ok("import", csv.toString(), "--data", b.toString());
        assertTrue(fresh.out().contains("imported into " + b + ": added "), fresh.out());
        Inventory ia = inventoryOf(a);
        Inventory ib = inventoryOf(b);
        assertEquals(ia.machines().keySet(), ib.machines().keySet());
        for (Machine m : ia.machines().values()) {
            assertEquals(m, ib.machines().get(m.name()), "machine " + m.name());
        }
        assertEquals(ia.racks().keySet(), ib.racks().keySet());
        Path csv2 = dir.resolve("machines2.csv");
        ok("export", csv2.toString(), "--data", b.toString());
        assertEquals(Files.readString(csv), Files.readString(csv2));

        for (Path folder : new Path[] {a, b}) {
            Cli.Result same = ok("import", csv.toString(), "--data", folder.toString(), "--dry-run");
            assertTrue(same.out().contains(": 0 to add, 0 to change, 41 unchanged"), same.out());
            assertFalse(same.out().contains("note:"), same.out());
        }
    }

    @Test
    void importShowsEachChangedFieldWarnsAboutRemovalsAndSaysWhatWasDone() throws IOException {
        Path a = dir.resolve("a");
        Cli.seedDemo(a);
        Path csv = dir.resolve("stor.csv");
        Files.writeString(csv, "name,port,tags\nfra1-stor01,2222,storage\n");
        Cli.Result merge = ok("import", csv.toString(), "--data", a.toString(), "--dry-run");
        assertTrue(merge.out().contains("(csv, merged into existing records): 0 to add, 1 to change"), merge.out());
        assertTrue(merge.out().contains("  ~ machine fra1-stor01\n      port: 22028 -> 2222\n"), merge.out());
        assertFalse(merge.out().contains("warning:"), merge.out());

        Cli.Result replace = ok("import", csv.toString(), "--data", a.toString(), "--replace");
        assertTrue(replace.out().contains("      tag ceph removed\n"), replace.out());
        assertTrue(replace.out().contains("warning: machine fra1-stor01 would lose tag lab and tag ceph\n"),
                replace.out());
        assertTrue(replace.out().endsWith("imported into " + a + ": added 0, changed 1 (0 unchanged)\n"),
                replace.out());
        assertEquals(java.util.List.of("storage"), inventoryOf(a).machines().get("fra1-stor01").tags());

        Cli.Result both = Cli.run("import", csv.toString(), "--data", a.toString(), "--merge", "--replace");
        assertEquals(2, both.code(), both.toString());
        assertTrue(both.err().contains("--merge and --replace exclude each other"), both.err());
    }

    private static long count(String text, String part) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(part)).count();
    }
}
