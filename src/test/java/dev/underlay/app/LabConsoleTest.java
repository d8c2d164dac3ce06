package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import dev.underlay.lab.ui.LabViewModel;
import dev.underlay.ssh.HostKeyReview;
import dev.underlay.ssh.HostKeyStatus;
import dev.underlay.ssh.ui.HostRun;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A technician's first minutes with the lab: start it, run a command on every machine, review host keys. */
class LabConsoleTest extends ConsoleFxTest {
    private String text(String query) throws Exception {
        return fx(() -> console.robot.lookup(query).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private TableView<HostRun> runHosts() {
        return console.robot.lookup("#run-hosts").queryAs(TableView.class);
    }

    private void runInRunWindow(String command, String progress) throws Exception {
        console.retype("#run-command", command);
        console.robot.clickOn("#run-start");
        waitFor(() -> text("#run-progress").startsWith(progress + " in "));
    }

    @Test
    void startLabThenHostnameOnAllMachinesAnswersFortyOneTimesAndAFaultPresetShowsGroupedFailures()
            throws Exception {
        app = console.start(dir);
        assertEquals("Lab stopped", text("#status-lab"));
        startLab(() -> console.robot.clickOn("Lab").clickOn("Start lab"));
        waitFor(() -> text("#status-lab").startsWith("Lab: 41 hosts on ports"));
        waitFor(() -> text("#status-message").contains("41 host keys trusted"));

        console.robot.clickOn("#machine-search");
        console.robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(() -> fx(() -> console.robot.lookup("#run-command").tryQuery().isPresent()));
        runInRunWindow("hostname", "41/41 done, 41 ok, 0 failed");
        assertTrue(fx(() -> runHosts().getItems().stream().allMatch(h -> h.state() == HostRun.State.OK)));
        ListView<?> output = console.robot.lookup("#run-output").queryAs(ListView.class);
        assertEquals(41, fx(() -> output.getItems().size()));
        assertTrue(fx(() -> output.getItems().stream().anyMatch(l -> l.toString().startsWith("fra1-web01: "))));
        assertEquals("41 of 41 hosts ok.", text("#run-summary"));
        console.robot.clickOn("#run-output");
        fx(() -> {
            output.getSelectionModel().selectAll();
            return null;
        });
        console.robot.push(KeyCode.CONTROL, KeyCode.C);
        String copied = fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals(41, copied.lines().count(), copied);
        fx(() -> {
            ((Stage) output.getScene().getWindow()).close();
            return null;
        });

        console.robot.clickOn("Lab").clickOn("Faults…");
        console.robot.clickOn("#fault-spec").write("refuse:200%");
        waitFor(() -> fx(() -> console.robot.lookup("#fault-error").queryAs(Label.class).isVisible()));
        assertTrue(fx(() -> console.robot.lookup("#fault-apply").queryAs(Button.class).isDisabled()));
        console.robot.clickOn(LabViewModel.PRESETS.get(0).label());
        waitFor(() -> fx(() -> !console.robot.lookup("#fault-error").queryAs(Label.class).isVisible()));
        console.robot.clickOn("#fault-apply");
        waitFor(() -> text("#status-lab").endsWith("faults refuse:10%"));
        console.robot.clickOn("Close");

        console.robot.clickOn("#tool-run-command");
        waitFor(() -> fx(() -> console.robot.lookup("#run-command").tryQuery().isPresent()));
        runInRunWindow("uname -a", "41/41 done, 37 ok, 4 failed");
        String summary = text("#run-summary");
        assertTrue(summary.startsWith("37 of 41 hosts ok, 4 not:\nconnection refused (4): "), summary);
        assertEquals(4, fx(() -> runHosts().getItems().stream().filter(h -> h.state() == HostRun.State.FAILED)
                .count()));
    }

    @Test
    void hostKeyReviewShowsReplacedKeysAsChangedAndForgetsOneAfterConfirmation() throws Exception {
        app = console.start(dir);
        startLab(() -> {
            try {
                fx(() -> {
                    app.window().lab().start();
                    return null;
                });
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        List<Machine> demo = fx(() -> List.copyOf(app.window().machinesView().tableView().table().getItems()));
        fx(() -> {
            app.window().lab().faultTextProperty().set("hostkey:fra1-web01|fra1-web02");
            return app.window().lab().applyFaults();
        });
        waitFor(() -> text("#status-lab").endsWith("faults hostkey:fra1-web01|fra1-web02"));

        console.robot.clickOn("#tool-host-keys");
        waitFor(() -> fx(() -> console.robot.lookup("#host-key-table").tryQuery().isPresent()));
        @SuppressWarnings("unchecked")
        TableView<HostKeyReview> keys = console.robot.lookup("#host-key-table").queryAs(TableView.class);
        waitFor(() -> fx(() -> keys.getItems().size() == demo.size()));
        assertEquals(2, fx(() -> keys.getItems().stream().filter(r -> r.status() == HostKeyStatus.CHANGED)
                .count()));
        assertEquals(demo.size() - 2, fx(() -> keys.getItems().stream()
                .filter(r -> r.status() == HostKeyStatus.KNOWN).count()));
        assertTrue(fx(() -> console.robot.lookup("#keys-accept").queryAs(Button.class).isDisabled()));

        int row = fx(() -> {
            for (int i = 0; i < keys.getItems().size(); i++) {
                if (keys.getItems().get(i).name().equals("fra1-web01")) {
                    keys.getSelectionModel().clearAndSelect(i);
                    keys.scrollTo(i);
                    return i;
                }
            }
            return -1;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(HostKeyStatus.CHANGED, fx(() -> keys.getItems().get(row).status()));
        console.robot.clickOn("#keys-forget");
        waitFor(() -> fx(() -> console.robot.lookup(".dialog-pane .dialog-message").tryQuery().isPresent()));
        String question = fx(() -> String.join("\n", console.robot.lookup(".dialog-pane .dialog-message")
                .queryAllAs(Label.class).stream().map(Label::getText).toList()));
        assertTrue(fx(() -> console.robot.lookup(".dialog-pane .fingerprint").queryAllAs(Label.class).size() >= 2),
                "the fingerprints are set apart in a fixed-width font");
        assertTrue(fx(() -> console.robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(Button::isDefaultButton).map(Button::getText).toList()).equals(List.of("Cancel")),
                "Enter cancels: the destructive button is not the default");
        HostKeyReview changed = fx(() -> keys.getItems().get(row));
        assertTrue(question.contains(changed.fingerprint()) && question.contains(changed.knownFingerprints()
                .get(0)), question);
        console.robot.clickOn("Forget stored key");
        waitFor(() -> fx(() -> keys.getItems().size() == demo.size()
                && keys.getItems().get(row).status() == HostKeyStatus.NEW));
        assertEquals("Accept 1 new key", fx(() -> console.robot.lookup("#keys-accept").queryAs(Button.class)
                .getText()));
        console.robot.clickOn("#keys-accept");
        waitFor(() -> fx(() -> keys.getItems().size() == demo.size()
                && keys.getItems().get(row).status() == HostKeyStatus.KNOWN));
        assertFalse(fx(() -> keys.getItems().stream().anyMatch(r -> r.name().equals("fra1-web01")
                && r.status() != HostKeyStatus.KNOWN)));
    }
}
