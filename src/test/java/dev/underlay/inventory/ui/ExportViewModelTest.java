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
}
