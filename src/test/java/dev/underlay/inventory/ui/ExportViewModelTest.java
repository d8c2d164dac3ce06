package dev.underlay.inventory.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.background.CurrentThreadTaskRunner;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exporter is developed in parallel; these tests use stand-ins for its success and failure. */
class ExportViewModelTest {
    final List<String> messages = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<InventoryFormat> written = new ArrayList<>();

    @Test
    void formatComesFromTheFileNameAndSuccessIsReported() {
        ExportViewModel vm = new ExportViewModel(Inventory::empty, (inv, file, f) -> written.add(f),
                new CurrentThreadTaskRunner(), messages::add, failures::add);
        vm.export(Path.of("/tmp/out.csv"), null);
        assertEquals(List.of(InventoryFormat.CSV), written);
        assertEquals(List.of("Exported 0 machines to /tmp/out.csv (csv)."), messages);
        assertEquals(List.of(), failures);
    }

    @Test
    void failureIsOneSentenceNamingTheFile() {
        ExportViewModel vm = new ExportViewModel(Inventory::empty, (inv, file, f) -> {
            throw new AccessDeniedException(file.toString());
        }, new CurrentThreadTaskRunner(), messages::add, failures::add);
        vm.export(Path.of("/root/out.json"), InventoryFormat.JSON);
        assertEquals(List.of("Could not export to /root/out.json: permission denied: /root/out.json"), failures);
    }

    @Test
    void aNameEndingInCsvWithTheJsonFilterAsksAndTheNameIsTheDefault() {
        ExportViewModel.Target t = ExportViewModel.target(Path.of("/tmp/export.csv"), InventoryFormat.JSON);
        assertEquals(InventoryFormat.CSV, t.format());
        assertEquals(Path.of("/tmp/export.csv"), t.file());
        assertEquals("export.csv ends in .csv, but the JSON filter was chosen. Which should be written?", t.question());
        assertEquals("Write CSV to export.csv", t.action());
        assertEquals("Write JSON to export.json", t.other().action());
        assertEquals(Path.of("/tmp/export.json"), t.other().file());
    }

    @Test
    void nameAndFilterThatAgreeOrANameWithoutExtensionAskNothing() {
        ExportViewModel.Target same = ExportViewModel.target(Path.of("/tmp/a.json"), InventoryFormat.JSON);
        assertEquals(null, same.other());
        assertEquals(InventoryFormat.JSON, same.format());
        ExportViewModel.Target bare = ExportViewModel.target(Path.of("/tmp/machines"), InventoryFormat.CSV);
        assertEquals(Path.of("/tmp/machines.csv"), bare.file());
        assertEquals(InventoryFormat.CSV, bare.format());
        assertEquals(null, bare.other());
        ExportViewModel.Target none = ExportViewModel.target(Path.of("/tmp/inv.txt"), null);
        assertEquals(InventoryFormat.JSON, none.format(), "JSON, the whole inventory, when nothing says otherwise");
        assertEquals(Path.of("/tmp/inv.txt"), none.file());
        assertEquals(InventoryFormat.CSV, ExportViewModel.target(Path.of("/tmp/x.CSV"), null).format());
    }

    @Test
    void exportOffersOnlyWhatTheReadmeListsForExport() {
        assertEquals(List.of(InventoryFormat.JSON, InventoryFormat.CSV), ExportViewModel.FORMATS);
        assertEquals(InventoryFormat.JSON, ExportViewModel.target(Path.of("/tmp/h"), InventoryFormat.ANSIBLE)
                .format());
    }
}
