package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.ui.jobs.JobWindow;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.input.ContextMenuEvent;
import org.junit.jupiter.api.Test;

/**
 * One host cancelled from the job window, as the automation issue asks ("cancel the whole job or one host"): a
 * long-running step (the lab shell's {@code sleep}) on four lab workers, a right click on one host's cell, Cancel
 * host; that host ends cancelled, the other three finish ok, and a host that has ended offers no cancel.
 */
class CancelHostFlowTest extends JobFlowFixture {
    private static final String VICTIM = "fra1-k8s-w02";

    @Test
    void aRightClickOnOneHostsCellCancelsThatHostAndTheOthersFinishOk() throws Exception {
        app = console.start(dir);
        startLab(() -> console.robot.clickOn("Lab").clickOn("Start lab"));
        waitFor(() -> text("#status-lab").startsWith("Lab: 41 hosts on ports"));
        console.retype("#machine-search", "fra1-k8s-w[01-04]");
        waitFor(() -> fx(() -> table().getItems().size()) == 4);
        fx(() -> {
            table().getSelectionModel().selectAll();
            return null;
        });
        Predicate<Node> w01 = n -> n instanceof TableCell<?, ?> c && "fra1-k8s-w01".equals(c.getText());
        Node cell = console.robot.lookup(w01).query();
        contextMenuOn(cell, () -> {
            Point2D at = cell.localToScreen(5, 5);
            table().getContextMenu().show(cell, at.getX(), at.getY());
        });
        console.robot.clickOn("Run workflow or task\u2026");
        waitFor(() -> fx(() -> console.robot.lookup("#job-start-plan").tryQuery().isPresent()));
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> plan = console.robot.lookup("#job-start-plan").queryAs(ComboBox.class);
            plan.setValue("command:sleep 8");
            return null;
        });
        waitFor(() -> text("#job-start-preview").startsWith("4 hosts in one wave:"));
        console.robot.clickOn("#job-start-start");
        waitFor(() -> fx(() -> console.robot.lookup("#job-grid").tryQuery().isPresent()));
        long id = latestJob();
        JobWindow window = fx(() -> app.window().jobs().window(id).orElseThrow());
        waitFor(() -> fx(() -> {
            var p = window.viewModel().progressProperty().get();
            return p != null && p.cell(p.hostIndex(VICTIM), 0) == StepState.RUNNING;
        }));

        MenuItem cancel = hostMenuAt(window, VICTIM);
        assertEquals("Cancel host " + VICTIM, cancel.getText());
        assertFalse(cancel.isDisable(), "a running host can be cancelled");
        console.robot.clickOn("Cancel host " + VICTIM);

        waitFor(() -> newest("job-state").startsWith("Cancelled"));
        assertEquals("0 queued, 0 running, 3 ok, 0 failed, 0 skipped, 1 cancelled", newest("job-counts"));
        var p = fx(() -> window.viewModel().progressProperty().get());
        for (String host : p.hosts()) {
            boolean victim = host.equals(VICTIM);
            assertEquals(victim ? HostRunState.CANCELLED : HostRunState.DONE, p.hostState(p.hostIndex(host)), host);
            assertEquals(victim ? StepState.CANCELLED : StepState.OK, p.cell(p.hostIndex(host), 0), host);
        }
        assertEquals(HostRunState.CANCELLED, app.context().jobs().hosts(id).stream()
                .filter(h -> h.host().equals(VICTIM)).findFirst().orElseThrow().state(), "stored as cancelled");
        fx(() -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w instanceof ContextMenu).toList()
                    .forEach(w -> ((ContextMenu) w).hide());
            return null;
        });
        assertTrue(hostMenuAt(window, "fra1-k8s-w01").isDisable(), "an ended host offers no cancel");
    }

    /** Right-clicks {@code host}'s first cell in the grid; the menu's one item. */
    private MenuItem hostMenuAt(JobWindow window, String host) throws Exception {
        Point2D at = fx(() -> window.cellOnScreen(host, 0));
        Canvas canvas = fx(() -> (Canvas) console.robot.from(window).lookup("#job-grid").lookup((Predicate<Node>) n -> n instanceof Canvas)
                .query());
        // on the cell itself (the anchor's centre may be another host's row or none)
        console.robot.clickOn(at, javafx.scene.input.MouseButton.SECONDARY);
        if (!menuShowing()) { // Monocle may turn the click into no context menu request
            fx(() -> {
                // a fired event takes its x and y as the scene's and makes them the target's
                Point2D scene = canvas.localToScene(canvas.screenToLocal(at));
                canvas.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(),
                        scene.getY(), at.getX(), at.getY(), false, null));
                return null;
            });
        }
        waitFor(this::menuShowing);
        return fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing()).map(w -> (ContextMenu) w)
                .flatMap(m -> m.getItems().stream()).filter(i -> "job-cancel-host".equals(i.getId())).findFirst()
                .orElseThrow());
    }
}
