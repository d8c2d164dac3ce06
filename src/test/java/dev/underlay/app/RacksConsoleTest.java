package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Face;
import dev.underlay.inventory.Machine;
import dev.underlay.racks.ElevationGeometry;
import dev.underlay.racks.Placement;
import dev.underlay.racks.RackFrame;
import dev.underlay.racks.Rect;
import dev.underlay.racks.SideBySideLayout;
import dev.underlay.racks.ui.RackElevationCanvas;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Racks area of the real console under Monocle, driven with the pointer as a technician drives it: a machine
 * dragged onto an occupied U is refused where it lands and nothing is written; onto a free U it is saved; Undo puts
 * it back; a range of U dragged along the U numbers selects what is in it, in the machines table too. Writes
 * {@code racks.png} (and {@code racks-refused.png}) to the screenshot folder.
 */
class RacksConsoleTest extends ConsoleFxTest {
    private RackElevationCanvas canvas() {
        return app.window().racksView().canvas();
    }

    private ElevationGeometry geometry() throws Exception {
        return fx(() -> app.window().racksView().canvas() == null ? null
                : app.window().racksView().canvasGeometry());
    }

    private Point2D at(double x, double y) throws Exception {
        return fx(() -> canvas().screenPoint(x, y));
    }

    private Point2D uOf(String rack, Face side, int u) throws Exception {
        RackFrame f = geometry().frame(rack);
        Rect column = side == null ? f.gutter() : f.face(side);
        return at(column.centerX(), f.yOfU(u) + SideBySideLayout.U_PX / 2);
    }

    private Point2D machine(String name) throws Exception {
        Rect r = geometry().boxesOf(name).get(0).bounds();
        return at(r.centerX(), r.y() + SideBySideLayout.U_PX / 2);
    }

    private Machine stored(String name) {
        return app.context().inventory().inventory().machines().get(name);
    }

    private String message() throws Exception {
        return fx(() -> console.robot.lookup("#rack-message").queryAs(Label.class).getText());
    }

    private void drag(Point2D from, Point2D to) {
        console.robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(String name) throws Exception {
        Path folder = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir",
                "target/screenshots")));
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage png = SwingFXUtils.fromFXImage(fx(() -> canvas().getScene().snapshot(null)), null);
        ImageIO.write(png, "png", folder.resolve(name).toFile());
        assertTrue(Files.size(folder.resolve(name)) > 10_000);
    }

    @Test
    void racksColouredByTheMachinesHealth() throws Exception {
        app = console.start(dir, "--data-label", "~/underlay-demo");
        console.robot.clickOn("#nav-racks");
        waitFor(() -> geometry() != null && geometry().frames().size() == 3);
        console.robot.clickOn("#rack-fit");
        java.time.Instant at = java.time.Instant.parse("2026-12-02T04:00:00Z");
        var sick = new dev.underlay.automation.facts.MachineHealth.Check("health-disk",
                dev.underlay.automation.facts.HealthState.CRITICAL, "exit 1", at);
        java.util.List<dev.underlay.automation.facts.MachineHealth> rows = new java.util.ArrayList<>();
        for (Machine m : app.context().inventory().inventory().machines().values()) {
            boolean critical = m.name().equals("fra1-db01");
            boolean warning = m.name().equals("fra1-web02");
            rows.add(new dev.underlay.automation.facts.MachineHealth(m.name(), 1L, at, critical
                    ? dev.underlay.automation.facts.HealthState.CRITICAL : warning
                    ? dev.underlay.automation.facts.HealthState.WARNING : dev.underlay.automation.facts.HealthState.OK,
                    critical ? java.util.List.of(sick) : java.util.List.of()));
        }
        rows.removeIf(h -> h.machine().equals("fra1-gpu04")); // never checked: unknown
        new dev.underlay.automation.repository.JdbcFactsRepository(app.context().database()).addHealth(rows);
        app.context().facts().reloadHealth();
        fx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<dev.underlay.racks.MachineColouring> c = console.robot
                    .lookup("#rack-colouring").queryAs(javafx.scene.control.ComboBox.class);
            c.setValue(c.getItems().stream().filter(x -> x.id().equals("health")).findFirst().orElseThrow());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        var colouring = fx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<dev.underlay.racks.MachineColouring> c = console.robot
                    .lookup("#rack-colouring").queryAs(javafx.scene.control.ComboBox.class);
            return c.getValue();
        });
        var inv = app.context().inventory().inventory();
        assertEquals(dev.underlay.racks.HealthColouring.CRITICAL, colouring.entryFor(stored("fra1-db01"), inv));
        assertEquals(dev.underlay.racks.HealthColouring.WARNING, colouring.entryFor(stored("fra1-web02"), inv));
        assertEquals(dev.underlay.racks.HealthColouring.OK, colouring.entryFor(stored("fra1-web01"), inv));
        assertEquals(dev.underlay.racks.HealthColouring.UNKNOWN, colouring.entryFor(stored("fra1-gpu04"), inv));
        shoot("racks-health.png");
    }

    /** A point inside the site's list of machines without a rack (laid out even when it is empty). */
    private Point2D siteList() throws Exception {
        Rect list = geometry().siteUnplaced();
        return at(list.centerX(), list.y() + 12);
    }

    @Test
    void dragToTheNoRackListUnracksUndoRedoThenFromTheListOntoAnOccupiedUIsRefusedAndOntoAFreeOneSaved()
            throws Exception {
        app = console.start(dir, "--data-label", "~/underlay-demo");
        console.robot.clickOn("#nav-racks");
        waitFor(() -> geometry() != null && geometry().frames().size() == 3);
        console.robot.clickOn("#rack-fit");
        waitFor(() -> fx(() -> canvas().getWidth() > 0));

        // fra1-web01 (fra1-r02 U30 front) onto the empty No rack list: out of its rack, still in fra1
        drag(machine("fra1-web01"), siteList());
        waitFor(() -> stored("fra1-web01").rack().isEmpty());
        assertEquals(null, stored("fra1-web01").uPosition());
        assertEquals("fra1", stored("fra1-web01").site());
        waitFor(() -> message().startsWith("Moved fra1-web01"));
        assertEquals("Moved fra1-web01 from fra1-r02 U30 front to the unplaced list.", message());
        waitFor(() -> geometry().boxesOf("fra1-web01").get(0).unplaced());

        console.robot.clickOn("#rack-undo");
        waitFor(() -> Integer.valueOf(30).equals(stored("fra1-web01").uPosition()));
        console.robot.clickOn("#rack-redo");
        waitFor(() -> stored("fra1-web01").rack().isEmpty());
        waitFor(() -> geometry().boxesOf("fra1-web01").get(0).unplaced());

        // from the list onto U19 of rack 2's front, where the full-depth fra1-db01 sits: refused, nothing written
        Rect chip = geometry().boxesOf("fra1-web01").get(0).bounds();
        drag(at(chip.centerX(), chip.centerY()), uOf("fra1-r02", Face.FRONT, 19));
        waitFor(() -> message().startsWith("Refused:"));
        assertTrue(message().contains("overlaps machine fra1-db01"), message());
        assertTrue(stored("fra1-web01").rack().isEmpty(), "nothing written");
        assertTrue(fx(() -> app.window().racksView().refusalShown()), "the refusal is drawn where it landed");

        // from the list onto the free U38: saved
        Rect again = geometry().boxesOf("fra1-web01").get(0).bounds();
        drag(at(again.centerX(), again.centerY()), uOf("fra1-r02", Face.FRONT, 38));
        waitFor(() -> Integer.valueOf(38).equals(stored("fra1-web01").uPosition()));
        assertEquals(new Placement("fra1-r02", 38, Face.FRONT), Placement.of(app.context().inventory().reload()
                .machines().get("fra1-web01")), "in the database");
        waitFor(() -> message().startsWith("Moved fra1-web01 from the unplaced list to fra1-r02 U38 front"));
    }

    @Test
    void dragRefusedOnAnOccupiedUThenSavedOnAFreeOneThenUndoneAndARangeOfUSelected() throws Exception {
        app = console.start(dir, "--data-label", "~/underlay-demo");
        console.robot.clickOn("#nav-racks");
        waitFor(() -> geometry() != null && geometry().frames().size() == 3);
        console.robot.clickOn("#rack-fit");
        waitFor(() -> fx(() -> canvas().getWidth() > 0));

        // fra1-web01 (fra1-r02 U30 front) onto U19, where the full-depth fra1-db01 sits
        drag(machine("fra1-web01"), uOf("fra1-r02", Face.FRONT, 19));
        waitFor(() -> message().startsWith("Refused:"));
        assertTrue(message().contains("overlaps machine fra1-db01"), message());
        assertEquals(30, stored("fra1-web01").uPosition(), "nothing written");
        assertTrue(fx(() -> app.window().racksView().refusalShown()), "the refusal is drawn where it landed");
        shoot("racks-refused.png");

        // onto U38 of the same face: free
        drag(machine("fra1-web01"), uOf("fra1-r02", Face.FRONT, 38));
        waitFor(() -> stored("fra1-web01").uPosition() == 38);
        waitFor(() -> message().startsWith("Moved fra1-web01"));
        assertEquals("Moved fra1-web01 from fra1-r02 U30 front to fra1-r02 U38 front.", message());
        assertEquals(new Placement("fra1-r02", 38, Face.FRONT), Placement.of(app.context().inventory().reload()
                .machines().get("fra1-web01")), "in the database");

        console.robot.clickOn("#rack-undo");
        waitFor(() -> stored("fra1-web01").uPosition() == 30);
        waitFor(() -> message().startsWith("Undid"));

        // a range of U: along rack 3's U numbers from U27 down to U20 takes the four storage servers
        drag(uOf("fra1-r03", null, 27), uOf("fra1-r03", null, 20));
        Set<String> storage = Set.of("fra1-stor01", "fra1-stor02", "fra1-stor03", "fra1-stor04");
        waitFor(() -> fx(() -> app.window().racksView().selection().equals(storage)));
        waitFor(() -> fx(() -> app.window().machinesView().tableView().table().getSelectionModel()
                .getSelectedItems().stream().map(Machine::name).collect(java.util.stream.Collectors.toSet())
                .equals(storage)));

        // Ctrl-click adds one more
        console.robot.press(KeyCode.CONTROL).clickOn(machine("fra1-gpu04")).release(KeyCode.CONTROL);
        waitFor(() -> fx(() -> app.window().racksView().selection().size() == 5));
        console.robot.moveTo(machine("fra1-stor02"));
        shoot("racks.png");

        // hovering shows the machine's summary
        waitFor(() -> fx(() -> console.robot.lookup(".tooltip").tryQuery().isPresent()));
        assertTrue(fx(() -> app.window().racksView().hoverText()).contains("fra1-stor02  (bare-metal, 2U)"),
                fx(() -> app.window().racksView().hoverText()));
        assertTrue(fx(() -> app.window().racksView().hoverText()).contains("status maintenance"));

        // a rubber band from the empty U38 of rack 2's front down to U31 takes web02, web03 and web04
        RackFrame r2 = geometry().frame("fra1-r02");
        drag(at(r2.front().x() + 20, r2.yOfU(38)), at(r2.front().x() + 60, r2.yOfU(31) + 4));
        waitFor(() -> fx(() -> app.window().racksView().selection()
                .equals(Set.of("fra1-web02", "fra1-web03", "fra1-web04"))));

        // the dark theme: the canvas follows the window's background
        console.robot.clickOn("View").clickOn("Dark theme");
        waitFor(() -> fx(() -> app.window().theme().theme() == dev.underlay.ui.Theme.DARK));
        shoot("racks-dark.png");
        int rgb = fx(() -> canvas().snapshot(null, null).getPixelReader().getArgb(5, 5));
        assertTrue(((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3 < 80,
                "the canvas is dark too: " + Integer.toHexString(rgb));
    }
}
