package dev.underlay.racks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RackMovesTest {
    @TempDir
    Path dir;

    private static MoveCheck check(Inventory inv, String machine, String rack, int u, Face face) {
        return RackMoves.check(inv, inv.machines().get(machine), new Placement(rack, u, face));
    }

    @Test
    void aMoveOntoAnOccupiedUIsRefusedInTheRulesWords() {
        Inventory inv = ElevationLayoutTest.demo();
        MoveCheck c = check(inv, "fra1-web01", "fra1-r02", 19, Face.FRONT);
        assertFalse(c.allowed());
        assertTrue(c.message().contains("overlaps machine fra1-db01"), c.message());
        assertTrue(c.message().contains("at U19"), c.message());
        MoveCheck rear = check(inv, "fra1-web01", "fra1-r02", 19, Face.REAR);
        assertFalse(rear.allowed(), "a full-depth machine takes the rear too");
    }

    @Test
    void freeUsOtherFacesAndOtherRacksOfTheSiteAreAllowed() {
        Inventory inv = ElevationLayoutTest.demo();
        assertTrue(check(inv, "fra1-web01", "fra1-r02", 40, Face.FRONT).allowed());
        assertTrue(check(inv, "fra1-web01", "fra1-r01", 41, Face.REAR).allowed(), "cp02 is on the front of U41");
        assertTrue(check(inv, "fra1-web01", "fra1-r03", 35, Face.FRONT).allowed());
        assertFalse(check(inv, "fra1-web02", "fra1-r02", 30, Face.FRONT).allowed(), "U30 holds web01");
        assertTrue(check(inv, "fra1-web04", "fra1-r02", 34, Face.FRONT).allowed(), "a machine does not block itself");
    }

    @Test
    void heightAndSiteAreTheRulesToo() {
        Inventory inv = ElevationLayoutTest.demo().toBuilder().site(new Site("ams1", ""))
                .rack(new Rack("ams1-r01", "ams1", 42, "A", 1)).build();
        MoveCheck high = check(inv, "fra1-k8s-w07", "fra1-r02", 42, Face.FRONT);
        assertTrue(high.message().contains("does not fit in rack fra1-r02 (U1-U42)"), high.message());
        MoveCheck site = check(inv, "fra1-web01", "ams1-r01", 10, Face.FRONT);
        assertTrue(site.message().contains("belongs to site ams1"), site.message());
        assertTrue(check(inv, "fra1-web01", "fra1-r02", 30, Face.FRONT).unchanged());
    }

    @Test
    void aMachineTakenOutOfItsRackKeepsItsSiteOrTakesTheRacks() {
        Inventory inv = ElevationLayoutTest.demo();
        Machine web01 = inv.machines().get("fra1-web01");
        MoveCheck out = RackMoves.check(inv, web01, new Placement("", null, Face.FRONT));
        assertTrue(out.allowed(), out.message());
        Machine siteless = web01.toBuilder().site("").build();
        assertEquals("fra1", RackMoves.moved(inv, siteless, new Placement("", null, Face.FRONT)).site(),
                "a machine that named only its rack stays in the rack's site");
        MoveCheck noU = RackMoves.check(inv, web01, new Placement("fra1-r02", null, Face.FRONT));
        assertTrue(noU.message().contains("is in rack fra1-r02 but has no U position"), noU.message());
    }

    @Test
    void aMoveIsSavedAndAStaleOneRefused() {
        try (AppContext ctx = AppContext.open(dir, true, Runnable::run)) {
            RackMoves moves = new RackMoves(ctx.inventory());
            Machine read = ctx.inventory().inventory().machines().get("fra1-web01");
            Machine saved = moves.move(read, new Placement("fra1-r03", 36, Face.REAR));
            assertEquals(new Placement("fra1-r03", 36, Face.REAR), Placement.of(saved));
            assertEquals(saved, ctx.inventory().reload().machines().get("fra1-web01"), "written to the database");

            Machine web02 = ctx.inventory().inventory().machines().get("fra1-web02");
            InventoryChanges ch = new InventoryChanges();
            ch.machines.add(web02.toBuilder().status(MachineStatus.MAINTENANCE).build());
            ctx.inventory().apply(ch);
            InventoryValidationException e = assertThrows(InventoryValidationException.class,
                    () -> moves.move(web02, new Placement("fra1-r02", 40, Face.FRONT)));
            assertTrue(e.getMessage().contains("was changed since it was read (status in-use -> maintenance)"),
                    e.getMessage());
            assertEquals(31, ctx.inventory().inventory().machines().get("fra1-web02").uPosition(), "not moved");
        }
    }

    @Test
    void historyUndoesAndRedoesInOrderAndForgetsRedoOnANewMove() {
        MoveHistory h = new MoveHistory();
        Placement a = new Placement("r1", 1, Face.FRONT);
        Placement b = new Placement("r1", 5, Face.FRONT);
        Placement c = new Placement("r2", 9, Face.REAR);
        h.made(new MoveHistory.Move("m", 1, a, b));
        h.made(new MoveHistory.Move("m", 1, b, c));
        assertEquals(c, h.nextUndo().orElseThrow().to());
        h.undone();
        assertEquals(b, h.nextUndo().orElseThrow().to());
        assertEquals(c, h.nextRedo().orElseThrow().to());
        h.made(new MoveHistory.Move("n", 2, a, c));
        assertFalse(h.canRedo());
        for (int i = 0; i < MoveHistory.LIMIT + 50; i++) {
            h.made(new MoveHistory.Move("m", 1, a, b));
        }
        int n = 0;
        while (h.canUndo()) {
            h.dropUndo();
            n++;
        }
        assertEquals(MoveHistory.LIMIT, n);
        assertEquals("m from r1 U1-U2 front to r2 U9-U10 rear", new MoveHistory.Move("m", 2, a, c).describe());
    }
}
