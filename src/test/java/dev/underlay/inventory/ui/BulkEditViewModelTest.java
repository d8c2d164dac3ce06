package dev.underlay.inventory.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkEditViewModelTest {
    @TempDir
    Path dir;
    DemoFixture fx;
    final ObservableList<Machine> selection = FXCollections.observableArrayList();
    BulkEditViewModel vm;

    @BeforeEach
    void open() {
        fx = new DemoFixture(dir);
        vm = new BulkEditViewModel(fx.model, fx.tasks, fx.messages::add, selection);
        selection.setAll(stored("fra1-web01"), stored("fra1-web02"));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Machine stored(String name) {
        return fx.context.inventory().inventory().machines().get(name);
    }

    @Test
    void addsAndRemovesTagsAndSetsStatusOnEverySelectedMachine() {
        vm.addTagsProperty().set("canary, eu");
        vm.removeTagsProperty().set("lab");
        vm.statusProperty().set(MachineStatus.MAINTENANCE);
        vm.apply();
        for (String n : List.of("fra1-web01", "fra1-web02")) {
            assertEquals(List.of("web", "canary", "eu"), stored(n).tags());
            assertEquals(MachineStatus.MAINTENANCE, stored(n).status());
        }
        assertEquals(List.of("lab", "web"), stored("fra1-web03").tags(), "unselected machines untouched");
        assertEquals("", vm.addTagsProperty().get(), "fields cleared after success");
        assertEquals("Changed 2 machines.", fx.lastMessage());
    }

    @Test
    void unknownProfileRefusesTheWholeEdit() {
        vm.addProfilesProperty().set("nosuch");
        vm.addTagsProperty().set("canary");
        vm.apply();
        assertTrue(vm.errorProperty().get().startsWith("Nothing changed:"), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("'nosuch'"), vm.errorProperty().get());
        assertEquals(List.of("lab", "web"), stored("fra1-web01").tags());
        assertEquals("canary", vm.addTagsProperty().get(), "typed values kept");
    }

    @Test
    void emptyEditIsRefusedWithAHint() {
        vm.apply();
        assertTrue(vm.errorProperty().get().startsWith("Nothing to change"), vm.errorProperty().get());
    }
}
