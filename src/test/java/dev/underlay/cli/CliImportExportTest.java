package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliImportExportTest {
    @TempDir
    Path dir;

    private Inventory inventoryOf(Path folder) {
        try (AppContext ctx = AppContext.open(folder, false, Runnable::run)) {
            return ctx.inventory().inventory();
        }
    }

    /** The real value of a machine's param, as the one place that needs it gets it. */
    private String reveal(Path folder, String machine, String param) {
        try (AppContext ctx = AppContext.open(folder, false, Runnable::run)) {
            Inventory inv = ctx.inventory().inventory();
            return ctx.inventory().paramValues().reveal(inv, inv.machines().get(machine)).text(param);
        }
    }

    @Test
    void jsonExportImportExportIsByteIdentical() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Cli.seedDemo(a);
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        Cli.Result ex = Cli.run("export", first.toString(), "--format", "json", "--data", a.toString());
        assertEquals(0, ex.code(), ex.toString());
        Cli.Result im = Cli.run("import", first.toString(), "--data", b.toString());
        assertEquals(0, im.code(), im.toString());
        assertTrue(im.out().contains("  + 2 sites, 3 racks, 1 credential, 3 params, 4 profiles, 41 machines, 1 cluster\n"),
                im.out());
        Cli.Result ex2 = Cli.run("--data", b.toString(), "export", second.toString());
        assertEquals(0, ex2.code(), ex2.toString());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        String text = Files.readString(first);
        assertTrue(text.startsWith("{\n  \"format\" : \"underlay-inventory\",\n  \"version\" : 1,"), text);
        Inventory ia = inventoryOf(a);
        Inventory ib = inventoryOf(b);
        assertEquals(ia.machines(), ib.machines());
        assertEquals(ia.profiles(), ib.profiles());
        assertEquals(ia.clusters(), ib.clusters());
        assertEquals(ia.credentials().keySet(), ib.credentials().keySet());
        assertEquals(AppContext.labKey(b).toString(), ib.credentials().get("lab-key").keyFile(),
                "the lab's key file is named by its place in the data folder, so it moves with the export");
        assertEquals(ia.paramDefinitions(), ib.paramDefinitions());
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        Path a = dir.resolve("a");
        Cli.seedDemo(a);
        Path file = dir.resolve("inv.json");
        assertEquals(0, Cli.run("export", file.toString(), "--data", a.toString()).code());
        Cli.Result again = Cli.run("import", file.toString(), "--data", a.toString(), "--dry-run");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("0 to add, 0 to change"), again.out());
    }

    @Test
    void csvExportImportRoundTripsMachines() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Cli.seedDemo(a);
        Path json = dir.resolve("all.json");
        Path csv = dir.resolve("machines.csv");
        Path csv2 = dir.resolve("machines2.csv");
        assertEquals(0, Cli.run("export", json.toString(), "--data", a.toString()).code());
        assertEquals(0, Cli.run("export", csv.toString(), "--data", a.toString()).code());
        // sites, racks, profiles... come from JSON without machines; the machines then from CSV
        String noMachines = Files.readString(json).replaceAll("(?s)\"machines\" : \\[.*?\\n  \\],",
                "\"machines\" : [ ],").replaceAll("(?s)\"clusters\" : \\[.*?\\n  \\],", "\"clusters\" : [ ],");
        Path base = dir.resolve("base.json");
        Files.writeString(base, noMachines);
        Cli.Result r0 = Cli.run("import", base.toString(), "--data", b.toString());
        assertEquals(0, r0.code(), r0.toString());
        Cli.Result r = Cli.run("import", csv.toString(), "--data", b.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(0, Cli.run("export", csv2.toString(), "--format", "csv", "--data", b.toString()).code());
        assertEquals(Files.readString(csv), Files.readString(csv2));
        assertEquals(inventoryOf(a).machines(), inventoryOf(b).machines());
        assertTrue(Files.readString(csv).startsWith("name,kind,site,rack,u,height,face,address,port,user,"
                + "credential,status,tags,profiles,provider,region,instance_id,params\r\n"));
    }

    @Test
    void dryRunListsChangesAndWritesNothing() throws IOException {
        Path b = dir.resolve("b");
        Path file = dir.resolve("hosts.csv");
        Files.writeString(file, "name,address,tags\nweb01,10.0.0.1,web;prod\nweb02,10.0.0.2,web\n");
        Cli.Result r = Cli.run("import", file.toString(), "--dry-run", "--data", b.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("2 to add") && r.out().contains("+ machine web01")
                && r.out().contains("dry run: nothing written"), r.out());
        assertTrue(inventoryOf(b).machines().isEmpty());
    }

    @Test
    void secureParamValuesAreLeftOutOfExportsAndListed() throws IOException {
        Path a = dir.resolve("a");
        Cli.seedDemo(a);
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "name,params\nfra1-k8s-w01,\"{\"\"bmc_password\"\":\"\"hunter2\"\",\"\"x\"\":1}\"\n");
        Cli.Result im = Cli.run("import", csv.toString(), "--data", a.toString());
        assertEquals(0, im.code(), im.toString());
        Path json = dir.resolve("out.json");
        Cli.Result ex = Cli.run("export", json.toString(), "--data", a.toString());
        assertEquals(0, ex.code(), ex.toString());
        assertTrue(ex.out().contains("machine fra1-k8s-w01: bmc_password"), ex.out());
        String text = Files.readString(json);
        assertFalse(text.contains("hunter2"), "secret in export");
        assertTrue(text.replaceAll("\\s+", " ").contains("\"omittedSecureParams\" : [ \"machine fra1-k8s-w01: "
                + "bmc_password\" ]"), text);
        assertEquals(Files.getPosixFilePermissions(csv), Files.getPosixFilePermissions(json),
                "an export gets the same permissions as any file the user creates");
        Path out = dir.resolve("out.csv");
        Cli.Result exCsv = Cli.run("export", out.toString(), "--data", a.toString());
        assertTrue(exCsv.out().contains("bmc_password"), exCsv.out());
        assertFalse(Files.readString(out).contains("hunter2"));
        // re-importing either export keeps the stored secret instead of wiping it, and changes nothing
        Cli.Result back = Cli.run("import", json.toString(), "--data", a.toString());
        assertEquals(0, back.code(), back.toString());
        assertTrue(back.out().contains("kept the stored values of 1 secure params the file leaves out"), back.out());
        assertEquals("hunter2", reveal(a, "fra1-k8s-w01", "bmc_password"));
        Cli.Result backCsv = Cli.run("import", out.toString(), "--data", a.toString());
        assertEquals(0, backCsv.code(), backCsv.toString());
        assertTrue(backCsv.out().contains("0 to add, 0 to change"), backCsv.out());
        assertEquals("hunter2", reveal(a, "fra1-k8s-w01", "bmc_password"));
        assertEquals("********", inventoryOf(a).machines().get("fra1-k8s-w01").params().get("bmc_password").asText(),
                "the snapshot holds the mask, never the value");
    }

    @Test
    void missingFileIsOneLineAndExitOne() {
        Cli.Result r = Cli.run("import", dir.resolve("nope.json").toString(), "--data", dir.resolve("d").toString());
        assertEquals(1, r.code());
        assertEquals("underlay: cannot read " + dir.resolve("nope.json") + ": no such file\n", r.err());
        assertFalse(Files.exists(dir.resolve("d")), "no data folder created for a missing file");
    }

    @Test
    void unknownFormatIsAUsageError() throws IOException {
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{}");
        Cli.Result r = Cli.run("import", f.toString(), "--format", "xml", "--data", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("underlay: --format: unknown format 'xml'"), r.err());
    }
}
