package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.topology.PlacedGraph;
import dev.underlay.topology.ui.TopologyCanvas;
import dev.underlay.topology.ui.TopologyViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Topology area of the real console under Monocle: open it from the navigation, search a machine (the view
 * centres on it and highlights it), click it and see it selected in the machines table, Ctrl-click another, drag a
 * rectangle with Shift, click the minimap, watch a status change recolour without a new layout, and the context
 * menu's actions. Writes {@code topology.png} (and {@code topology-force.png}) to the screenshot folder.
 */
class TopologyConsoleTest extends ConsoleFxTest {
    private TopologyCanvas canvas() {
        return app.window().topologyView().canvas();
    }

    private TopologyViewModel vm() {
        return app.window().topologyView().viewModel();
    }

    private PlacedGraph picture() throws Exception {
        return fx(() -> vm().picture());
    }

    private Point2D vertex(String machine) throws Exception {
        PlacedGraph p = picture();
        int i = p.graph().indexOfMachine(machine);
        return fx(() -> canvas().screenPoint(p.centerX(i), p.centerY(i)));
    }

    private Set<String> tableSelection() throws Exception {
        return fx(() -> app.window().machinesView().tableView().table().getSelectionModel().getSelectedItems()
                .stream().map(Machine::name).collect(Collectors.toSet()));
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
    void searchFocusesAMachineAClickSelectsItInTheTableAndAStatusChangeRecolours() throws Exception {
        app = console.start(dir, "--data-label", "~/underlay-demo");
        console.robot.clickOn("#nav-topology");
        waitFor(() -> picture() != null && fx(() -> canvas().getWidth() > 0 && !vm().busyProperty().get()));
        console.robot.clickOn("#topology-fit");

        console.robot.clickOn("#topology-search").write("fra1-stor02").type(KeyCode.ENTER);
        waitFor(() -> fx(() -> vm().focusedProperty().get()) == picture().graph().indexOfMachine("fra1-stor02"));
        Point2D at = vertex("fra1-stor02");
        Point2D middle = fx(() -> canvas().localToScreen(canvas().getWidth() / 2, canvas().getHeight() / 2));
        assertEquals(middle.getX(), at.getX(), 1.0, "centred on what was found");
        assertEquals(middle.getY(), at.getY(), 1.0);

        console.robot.clickOn(at);
        waitFor(() -> fx(() -> app.window().topologyView().selection()).equals(Set.of("fra1-stor02")));
        waitFor(() -> tableSelection().equals(Set.of("fra1-stor02")));

        // the hover summary
        console.robot.moveTo(vertex("fra1-stor02")).moveBy(2, 0);
        waitFor(() -> fx(() -> vm().hoverProperty().get()).contains("status maintenance"));

        // Ctrl-click adds a neighbour in view
        PlacedGraph p = picture();
        String other = fx(() -> {
            var vp = vm().viewportProperty().get();
            for (int i : p.in(vp.worldX(0), vp.worldY(0), vp.worldX(canvas().getWidth() - 240),
                    vp.worldY(canvas().getHeight() - 170))) {
                String m = p.graph().node(i).machine();
                if (m != null && !m.equals("fra1-stor02")) {
                    return m;
                }
            }
            return null;
        });
        assertTrue(other != null, "another machine in view");
        console.robot.press(KeyCode.CONTROL).clickOn(vertex(other)).release(KeyCode.CONTROL);
        waitFor(() -> tableSelection().equals(Set.of("fra1-stor02", other)));

        // a status change recolours without a new layout
        int recolours = fx(() -> vm().recoloursProperty().get());
        Machine stor = app.context().inventory().inventory().machines().get("fra1-stor02");
        app.context().inventory().updateMachine(stor, stor.toBuilder().status(MachineStatus.FAILED).build());
        waitFor(() -> fx(() -> vm().recoloursProperty().get()) > recolours);
        assertTrue(picture() == p, "the same layout");

        // the context menu offers the table's actions
        console.robot.rightClickOn(vertex("fra1-stor02"));
        Point2D menuAt = vertex("fra1-stor02");
        fx(() -> { // Monocle turns no right-click into a context menu request: the one the platform would send
            javafx.scene.canvas.Canvas c = canvas().canvas();
            Point2D local = c.screenToLocal(menuAt);
            javafx.event.Event.fireEvent(c, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    menuAt.getX(), menuAt.getY(), false, null));
            return null;
        });
        waitFor(() -> fx(() -> console.robot.lookup(".context-menu").tryQuery().isPresent()));
        for (String entry : new String[] {"Run command…", "Review host keys…", "Open details"}) {
            assertTrue(fx(() -> console.robot.lookup(".context-menu").lookup((javafx.scene.Node n) ->
                    n instanceof javafx.scene.control.Labeled l && entry.equals(l.getText())).tryQuery()
                    .isPresent()), entry);
        }
        console.robot.type(KeyCode.ESCAPE);
        waitFor(() -> fx(() -> console.robot.lookup(".context-menu").tryQuery().isEmpty()));

        // fit, then a Shift-drag rectangle over the whole picture's top-left quarter selects machines
        console.robot.clickOn("#topology-fit");
        WaitForAsyncUtils.waitForFxEvents();
        Point2D a = fx(() -> canvas().screenPoint(p.width() * 0.02, p.height() * 0.05));
        Point2D b = fx(() -> canvas().screenPoint(p.width() * 0.5, p.height() * 0.95));
        console.robot.press(KeyCode.SHIFT);
        console.robot.drag(a, MouseButton.PRIMARY).moveTo(b).drop();
        console.robot.release(KeyCode.SHIFT);
        waitFor(() -> fx(() -> app.window().topologyView().selection().size()) > 3);

        // the minimap moves the view
        var before = fx(() -> vm().viewportProperty().get());
        console.robot.clickOn("#topology-zoom-in").clickOn("#topology-zoom-in").clickOn("#topology-zoom-in");
        console.robot.clickOn(fx(() -> canvas().minimapScreenPoint(p.width() * 0.8, p.height() * 0.5)));
        waitFor(() -> !fx(() -> vm().viewportProperty().get()).equals(before));
        var vp = fx(() -> vm().viewportProperty().get());
        assertEquals(p.width() * 0.8, vp.worldX(fx(() -> canvas().getWidth()) / 2), p.width() * 0.02);

        console.robot.clickOn("#topology-search").eraseText(20).write("fra1-k8s").type(KeyCode.ENTER);
        console.robot.clickOn("#topology-zoom-out").clickOn("#topology-zoom-out"); // 51%: names still read
        fx(() -> {
            vm().panBy(0, -170); // the cluster at the top, its members below
            return null;
        });
        console.robot.moveTo(vertex("fra1-k8s-cp01"));
        shoot("topology.png");

        // the force-directed layout
        fx(() -> {
            vm().layoutProperty().set(vm().layouts().get(1));
            return null;
        });
        waitFor(() -> picture().layoutId().equals("force"));
        shoot("topology-force.png");
    }
}
