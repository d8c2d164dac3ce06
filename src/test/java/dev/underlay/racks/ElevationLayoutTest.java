package dev.underlay.racks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class ElevationLayoutTest {
    static Inventory demo() {
        return DemoInventory.changes(Path.of("/nonexistent/key")).applyTo(Inventory.empty());
    }

    static Inventory with(Inventory inv, Machine... ms) {
        Inventory.Builder b = inv.toBuilder();
        for (Machine m : ms) {
            b.machine(m);
        }
        return b.build();
    }

    private final ElevationLayout layout = new SideBySideLayout();

    @Test
    void siteListsItsRacksInFloorOrderAndLeavesCloudInstancesOut() {
        SiteElevation e = SiteElevation.of(demo(), "fra1");
        assertEquals(List.of("fra1-r01", "fra1-r02", "fra1-r03"), e.racks().stream().map(c -> c.rack().name()).toList());
        assertEquals(13, e.racks().get(1).placed().size());
        assertTrue(e.unplaced().isEmpty());
        assertEquals(35, e.machines().size());
        SiteElevation cloud = SiteElevation.of(demo(), "aws-euc1");
        assertTrue(cloud.racks().isEmpty());
        assertTrue(cloud.unplaced().isEmpty(), "cloud instances never sit in a rack");
        assertEquals(List.of("fra1", "aws-euc1"), SiteElevation.sites(demo()));
    }

    @Test
    void fullDepthMachinesShowOnBothFacesAndOthersOnTheirOwn() {
        ElevationGeometry g = layout.layout(SiteElevation.of(demo(), "fra1"));
        assertEquals(Set.of(Face.FRONT, Face.REAR), sides(g, "fra1-db01"));
        assertEquals(Set.of(Face.FRONT), sides(g, "fra1-web01"));
        assertEquals(Set.of(Face.REAR), sides(g, "fra1-mgmt01"));
        RackFrame r2 = g.frame("fra1-r02");
        MachineBox web01 = g.boxesOf("fra1-web01").get(0);
        assertEquals(r2.yOfU(30) + 1, web01.bounds().y(), "U30 is drawn at U30's row");
        assertEquals(SideBySideLayout.U_PX - 2, web01.bounds().h());
        MachineBox gpu = g.boxesOf("fra1-gpu01").get(0);
        assertEquals(4 * SideBySideLayout.U_PX - 2, gpu.bounds().h(), "a 4U machine is four rows high");
        assertTrue(r2.yOfU(1) > r2.yOfU(42), "U1 is at the bottom");
    }

    @Test
    void hitTestsFindMachinesSlotsAndTheGutter() {
        ElevationGeometry g = layout.layout(SiteElevation.of(demo(), "fra1"));
        MachineBox web01 = g.boxesOf("fra1-web01").get(0);
        assertEquals("fra1-web01", g.boxAt(web01.bounds().centerX(), web01.bounds().centerY()).machine().name());
        assertEquals(new Slot("fra1-r02", Face.FRONT, 30), g.slotAt(web01.bounds().centerX(),
                web01.bounds().centerY()));
        RackFrame r2 = g.frame("fra1-r02");
        assertEquals(new Slot("fra1-r02", Face.REAR, 40), g.slotAt(r2.rear().centerX(), r2.yOfU(40) + 3));
        assertEquals(new Slot("fra1-r02", null, 7), g.slotAt(r2.gutter().centerX(), r2.yOfU(7) + 3));
        assertNull(g.boxAt(r2.rear().centerX(), r2.yOfU(40) + 3), "nothing on U40 rear");
        assertNull(g.slotAt(g.width() - 2, g.height() - 2));
    }

    @Test
    void aRubberBandTakesTheMachinesItTouches() {
        ElevationGeometry g = layout.layout(SiteElevation.of(demo(), "fra1"));
        RackFrame r2 = g.frame("fra1-r02");
        Rect band = Rect.spanning(r2.front().x() + 10, r2.yOfU(33) + 2, r2.front().x() + 20, r2.yOfU(31) + 2);
        assertEquals(Set.of("fra1-web02", "fra1-web03", "fra1-web04"), g.machinesIn(band));
    }

    @Test
    void machinesWithoutAUAreListedBesideTheirRackAndWithoutARackBesideTheSite() {
        Inventory inv = with(demo(), Machine.builder("fra1-new01").site("fra1").rack("fra1-r02").build(),
                Machine.builder("fra1-spare01").site("fra1").status(MachineStatus.NEW).build());
        SiteElevation e = SiteElevation.of(inv, "fra1");
        assertEquals(List.of("fra1-new01"), e.racks().get(1).unplaced().stream().map(Machine::name).toList());
        assertEquals(List.of("fra1-spare01"), e.unplaced().stream().map(Machine::name).toList());
        ElevationGeometry g = layout.layout(e);
        assertNotNull(g.frame("fra1-r02").unplaced());
        assertNull(g.frame("fra1-r01").unplaced());
        assertNotNull(g.siteUnplaced());
        for (String n : List.of("fra1-new01", "fra1-spare01")) {
            MachineBox chip = g.boxesOf(n).get(0);
            assertTrue(chip.unplaced());
            assertEquals(n, g.boxAt(chip.bounds().centerX(), chip.bounds().centerY()).machine().name());
        }
        assertTrue(g.siteUnplaced().right() < g.frames().get(0).front().x(), "the site's list is on the left");
    }

    @Test
    void coloursFollowStatusOrRoleWithALegend() {
        Inventory inv = demo();
        StatusColouring status = new StatusColouring();
        Machine gpu03 = inv.machines().get("fra1-gpu03");
        assertEquals("failed", status.entryFor(gpu03, inv).label());
        assertEquals(6, status.legend(inv, inv.machines().values()).size());
        RoleColouring role = new RoleColouring();
        assertEquals("worker", role.entryFor(inv.machines().get("fra1-k8s-w03"), inv).label());
        assertEquals("db", role.entryFor(inv.machines().get("fra1-db01"), inv).label());
        List<LegendEntry> legend = role.legend(inv, SiteElevation.of(inv, "fra1").machines());
        assertEquals(legend.size(), legend.stream().map(LegendEntry::swatch).distinct().count(),
                "no two roles of the demo share a colour: " + legend);
        assertTrue(legend.stream().anyMatch(e -> e.label().equals("control-plane")));
    }

    @Test
    void svgIsWellFormedAndNamesEveryMachine() throws Exception {
        Inventory inv = with(demo(), Machine.builder("fra1-odd").site("fra1").tags(List.of("a<b&c")).build());
        ElevationGeometry g = layout.layout(SiteElevation.of(inv, "fra1"));
        String svg = ElevationSvg.render(g, new RoleColouring());
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        for (Machine m : SiteElevation.of(inv, "fra1").machines()) {
            assertTrue(svg.contains(">" + m.name()), m.name());
        }
        assertTrue(svg.contains("a&lt;b&amp;c"), "free text is escaped");
    }

    private static Set<Face> sides(ElevationGeometry g, String name) {
        return g.boxesOf(name).stream().map(MachineBox::side).collect(java.util.stream.Collectors.toSet());
    }
}
