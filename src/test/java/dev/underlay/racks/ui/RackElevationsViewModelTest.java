package dev.underlay.racks.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.ui.InventoryModel;
import dev.underlay.inventory.ui.MachineSelection;
import dev.underlay.inventory.ui.MachinesViewModel;
import dev.underlay.racks.Placement;
import dev.underlay.racks.SideBySideLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RackElevationsViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    InventoryModel model;
    MachinesViewModel machines;
    RackElevationsViewModel vm;
    final List<String> messages = new ArrayList<>();
    final Queue<Runnable> fxQueue = new ArrayDeque<>();

    /** Opens the demo; with {@code queued}, snapshots wait in a queue as they would for the next pulse. */
    void open(boolean queued) {
        ctx = AppContext.open(dir, true, Runnable::run);
        Executor fx = queued ? fxQueue::add : Runnable::run;
        model = new InventoryModel(ctx.inventory(), fx);
        CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
        machines = new MachinesViewModel(model, tasks, messages::add);
        vm = new RackElevationsViewModel(model, new MachineSelection(machines), new SideBySideLayout(), tasks,
                Runnable::run, messages::add);
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
    void showsTheFirstSiteWithRacksAndItsLegend() {
        open(false);
        assertEquals(List.of("fra1", "aws-euc1"), vm.sites());
        assertEquals("fra1", vm.siteProperty().get());
        assertEquals(3, vm.geometry().frames().size());
        assertEquals(6, vm.legendProperty().get().size(), "every status");
        vm.colouringProperty().set(vm.colourings().get(1));
        assertTrue(vm.legendProperty().get().stream().anyMatch(e -> e.label().equals("worker")));
        vm.siteProperty().set("aws-euc1");
        assertTrue(vm.geometry().frames().isEmpty());
        vm.hover("fra1-gpu03");
        assertEquals("", vm.hoverProperty().get(), "not shown on this site");
        vm.siteProperty().set("fra1");
        vm.hover("fra1-gpu03");
        assertTrue(vm.hoverProperty().get().contains("fra1-r03 U9-U12 full-depth"), vm.hoverProperty().get());
        assertTrue(vm.hoverProperty().get().contains("status failed"), vm.hoverProperty().get());
    }

    @Test
    void clicksRangesAndTheTableShareOneSelection() {
        open(false);
        vm.click("fra1-web01", false);
        vm.click("fra1-web02", true);
        assertEquals(Set.of("fra1-web01", "fra1-web02"), vm.selectionProperty().get());
        vm.click("fra1-web01", true);
        assertEquals(Set.of("fra1-web02"), vm.selectionProperty().get());
        vm.selectRange("fra1-r03", 27, 20, false);
        assertEquals(Set.of("fra1-stor01", "fra1-stor02", "fra1-stor03", "fra1-stor04"), vm.selectionProperty().get());
        vm.selectRange("fra1-r03", 12, 12, true);
        assertTrue(vm.selectionProperty().get().contains("fra1-gpu03"), "a 4U machine is in any of its U");
        assertEquals(List.copyOf(vm.selectionProperty().get()), machines.selectRequestProperty().get(),
                "the table is asked to select the same machines");
        machines.select(List.of(stored("fra1-db01"))); // as the table does when a row is clicked
        assertEquals(Set.of("fra1-db01"), vm.selectionProperty().get());
        vm.click(null, false);
        assertEquals(Set.of(), vm.selectionProperty().get());
        assertEquals(List.of(), machines.selectRequestProperty().get(), "the table is asked to clear too");
    }

    @Test
    void aRefusedDropStaysWhereItLandedAndAnAllowedOneIsSavedAndUndone() {
        open(false);
        RackMovesViewModel moves = vm.moves();
        assertTrue(moves.drag("fra1-web01", new Placement("fra1-r02", 19, Face.FRONT)).message()
                .contains("overlaps machine fra1-db01"));
        moves.drop("fra1-web01", new Placement("fra1-r02", 19, Face.FRONT));
        assertNotNull(moves.refusalProperty().get());
        assertTrue(moves.messageProperty().get().startsWith("Refused: machine fra1-web01 (U19 front) overlaps"),
                moves.messageProperty().get());
        assertEquals(30, stored("fra1-web01").uPosition(), "nothing written");

        moves.drop("fra1-web01", new Placement("fra1-r01", 20, Face.REAR));
        assertNull(moves.refusalProperty().get());
        assertEquals(new Placement("fra1-r01", 20, Face.REAR), Placement.of(stored("fra1-web01")));
        assertEquals("Moved fra1-web01 from fra1-r02 U30 front to fra1-r01 U20 rear.", moves.messageProperty().get());
        assertTrue(vm.geometry().frame("fra1-r01").rear().contains(
                vm.geometry().boxesOf("fra1-web01").get(0).bounds().centerX(),
                vm.geometry().boxesOf("fra1-web01").get(0).bounds().centerY()), "drawn where it went");
        assertTrue(moves.canUndoProperty().get());

        moves.undo();
        assertEquals(new Placement("fra1-r02", 30, Face.FRONT), Placement.of(stored("fra1-web01")));
        assertTrue(moves.canRedoProperty().get());
        moves.redo();
        assertEquals(20, stored("fra1-web01").uPosition());
    }

    @Test
    void undoRefusesAMachineMovedSinceAndADropRefusesOneChangedSinceItWasRead() {
        open(true);
        fxQueue.clear();
        RackMovesViewModel moves = vm.moves();
        // the view still shows the snapshot it read; an import changes web02's status meanwhile
        InventoryChanges ch = new InventoryChanges();
        ch.machines.add(stored("fra1-web02").toBuilder().status(MachineStatus.MAINTENANCE).build());
        ctx.inventory().apply(ch);
        moves.drop("fra1-web02", new Placement("fra1-r02", 40, Face.FRONT));
        assertTrue(moves.messageProperty().get().contains("was changed since it was read (status in-use -> "
                + "maintenance)"), moves.messageProperty().get());
        assertNotNull(moves.refusalProperty().get(), "shown where it would have gone");
        assertEquals(31, stored("fra1-web02").uPosition());

        fxQueue.forEach(Runnable::run); // the next pulse: the view reads the new snapshot
        fxQueue.clear();
        moves.drop("fra1-web03", new Placement("fra1-r02", 40, Face.FRONT));
        fxQueue.forEach(Runnable::run);
        fxQueue.clear();
        Machine w3 = stored("fra1-web03");
        InventoryChanges moved = new InventoryChanges();
        moved.machines.add(w3.toBuilder().uPosition(41).build());
        ctx.inventory().apply(moved);
        fxQueue.forEach(Runnable::run);
        moves.undo();
        assertEquals("Cannot undo the move of fra1-web03: it was moved since (it is at fra1-r02 U41 front); "
                + "nothing changed.", moves.messageProperty().get());
        assertEquals(41, stored("fra1-web03").uPosition());
    }

    @Test
    void aMachineDroppedOnTheSitesListLeavesItsRackKeepsItsSiteAndIsUndoneAndRedone() {
        open(false);
        RackMovesViewModel moves = vm.moves();
        Placement unracked = new Placement("", null, Face.FRONT);
        assertTrue(moves.drag("fra1-web01", unracked).allowed());
        moves.drop("fra1-web01", unracked);
        assertEquals(unracked, Placement.of(stored("fra1-web01")));
        assertEquals("fra1", stored("fra1-web01").site(), "still in its site");
        assertEquals("Moved fra1-web01 from fra1-r02 U30 front to the unplaced list.", moves.messageProperty().get());
        assertTrue(vm.geometry().boxesOf("fra1-web01").get(0).unplaced(), "a chip in the site's list");
        assertTrue(vm.geometry().siteUnplaced().contains(vm.geometry().boxesOf("fra1-web01").get(0).bounds()
                .centerX(), vm.geometry().boxesOf("fra1-web01").get(0).bounds().centerY()));
        moves.undo();
        assertEquals(new Placement("fra1-r02", 30, Face.FRONT), Placement.of(stored("fra1-web01")));
        moves.redo();
        assertEquals(unracked, Placement.of(stored("fra1-web01")));

        // in a rack without a U: the rules refuse it, visibly, and nothing is written
        moves.drop("fra1-web02", new Placement("fra1-r02", null, Face.FRONT));
        assertNotNull(moves.refusalProperty().get());
        assertTrue(moves.messageProperty().get().contains("is in rack fra1-r02 but has no U position"),
                moves.messageProperty().get());
        assertEquals(31, stored("fra1-web02").uPosition(), "nothing written");
    }

    @Test
    void anUnrackingOfAMachineChangedSinceItWasReadIsRefusedNotWritten() {
        open(true);
        fxQueue.clear();
        InventoryChanges ch = new InventoryChanges();
        ch.machines.add(stored("fra1-web02").toBuilder().status(MachineStatus.MAINTENANCE).build());
        ctx.inventory().apply(ch);
        vm.moves().drop("fra1-web02", new Placement("", null, Face.FRONT));
        assertTrue(vm.moves().messageProperty().get().contains("was changed since it was read"),
                vm.moves().messageProperty().get());
        assertEquals(new Placement("fra1-r02", 31, Face.FRONT), Placement.of(stored("fra1-web02")));
        assertEquals(MachineStatus.MAINTENANCE, stored("fra1-web02").status(), "the other change kept");
    }

    @Test
    void machinesWithoutARackAreDroppedIntoOneFromTheSitesList() {
        open(false);
        InventoryChanges ch = new InventoryChanges();
        // (a machine in a rack without a U is refused by the rules: only older data shows one beside its rack)
        ch.machines.add(Machine.builder("fra1-spare01").site("fra1").uHeight(2).build());
        ctx.inventory().apply(ch);
        assertTrue(vm.geometry().boxesOf("fra1-spare01").get(0).unplaced());
        vm.moves().drop("fra1-spare01", new Placement("fra1-r02", 32, Face.FRONT));
        assertTrue(vm.moves().messageProperty().get().contains("machine fra1-web03 (U32 front) overlaps machine fra1-spare01 (U32-U33 front)"),
                vm.moves().messageProperty().get());
        vm.moves().drop("fra1-spare01", new Placement("fra1-r01", 30, Face.REAR));
        assertEquals(new Placement("fra1-r01", 30, Face.REAR), Placement.of(stored("fra1-spare01")));
        assertTrue(vm.geometry().boxes().stream().noneMatch(b -> b.rack().isEmpty()), "nothing is left without a "
                + "rack; the list stays, empty, to drop a machine on");
        assertNotNull(vm.geometry().siteUnplaced());
        vm.moves().undo();
        assertEquals(new Placement("", null, Face.FRONT), Placement.of(stored("fra1-spare01")), "back in the list");
    }

    @Test
    void aLiveColouringRecoloursWithoutASnapshot() {
        open(false);
        Runnable[] changed = new Runnable[1];
        java.util.Map<String, String> states = new java.util.HashMap<>();
        vm.addColouring(new dev.underlay.racks.MachineColouring() {
            @Override
            public String id() {
                return "job";
            }

            @Override
            public String title() {
                return "Job state";
            }

            @Override
            public dev.underlay.racks.LegendEntry entryFor(Machine m, dev.underlay.inventory.Inventory inv) {
                String s = states.getOrDefault(m.name(), "queued");
                return new dev.underlay.racks.LegendEntry(s, dev.underlay.racks.Swatch.of(s.equals("ok") ? 0x00aa00
                        : 0x999999));
            }

            @Override
            public List<dev.underlay.racks.LegendEntry> legend(dev.underlay.inventory.Inventory inv,
                                                               java.util.Collection<Machine> shown) {
                return shown.stream().map(m -> entryFor(m, inv)).distinct().toList();
            }

            @Override
            public void onChange(Runnable listener) {
                changed[0] = listener;
            }
        });
        assertEquals(List.of("Status", "Role", "Job state"), vm.colourings().stream().map(c -> c.title()).toList());
        int before = vm.recoloursProperty().get();
        states.put("fra1-web01", "ok");
        changed[0].run();
        assertEquals(before + 1, vm.recoloursProperty().get(), "the canvas redraws");
    }

    @Test
    void exportsTheSiteAsSvg() throws Exception {
        open(false);
        Path svg = dir.resolve("fra1.svg");
        vm.exportSvg(svg);
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.contains("fra1-gpu04") && text.contains("fra1-r03"));
        assertTrue(messages.get(messages.size() - 1).startsWith("Exported the elevation of fra1 to "));
        vm.siteProperty().set("aws-euc1");
        vm.exportSvg(dir.resolve("cloud.svg"));
        assertEquals("Site aws-euc1 has no racks to export.", messages.get(messages.size() - 1));
        assertTrue(Files.notExists(dir.resolve("cloud.svg")));
    }
}
