package dev.underlay.inventory.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.io.ImportDiff;
import dev.underlay.inventory.io.ImportMode;
import dev.underlay.inventory.io.ImportPlan;
import dev.underlay.inventory.io.ImportProblem;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.background.CurrentThreadTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The importer itself is developed in parallel; these tests drive the dialog's logic with plans made here. */
class ImportViewModelTest {
    final List<String> messages = new ArrayList<>();
    final List<ImportPlan> applied = new ArrayList<>();
    final List<InventoryFormat> planned = new ArrayList<>();
    final List<ImportMode> modes = new ArrayList<>();

    static ImportPlan okPlan(Path file, InventoryFormat f, ImportMode m) {
        return new ImportPlan(file.toString(), f, new InventoryChanges(), List.of("machine web05", "machine web06"),
                List.of("machine web01"), List.of("machine web02"), List.of());
    }

    static ImportPlan badPlan(Path file, InventoryFormat f, ImportMode m) {
        return new ImportPlan(file.toString(), f, new InventoryChanges(), List.of(), List.of(), List.of(),
                List.of(new ImportProblem(file.toString(), 3, "port", "'ssh' is not a port number")));
    }

    private ImportViewModel vm(Path file, ImportViewModel.Planner planner) {
        return new ImportViewModel(file, (p, f, m) -> {
            planned.add(f);
            modes.add(m);
            return planner.plan(p, f, m);
        }, p -> {
            applied.add(p);
            return Inventory.empty();
        }, new CurrentThreadTaskRunner(), messages::add);
    }

    @Test
    void formatIsGuessedFromTheFileName() {
        assertEquals(InventoryFormat.CSV, vm(Path.of("hosts.csv"), ImportViewModelTest::okPlan).formatProperty().get());
        assertEquals(InventoryFormat.ANSIBLE, vm(Path.of("hosts"), ImportViewModelTest::okPlan).formatProperty().get());
    }

    @Test
    void okPlanIsPreviewedAndAppliedOnlyOnRequest() {
        ImportViewModel vm = vm(Path.of("/tmp/in.json"), ImportViewModelTest::okPlan);
        vm.replan();
        assertTrue(applied.isEmpty(), "the dry run writes nothing");
        assertEquals("2 to add, 1 to change, 1 unchanged", vm.summaryProperty().get());
        assertTrue(vm.previewProperty().get().contains("To add (2):\n  machine web05\n  machine web06"),
                vm.previewProperty().get());
        assertTrue(vm.canApplyBinding().get());
        boolean[] closed = {false};
        vm.apply(() -> closed[0] = true);
        assertEquals(1, applied.size());
        assertTrue(closed[0]);
        assertFalse(vm.canApplyBinding().get(), "a plan is applied once");
        assertEquals("Imported in.json: added 2, changed 1 (1 unchanged).", messages.get(0));
        assertEquals("Imported in.json: added 2, changed 1 (1 unchanged). Nothing else was touched.",
                vm.summaryProperty().get(), "after Apply the dialog says what was done");
    }

    @Test
    void planWithProblemsListsThemByFileLineAndFieldAndCannotBeApplied() {
        ImportViewModel vm = vm(Path.of("/tmp/in.csv"), ImportViewModelTest::badPlan);
        vm.replan();
        assertFalse(vm.canApplyBinding().get());
        assertTrue(vm.summaryProperty().get().startsWith("Cannot import: 1 problem"), vm.summaryProperty().get());
        assertTrue(vm.previewProperty().get().contains("/tmp/in.csv:3: port: 'ssh' is not a port number"),
                vm.previewProperty().get());
        vm.apply(() -> { });
        assertTrue(applied.isEmpty());
    }

    @Test
    void changingTheFormatPlansAgain() {
        ImportViewModel vm = vm(Path.of("/tmp/in.csv"), ImportViewModelTest::okPlan);
        vm.replan();
        vm.formatProperty().set(InventoryFormat.JSON);
        assertEquals(List.of(InventoryFormat.CSV, InventoryFormat.JSON), planned);
        assertEquals(InventoryFormat.JSON, vm.planProperty().get().format());
    }

    @Test
    void unreadableFileIsExplainedAndNothingCanBeApplied() {
        ImportViewModel vm = vm(Path.of("/tmp/gone.json"), (p, f, m) -> {
            throw new java.nio.file.NoSuchFileException(p.toString());
        });
        vm.replan();
        assertEquals("Cannot read gone.json: file not found: /tmp/gone.json", vm.summaryProperty().get());
        assertFalse(vm.canApplyBinding().get());
    }

    @Test
    void previewShowsTheNotesSuchAsASecureValueThatWouldChange() {
        ImportPlan p = new ImportPlan("/tmp/hosts", InventoryFormat.ANSIBLE, new InventoryChanges(), List.of(),
                List.of("machine db01"), List.of(), List.of(),
                List.of("machine db01: ansible_become_password: the stored secure value would change"), null);
        assertTrue(ImportViewModel.render(p).endsWith("Notes (1):\n  machine db01: ansible_become_password: the "
                + "stored secure value would change"), ImportViewModel.render(p));
    }

    @Test
    void previewListsEachChangedFieldAndWarnsAboutRemovalsAndTheModePlansAgain() {
        ImportDiff d = new ImportDiff("machine", "fra1-stor01", List.of(
                new ImportDiff.Change("port", "22", "2222", ImportDiff.Kind.CHANGED),
                new ImportDiff.Change("tag ceph", "", "", ImportDiff.Kind.REMOVED),
                new ImportDiff.Change("param bmc_address", "\"10.30.3.20\"", "", ImportDiff.Kind.REMOVED)));
        ImportViewModel vm = vm(Path.of("/tmp/stor.csv"), (p, f, m) -> new ImportPlan(p.toString(), f,
                new InventoryChanges(), List.of(), List.of("machine fra1-stor01"), List.of(), List.of(), List.of(),
                null, m, m == ImportMode.REPLACE ? List.of(d) : List.of()));
        vm.replan();
        assertEquals(ImportMode.MERGE, modes.get(0), "merge is the default");
        assertEquals("", vm.warningsProperty().get());
        vm.modeProperty().set(ImportMode.REPLACE);
        assertEquals(List.of(ImportMode.MERGE, ImportMode.REPLACE), modes);
        assertEquals("⚠ machine fra1-stor01 would lose tag ceph and param bmc_address", vm.warningsProperty().get());
        String text = vm.previewProperty().get();
        assertTrue(text.contains("To change (1):\n  machine fra1-stor01\n    ~ port: 22 -> 2222\n"
                + "    - tag ceph removed\n    - param bmc_address \"10.30.3.20\" removed\n"), text);
        assertTrue(text.startsWith("Would be removed (1):\n  machine fra1-stor01 would lose"), text);
    }
}
