package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Inventory flows clicked through in the real console: File > Import shows the dry run and writes only on Apply,
 * a refused file lists its problems and cannot be applied, and a bulk edit changes every selected machine.
 */
class InventoryFlowsTest extends ConsoleFxTest {
    private int stored() {
        return app.context().inventory().inventory().machines().size();
    }

    /** Opens the import dialog on a file, as File > Import does once the chooser returns it. */
    private void openImport(Path file) throws Exception {
        Platform.runLater(() -> app.window().importFile(file)); // showAndWait: the dialog runs its own loop
        waitFor(() -> fx(() -> console.robot.lookup("#import-summary").tryQuery().isPresent()
                && !console.robot.lookup("#import-summary").queryAs(Label.class).getText().startsWith("Reading")));
    }

    private String summary() throws Exception {
        return fx(() -> console.robot.lookup("#import-summary").queryAs(Label.class).getText());
    }

    @Test
    void importShowsTheDryRunFirstAndWritesOnlyOnApply() throws Exception {
        app = console.start(dir);
        Path csv = Files.writeString(dir.resolve("edge.csv"), """
                name,kind,site,rack,u,height,face,address,status,tags
                fra1-edge01,bare-metal,fra1,fra1-r03,33,2,front,10.20.3.33,new,edge
                fra1-edge02,bare-metal,fra1,fra1-r03,35,2,front,10.20.3.35,new,edge
                """);
        openImport(csv);
        assertEquals("2 to add, 0 to change, 0 unchanged", summary());
        String preview = fx(() -> console.robot.lookup("#import-preview").queryAs(TextArea.class).getText());
        assertTrue(preview.contains("machine fra1-edge01") && preview.contains("machine fra1-edge02"), preview);
        assertEquals(41, stored(), "the dry run writes nothing");

        console.robot.clickOn("#import-apply");
        waitFor(() -> fx(() -> table().getItems().size() == 43));
        assertEquals(43, stored());
        assertEquals(List.of("edge"), app.context().inventory().inventory().machines().get("fra1-edge02").tags());
        waitFor(() -> summary().startsWith("Imported"));
        assertEquals("Imported edge.csv: added 2, changed 0 (0 unchanged). Nothing else was touched.", summary(),
                "the dialog says what was done");
        assertEquals("Imported edge.csv: added 2, changed 0 (0 unchanged).",
                fx(() -> console.robot.lookup("#status-message").queryAs(Label.class).getText()));
        console.robot.clickOn("#import-cancel"); // reads Close once applied
        waitFor(() -> fx(() -> console.robot.lookup("#import-summary").tryQuery().isEmpty()));
    }

    @Test
    void refusedImportListsEveryProblemByLineAndCannotBeApplied() throws Exception {
        app = console.start(dir);
        Path csv = Files.writeString(dir.resolve("clash.csv"), """
                name,kind,site,rack,u,height,face
                fra1-new01,bare-metal,fra1,fra1-r03,2,1,front
                fra1-new02,bare-metal,fra1,fra1-r03,45,1,front
                """);
        openImport(csv);
        assertTrue(summary().startsWith("Cannot import: "), summary());
        String preview = fx(() -> console.robot.lookup("#import-preview").queryAs(TextArea.class).getText());
        assertTrue(preview.indexOf(csv + ":2: ") < preview.indexOf(csv + ":3: "), "in line order: " + preview);
        assertTrue(preview.contains(csv + ":2: "), "the overlap names its line: " + preview);
        assertTrue(preview.contains("fra1-gpu01"), "and the machine already at that U: " + preview);
        assertTrue(preview.contains(csv + ":3: ") && preview.contains("fra1-r03"), preview);
        assertTrue(fx(() -> console.robot.lookup("#import-apply").queryAs(Button.class).isDisabled()));

        console.robot.clickOn("Cancel");
        waitFor(() -> fx(() -> console.robot.lookup("#import-summary").tryQuery().isEmpty()));
        assertEquals(41, stored(), "nothing was written");
    }

    @Test
    void bulkEditChangesEverySelectedMachineOrNoneWithTheReason() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("#machine-search").write("rack:fra1-r01");
        waitFor(() -> fx(() -> table().getItems().size() == 10));
        console.clickCell("fra1-k8s-w01");
        console.robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        waitFor(() -> fx(() -> "10 machines selected".equals(
                console.robot.lookup("#bulk-title").queryAs(Label.class).getText())));

        console.robot.clickOn("#bulk-add-profiles").write("no-such-profile");
        console.robot.clickOn("#bulk-apply");
        waitFor(() -> fx(() -> !console.robot.lookup("#bulk-error").queryAs(Label.class).getText().isEmpty()));
        String refused = fx(() -> console.robot.lookup("#bulk-error").queryAs(Label.class).getText());
        assertTrue(refused.startsWith("Nothing changed: machine fra1-k8s-cp01 uses profile 'no-such-profile'"),
                refused);
        assertTrue(refused.endsWith("and 6 more"), "one sentence for the ten machines: " + refused);
        assertTrue(app.context().inventory().inventory().machines().values().stream()
                .noneMatch(m -> m.profiles().contains("no-such-profile")), "none changed");

        console.robot.doubleClickOn("#bulk-add-profiles").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        console.robot.clickOn("#bulk-add-tags").write("canary, rack-a");
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<MachineStatus> status = console.robot.lookup("#bulk-status").queryAs(ComboBox.class);
            status.setValue(MachineStatus.MAINTENANCE);
            return null;
        });
        console.robot.clickOn("#bulk-apply");
        waitFor(() -> fx(() -> app.context().inventory().inventory().machines().values().stream()
                .filter(m -> m.rack().equals("fra1-r01")).allMatch(m -> m.status() == MachineStatus.MAINTENANCE)));
        List<Machine> r01 = app.context().inventory().inventory().machines().values().stream()
                .filter(m -> m.rack().equals("fra1-r01")).toList();
        assertEquals(10, r01.size());
        assertTrue(r01.stream().allMatch(m -> m.tags().contains("canary") && m.tags().contains("rack-a")));
        assertTrue(app.context().inventory().inventory().machines().values().stream()
                .filter(m -> !m.rack().equals("fra1-r01")).noneMatch(m -> m.tags().contains("canary")),
                "machines outside the selection are left alone");
        waitFor(() -> fx(() -> console.robot.lookup("#status-counts").queryAs(Label.class).getText()
                .equals("41 machines, 10 shown, 10 selected")));
    }
}
