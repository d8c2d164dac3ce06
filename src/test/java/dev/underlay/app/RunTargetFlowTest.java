package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.ssh.ui.HostRun;
import dev.underlay.ssh.ui.OutputLine;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Run command as a technician meets it: the target is the search in force, shown as a query with its host
 * count, not the one row they clicked to look at; they narrow it to a node set, run, and click a host to read
 * its output alone.
 */
class RunTargetFlowTest extends ConsoleFxTest {
    private String text(String query) throws Exception {
        return fx(() -> console.robot.lookup(query).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private List<String> runHosts() throws Exception {
        return fx(() -> ((TableView<HostRun>) console.robot.lookup("#run-hosts").queryAs(TableView.class))
                .getItems().stream().map(HostRun::host).toList());
    }

    @SuppressWarnings("unchecked")
    private List<OutputLine> shownOutput() throws Exception {
        return fx(() -> List.copyOf(((ListView<OutputLine>) console.robot.lookup("#run-output")
                .queryAs(ListView.class)).getItems()));
    }

    @Test
    void theTargetIsTheSearchAsAnEditableQueryWithItsCountAndAHostClickFiltersTheOutput() throws Exception {
        app = console.start(dir);
        startLab(() -> console.robot.clickOn("Lab").clickOn("Start lab"));
        waitFor(() -> text("#status-lab").startsWith("Lab: 41 hosts on ports"));
        console.retype("#machine-search", "rack:fra1-r01");
        waitFor(() -> fx(() -> app.window().machinesView().tableView().table().getItems().size()) > 1);
        int inRack = fx(() -> app.window().machinesView().tableView().table().getItems().size());
        console.clickCell("fra1-k8s-w01"); // looking at one machine does not make it the target
        fx(() -> { // the keys go to the console (a window an earlier test left may hold the focus)
            javafx.stage.Window w = app.window().machinesView().getScene().getWindow();
            w.requestFocus();
            app.window().machinesView().tableView().table().requestFocus();
            return null;
        });
        console.robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(() -> fx(() -> console.robot.lookup("#run-target").tryQuery().isPresent()));
        assertEquals("rack:fra1-r01", fx(() -> console.robot.lookup("#run-target").queryAs(TextField.class)
                .getText()));
        assertEquals(inRack + " hosts", text("#run-target-count"));
        assertEquals(inRack, runHosts().size());

        console.retype("#run-target", "rack:r1");
        waitFor(() -> text("#run-target-count").startsWith("No machine matches: no rack is named r1"));
        console.retype("#run-target", "fra1-k8s-w[01-03]");
        waitFor(() -> text("#run-target-count").equals("3 hosts"));
        assertEquals(List.of("fra1-k8s-w01", "fra1-k8s-w02", "fra1-k8s-w03"), runHosts());

        console.retype("#run-command", "hostname");
        // the state cells change as the hosts run: by pseudo-class, never by restyling (StyleClassChurn)
        StyleClassChurn churn = fx(() -> StyleClassChurn.watch(console.robot.lookup("#run-hosts").query()));
        console.robot.clickOn("#run-start");
        waitFor(() -> text("#run-progress").matches("3/3 done, 3 ok, 0 failed in \\d+\\.\\d\\d s"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), fx(churn::changes), "cells restyled from scratch as the hosts ran");
        fx(() -> {
            churn.close();
            return null;
        });
        assertEquals(3, shownOutput().size());
        Predicate<Node> w02 = n -> n instanceof TableCell<?, ?> c && "fra1-k8s-w02".equals(c.getText());
        console.robot.clickOn(console.robot.lookup("#run-hosts").lookup(w02).<Node>query());
        waitFor(() -> shownOutput().size() == 1);
        assertEquals("fra1-k8s-w02", shownOutput().get(0).host());
        assertEquals("Output of fra1-k8s-w02", text("#run-output-host"));
        shoot("run-command-target.png");
        console.robot.clickOn("#run-output-all");
        waitFor(() -> shownOutput().size() == 3);
    }

    private void shoot(String name) throws Exception {
        Path folder = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir",
                "target/screenshots")));
        BufferedImage png = SwingFXUtils.fromFXImage(fx(() -> console.robot.lookup("#run-target").query()
                .getScene().snapshot(null)), null);
        ImageIO.write(png, "png", folder.resolve(name).toFile());
        assertTrue(Files.size(folder.resolve(name)) > 10_000);
    }
}
