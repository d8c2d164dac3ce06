package dev.underlay.topology.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.ui.InventoryModel;
import dev.underlay.inventory.ui.MachineSelection;
import dev.underlay.inventory.ui.MachinesViewModel;
import dev.underlay.racks.MachineColouring;
import dev.underlay.racks.StatusColouring;
import dev.underlay.topology.ForceLayout;
import dev.underlay.topology.LayeredLayout;
import dev.underlay.topology.PlacedGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    InventoryModel model;
    MachinesViewModel machines;
    TopologyViewModel vm;
    final List<String> messages = new ArrayList<>();
    final List<Runnable> liveListeners = new ArrayList<>();

    void open() {
        ctx = AppContext.open(dir, true, Runnable::run);
        model = new InventoryModel(ctx.inventory(), Runnable::run);
        CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
        machines = new MachinesViewModel(model, tasks, messages::add);
        vm = new TopologyViewModel(model, new MachineSelection(machines), List.of(new LayeredLayout(),
                new ForceLayout()), tasks, Runnable::run, messages::add);
        vm.viewSize(1000, 700);
    }

    @AfterEach
    void close() {
        if (ctx != null) {
            model.close();
            ctx.close();
        }
    }

    private Machine stored(String name) {
        return ctx.inventory().inventory().machines().get(name);
    }

    @Test
    void aViewModelForTheConsoleLaysOutNothingUntilItsAreaIsShown() {
        open();
        TopologyViewModel later = new TopologyViewModel(model, new MachineSelection(machines), List.of(
                new LayeredLayout()), new CurrentThreadTaskRunner(), Runnable::run, messages::add, true);
        InventoryChanges ch01 = new InventoryChanges();
        ch01.machines.add(Machine.builder("fra1-late01").site("fra1").build());
        ctx.inventory().apply(ch01);
        assertEquals(null, later.picture(), "not laid out before the area is shown");
        later.areaShown();
        assertTrue(later.picture().graph().indexOfMachine("fra1-late01") >= 0);
        InventoryChanges ch02 = new InventoryChanges();
        ch02.machines.add(Machine.builder("fra1-late02").site("fra1").build());
        ctx.inventory().apply(ch02);
        assertTrue(later.picture().graph().indexOfMachine("fra1-late02") >= 0, "and follows the inventory after");
    }

    @Test
    void laysOutTheDemoAndFitsItInTheView() {
        open();
        PlacedGraph p = vm.picture();
        assertEquals(ctx.inventory().inventory().machines().size(), p.graph().nodes().stream()
                .filter(n -> n.machine() != null).count());
        assertEquals("layered", p.layoutId());
        Viewport v = vm.viewportProperty().get();
        assertTrue(v.screenX(0) >= -1 && v.screenX(p.width()) <= 1001, "fits across: " + v);
        assertTrue(v.screenY(0) >= -1 && v.screenY(p.height()) <= 701, "fits down: " + v);
        assertTrue(vm.statusProperty().get().contains("layered layout in"), vm.statusProperty().get());
        assertEquals(6, vm.legendProperty().get().size(), "every status, as in the racks");
        vm.layoutProperty().set(vm.layouts().get(1));
        assertEquals("force", vm.picture().layoutId());
    }

    @Test
    void aStatusChangeRecoloursWithoutALayoutAndARemovalLaysOutAgain() {
        open();
        PlacedGraph before = vm.picture();
        int recolours = vm.recoloursProperty().get();
        ctx.inventory().updateMachine(stored("fra1-web02"), stored("fra1-web02").toBuilder()
                .status(MachineStatus.FAILED).build());
        assertSame(before, vm.picture(), "same structure, same layout");
        assertEquals(recolours + 1, vm.recoloursProperty().get());
        assertEquals(MachineStatus.FAILED, vm.shownProperty().get().machines().get("fra1-web02").status(),
                "coloured from the new snapshot");
        InventoryChanges ch = new InventoryChanges();
        ch.machines.add(Machine.builder("fra1-new01").site("fra1").build());
        ctx.inventory().apply(ch);
        assertNotSame(before, vm.picture());
        assertTrue(vm.picture().graph().indexOfMachine("fra1-new01") >= 0);
    }

    @Test
    void aLiveColouringsBurstIsOneRecolour() {
        open();
        StatusColouring status = new StatusColouring();
        MachineColouring live = new MachineColouring() {
            @Override
            public String id() {
                return "live";
            }

            @Override
            public String title() {
                return "Live";
            }

            @Override
            public dev.underlay.racks.LegendEntry entryFor(Machine m, dev.underlay.inventory.Inventory inv) {
                return status.entryFor(m, inv);
            }

            @Override
            public List<dev.underlay.racks.LegendEntry> legend(dev.underlay.inventory.Inventory inv,
                                                                java.util.Collection<Machine> shown) {
                return status.legend(inv, shown);
            }

            @Override
            public void onChange(Runnable listener) {
                liveListeners.add(listener);
            }
        };
        vm.addColouring(live);
        int recolours = vm.recoloursProperty().get();
        liveListeners.forEach(Runnable::run);
        assertEquals(recolours + 1, vm.recoloursProperty().get());
    }

    @Test
    void searchFocusesAndHighlightsAVertexAndSaysWhenNothingMatches() {
        open();
        assertTrue(vm.search("fra1-stor02"));
        PlacedGraph p = vm.picture();
        int i = vm.focusedProperty().get();
        assertEquals("fra1-stor02", p.graph().node(i).machine());
        Viewport v = vm.viewportProperty().get();
        assertEquals(500, v.screenX(p.centerX(i)), 1e-6, "centred");
        assertEquals(350, v.screenY(p.centerY(i)), 1e-6);
        assertTrue(v.zoom() >= 1, "its name reads");
        assertTrue(vm.search("fra1-k8s/worker"));
        assertEquals("role:fra1-k8s/worker", p.graph().node(vm.focusedProperty().get()).id());
        assertTrue(vm.search("STOR0"), "a part of a name, any case");
        assertEquals("fra1-stor01", p.graph().node(vm.focusedProperty().get()).machine());
        assertTrue(!vm.search("nowhere-42"));
        assertEquals(-1, vm.focusedProperty().get());
        assertTrue(messages.get(messages.size() - 1).contains("\"nowhere-42\""), messages.toString());
    }

    @Test
    void clicksAndRubberBandSelectInTheSharedSelectionAndTheTable() {
        open();
        PlacedGraph p = vm.picture();
        int web = p.graph().indexOfMachine("fra1-web02");
        vm.click(web, false);
        assertEquals(Set.of("fra1-web02"), vm.selectionProperty().get());
        vm.click(p.graph().indexOfMachine("fra1-web03"), true);
        assertEquals(Set.of("fra1-web02", "fra1-web03"), vm.selectionProperty().get());
        vm.click(web, true);
        assertEquals(Set.of("fra1-web03"), vm.selectionProperty().get(), "Ctrl+click removes");
        int rack = p.graph().indexOf("rack:fra1-r03");
        vm.click(rack, false);
        Set<String> inRack = ctx.inventory().inventory().machinesInRack("fra1-r03").stream().map(Machine::name)
                .collect(Collectors.toSet());
        assertEquals(inRack, vm.selectionProperty().get(), "a rack selects its machines");
        vm.selectIn(p.x(web) - 1, p.y(web) - 1, p.x(web) + 2, p.y(web) + 2, false);
        assertEquals(Set.of("fra1-web02"), vm.selectionProperty().get());
        vm.click(-1, false);
        assertEquals(Set.of(), vm.selectionProperty().get());
        machines.selection().setAll(List.of(stored("fra1-db01"))); // what the table does when a row is clicked
        assertEquals(Set.of("fra1-db01"), vm.selectionProperty().get(), "selecting in the table shows here");
        assertEquals(List.of("fra1-db01"), vm.selectedMachines().stream().map(Machine::name).toList());
    }

    @Test
    void hoverSummarisesMachinesAndGroups() {
        open();
        PlacedGraph p = vm.picture();
        vm.hover(p.graph().indexOfMachine("fra1-gpu03"));
        assertTrue(vm.hoverProperty().get().contains("status failed"), vm.hoverProperty().get());
        assertTrue(vm.hoverProperty().get().contains("rack fra1-r03"), vm.hoverProperty().get());
        vm.hover(p.graph().indexOf("cluster:fra1-k8s"));
        assertTrue(vm.hoverProperty().get().startsWith("fra1-k8s  (cluster)"), vm.hoverProperty().get());
        vm.hover(-1);
        assertEquals("", vm.hoverProperty().get());
    }

    @Test
    void panAndZoomKeepThePointUnderThePointer() {
        Viewport v = new Viewport(100, 50, 0.5);
        double wx = v.worldX(300);
        double wy = v.worldY(200);
        Viewport z = v.zoomAt(2, 300, 200);
        assertEquals(1, z.zoom(), 1e-9);
        assertEquals(wx, z.worldX(300), 1e-9);
        assertEquals(wy, z.worldY(200), 1e-9);
        Viewport moved = z.panBy(30, -10);
        assertEquals(z.worldX(300), moved.worldX(330), 1e-9, "the drawing follows the pointer");
        assertEquals(Viewport.MAX_ZOOM, v.zoomAt(1e9, 0, 0).zoom());
        assertEquals(Viewport.MIN_ZOOM, v.zoomAt(1e-9, 0, 0).zoom());
    }
}
