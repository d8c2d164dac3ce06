package dev.underlay.inventory.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.background.BackgroundTask;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.background.TaskHandle;
import dev.underlay.background.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachinesViewModelTest {
    @TempDir
    Path dir;
    DemoFixture fx;
    MachinesViewModel vm;

    @BeforeEach
    void open() {
        fx = new DemoFixture(dir);
        vm = new MachinesViewModel(fx.model, fx.tasks, fx.messages::add);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> shownNames() {
        return vm.rows().stream().map(Machine::name).toList();
    }

    @Test
    void showsEveryDemoMachineWithoutQuery() {
        assertEquals(41, vm.totalProperty().get());
        assertEquals(41, vm.shownProperty().get());
    }

    @Test
    void freeTextMatchesNamesAndTags() {
        vm.queryProperty().set("gpu");
        assertEquals(List.of("fra1-gpu01", "fra1-gpu02", "fra1-gpu03", "fra1-gpu04"), shownNames());
        assertEquals(4, vm.shownProperty().get());
    }

    @Test
    void queryLanguageCombinesFieldsAndNegation() {
        vm.queryProperty().set("rack:fra1-r03 status:failed");
        assertEquals(List.of("fra1-gpu03"), shownNames());
        vm.queryProperty().set("kind:cloud name:euc1-web*");
        assertEquals(List.of("euc1-web01", "euc1-web02", "euc1-web03"), shownNames());
        vm.queryProperty().set("-status:failed");
        assertEquals(40, vm.shownProperty().get());
        assertFalse(shownNames().contains("fra1-gpu03"));
    }

    @Test
    void unparsableQueryShowsErrorAndKeepsLastFilter() {
        vm.queryProperty().set("tag:gpu");
        assertEquals(4, vm.shownProperty().get());
        vm.queryProperty().set("tag:gpu colour:red");
        assertTrue(vm.queryErrorProperty().get().contains("unknown field 'colour'"), vm.queryErrorProperty().get());
        assertEquals(4, vm.shownProperty().get(), "the table keeps the last good filter");
        vm.queryProperty().set("tag:gpu status:failed");
        assertEquals("", vm.queryErrorProperty().get());
        assertEquals(List.of("fra1-gpu03"), shownNames());
    }

    @Test
    void writesThroughTheServiceReachTheRowsAndKeepTheFilter() {
        vm.queryProperty().set("status:failed");
        Machine m = fx.model.inventory().machines().get("fra1-web01");
        fx.context.inventory().updateMachine(m, m.toBuilder().status(MachineStatus.FAILED).build());
        assertEquals(List.of("fra1-gpu03", "fra1-web01"), shownNames());
        assertEquals(41, vm.totalProperty().get());
    }

    @Test
    void unchangedMachinesKeepTheirRowObjectsAfterAnEdit() {
        Machine untouched = vm.rows().get(0);
        Machine m = fx.model.inventory().machines().get("fra1-web01");
        fx.context.inventory().updateMachine(m, m.toBuilder().address("10.0.0.9").build());
        assertTrue(untouched == vm.rows().get(0), "rows of unchanged machines are not recreated");
        assertEquals("10.0.0.9", vm.rows().stream().filter(x -> x.name().equals("fra1-web01")).findFirst()
                .orElseThrow().address());
    }

    @Test
    void deleteSelectedRemovesThoseMachinesAndSaysSo() {
        Machine a = fx.model.inventory().machines().get("fra1-ci01");
        Machine b = fx.model.inventory().machines().get("fra1-ci02");
        vm.select(List.of(a, b));
        vm.deleteSelected();
        assertEquals(39, vm.totalProperty().get());
        assertTrue(vm.selection().isEmpty(), "deleted machines leave the selection");
        assertEquals("Deleted 2 machines.", fx.lastMessage());
    }

    /**
     * Holds submitted tasks until told to run them, in submission order, as a worker thread would when it falls
     * behind the typing. Runs a cancelled task too (its result then arrives late) unless told to honour cancel.
     */
    static final class HeldTasks implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();
        int cancelled;

        @Override
        public <T> TaskHandle submit(BackgroundTask<T> task) {
            // the same-thread runner, later; a cancel here is only counted, so a stale result still arrives
            held.add(() -> new CurrentThreadTaskRunner().submit(task));
            return new TaskHandle() {
                @Override
                public void cancel() {
                    cancelled++;
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        void runAll() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aNewerQuerySupersedesOneStillBeingFiltered() {
        HeldTasks filtering = new HeldTasks();
        vm = new MachinesViewModel(fx.model, fx.tasks, filtering, fx.messages::add);
        vm.queryProperty().set("tag:gpu");
        vm.queryProperty().set("rack:fra1-r03 status:failed");
        assertEquals(41, vm.shownProperty().get(), "nothing shown before the worker answers");
        assertTrue(vm.refreshing());
        assertEquals(1, filtering.cancelled, "the older query's computation is cancelled");
        filtering.runAll(); // the older result arrives anyway, then the newer one
        assertEquals(List.of("fra1-gpu03"), shownNames());
        assertFalse(vm.refreshing());
    }

    @Test
    void aLateResultOfAnOlderQueryNeverReplacesTheNewerRows() {
        HeldTasks filtering = new HeldTasks();
        vm = new MachinesViewModel(fx.model, fx.tasks, filtering, fx.messages::add);
        vm.queryProperty().set("tag:gpu");
        Runnable older = filtering.held.remove(0);
        vm.queryProperty().set("rack:fra1-r03 status:failed");
        filtering.runAll();
        assertEquals(List.of("fra1-gpu03"), shownNames());
        older.run();
        assertEquals(List.of("fra1-gpu03"), shownNames(), "the superseded result is dropped");
    }

    @Test
    void sortingOrdersTheFilteredRowsAndAClearedOrderIsNameOrderAgain() {
        Comparator<Machine> byPortDescending = Comparator.comparing(Machine::sshPort).reversed();
        vm.queryProperty().set("name:fra1-web*");
        List<String> byName = shownNames();
        vm.comparatorProperty().set(byPortDescending);
        assertEquals(expected("fra1-web", byPortDescending), shownNames());
        assertTrue(!shownNames().equals(byName), "the order is not name order");
        vm.queryProperty().set("name:fra1-web0*");
        assertEquals(expected("fra1-web0", byPortDescending), shownNames(), "a new query keeps the order");
        vm.comparatorProperty().set(null);
        assertEquals(expected("fra1-web0", Comparator.comparing(Machine::name)), shownNames());
    }

    private List<String> expected(String prefix, Comparator<Machine> order) {
        return fx.model.inventory().machines().values().stream().filter(m -> m.name().startsWith(prefix))
                .sorted(order).map(Machine::name).toList();
    }

    @Test
    void selectRequestedWhileRowsAreComputedWaitsForThem() {
        HeldTasks filtering = new HeldTasks();
        vm = new MachinesViewModel(fx.model, fx.tasks, filtering, fx.messages::add);
        vm.queryProperty().set("tag:gpu");
        vm.requestSelect(List.of("fra1-gpu02"));
        assertEquals(null, vm.selectRequestProperty().get(), "not yet: the row is not shown");
        filtering.runAll();
        assertEquals(List.of("fra1-gpu02"), vm.selectRequestProperty().get());
    }

    @Test
    void anEmptyTableWhileTheFolderOpensSaysSoNotThatThereAreNoMachines() {
        InventoryModel waiting = new InventoryModel(Runnable::run); // the console's model before its folder is open
        MachinesViewModel opening = new MachinesViewModel(waiting, new CurrentThreadTaskRunner(), m -> { });
        assertEquals("Opening the data folder\u2026", opening.emptyText());
        assertTrue(vm.emptyText().startsWith("No machine"), "an open folder says what the table lacks");
    }

    @Test
    void anEmptyTableSaysWhatTheQueryNamesThatTheInventoryHasNot() {
        vm.queryProperty().set("rack:r1");
        assertEquals(List.of(), shownNames());
        assertEquals("No machine matches 'rack:r1': no rack is named r1; racks are fra1-r01, fra1-r02, fra1-r03.",
                vm.emptyText());
        vm.queryProperty().set("name:nothing*");
        assertEquals("No machine matches 'name:nothing*'.", vm.emptyText());
        vm.queryProperty().set("status:faild");
        assertEquals("'faild' in 'status:faild' is not a status; status is one of new, ready, in-use, maintenance,"
                + " failed, retired", vm.queryErrorProperty().get(), "an invalid query is not an empty result");
    }
}
