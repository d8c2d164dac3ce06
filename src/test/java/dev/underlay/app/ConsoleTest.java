package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The console as a technician uses it: real window, real data folder, clicks and typing under Monocle. */
class ConsoleTest extends ConsoleFxTest {
    private String text(String query) {
        return console.robot.lookup(query).queryAs(TextField.class).getText();
    }

    @Test
    void editMadeInTheFormIsKeptAfterARestart() throws Exception {
        app = console.start(dir);
        assertEquals(41, fx(() -> table().getItems().size()));
        console.robot.clickOn("#machine-search").write("fra1-web0");
        waitFor(() -> fx(() -> table().getItems().size() == 4));
        console.clickCell("fra1-web02");
        waitFor(() -> fx(() -> console.robot.lookup("#status-counts").queryAs(Label.class).getText()
                .equals("41 machines, 4 shown, 1 selected")));
        waitFor(() -> fx(() -> "fra1-web02".equals(console.robot.lookup("#form-title").queryAs(Label.class).getText())));

        console.retype("#field-address", "10.20.1.32");
        console.robot.clickOn("#field-tags").push(KeyCode.END).write(", canary");
        console.robot.clickOn("#form-save");
        waitFor(() -> fx(() -> app.context().inventory().inventory().machines().get("fra1-web02").address()
                .equals("10.20.1.32")));
        waitFor(() -> fx(() -> console.robot.lookup("#status-message").queryAs(Label.class).getText()
                .equals("Saved machine fra1-web02.")));

        AppContext first = app.context();
        console.stop(app);
        assertNull(app.context(), "the context is released at exit");
        assertTrue(first.database().folder().equals(dir.toAbsolutePath().normalize()));

        app = console.start(dir);
        console.robot.clickOn("#machine-search").write("name:fra1-web02");
        waitFor(() -> fx(() -> table().getItems().size() == 1));
        console.clickCell("fra1-web02");
        waitFor(() -> fx(() -> "10.20.1.32".equals(text("#field-address"))));
        Machine m = fx(() -> app.context().inventory().inventory().machines().get("fra1-web02"));
        assertEquals(List.of("lab", "web", "canary"), m.tags());
    }

    @Test
    void typedFilterShowsTheMatchingRowsInTheClickedOrderAndKeepsTheSelection() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("#machine-search").write("fra1-k8s-w");
        waitFor(() -> fx(() -> table().getItems().size() == 12));
        console.robot.clickOn("#col-name");
        console.robot.clickOn("#col-name"); // the second click sorts descending
        waitFor(() -> fx(() -> names().get(0).equals("fra1-k8s-w12")));
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            expected.add(String.format("fra1-k8s-w%02d", i));
        }
        assertEquals(expected, fx(this::names));
        console.clickCell("fra1-k8s-w03");
        console.robot.clickOn("#machine-search").push(KeyCode.END).write("0");
        waitFor(() -> fx(() -> table().getItems().size() == 9));
        assertEquals(expected.subList(3, 12), fx(this::names), "still descending");
        assertEquals(List.of("fra1-k8s-w03"), fx(() -> table().getSelectionModel().getSelectedItems().stream()
                .map(m -> ((Machine) m).name()).toList()), "the machine still shown stays selected");
        assertEquals("fra1-k8s-w03", fx(() -> console.robot.lookup("#form-title").queryAs(Label.class).getText()));
    }

    private List<String> names() {
        return table().getItems().stream().map(m -> ((Machine) m).name()).toList();
    }

    @Test
    void refusedEditShowsTheReasonBesideUAndKeepsWhatWasTyped() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("#machine-search").write("rack:fra1-r02");
        console.clickCell("fra1-web01");
        console.retype("#field-u", "31");
        console.retype("#field-address", "10.20.1.31");
        console.robot.clickOn("#form-save");
        waitFor(() -> fx(() -> console.robot.lookup("#error-u").queryAs(Label.class).isVisible()));
        String error = fx(() -> console.robot.lookup("#error-u").queryAs(Label.class).getText());
        assertTrue(error.contains("overlaps machine fra1-web02") || error.contains("overlaps machine fra1-web01"),
                error);
        assertEquals("31", fx(() -> text("#field-u")));
        assertEquals("10.20.1.31", fx(() -> text("#field-address")));
        assertEquals("127.0.0.1", fx(() -> app.context().inventory().inventory().machines().get("fra1-web01")
                .address()), "nothing written");
    }

    @Test
    void badQueryIsExplainedUnderTheBoxWithoutEmptyingTheTable() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("#machine-search").write("tag:gpu");
        waitFor(() -> fx(() -> table().getItems().size() == 4));
        console.robot.write(" \"gpu"); // the quote is unclosed from the first keystroke
        waitFor(() -> fx(() -> console.robot.lookup("#query-error").queryAs(Label.class).isVisible()));
        assertTrue(fx(() -> console.robot.lookup("#query-error").queryAs(Label.class).getText())
                .contains("unclosed quote"));
        assertEquals(4, fx(() -> table().getItems().size()));
    }

    @Test
    void shortcutsFocusSearchAndStartANewMachine() throws Exception {
        app = console.start(dir);
        console.clickCell("fra1-ci01");
        console.robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitFor(() -> fx(() -> console.robot.lookup("#machine-search").query().isFocused()));
        console.robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(() -> fx(() -> "New machine".equals(console.robot.lookup("#form-title").queryAs(Label.class)
                .getText())));
        assertEquals("", fx(() -> text("#field-name")));
    }

    @Test
    void deleteKeyAsksFirstAndStillEditsTextInFields() throws Exception {
        app = console.start(dir);
        console.clickCell("fra1-ci03");
        console.robot.clickOn("#field-address").push(KeyCode.HOME).push(KeyCode.DELETE);
        assertEquals("27.0.0.1", fx(() -> text("#field-address")), "Delete in a field deletes a character");
        console.clickCell("fra1-ci03");
        console.robot.push(KeyCode.DELETE);
        waitFor(() -> fx(() -> console.robot.lookup(".dialog-pane").tryQuery().isPresent()));
        assertEquals(1, fx(() -> console.robot.lookup(".dialog-pane").queryAll().size()), "asked once");
        console.robot.clickOn(console.robot.lookup(".dialog-pane .button")
                .match((javafx.scene.control.Button b) -> "Delete".equals(b.getText())).<javafx.scene.Node>query());
        waitFor(() -> fx(() -> !app.context().inventory().inventory().machines().containsKey("fra1-ci03")));
        assertEquals(40, fx(() -> table().getItems().size()));
    }

    @Test
    void folderThatCannotBeOpenedIsExplainedInADialog() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        app = (UnderlayApp) FxToolkit.setupApplication(UnderlayApp.class, "--data", notAFolder.toString());
        waitFor(() -> fx(() -> console.robot.lookup(".dialog-pane .dialog-message").tryQuery().isPresent()));
        String msg = fx(() -> console.robot.lookup(".dialog-pane .dialog-message").queryAs(Label.class).getText());
        assertTrue(msg.contains("cannot create data folder " + notAFolder), msg);
        console.robot.clickOn("Close");
    }

    @Test
    void windowCarriesTheApplicationIconInEverySize() throws Exception {
        app = console.start(dir);
        javafx.stage.Stage stage = fx(() -> (javafx.stage.Stage) table().getScene().getWindow());
        List<javafx.scene.image.Image> icons = fx(() -> List.copyOf(stage.getIcons()));
        waitFor(() -> icons.stream().allMatch(i -> i.getProgress() >= 1.0));
        assertEquals(dev.underlay.ui.AppIcon.SIZES.length, icons.size());
        for (int k = 0; k < icons.size(); k++) {
            javafx.scene.image.Image i = icons.get(k);
            assertTrue(!i.isError(), () -> "icon failed to load: " + i.getException());
            assertEquals(dev.underlay.ui.AppIcon.SIZES[k], (int) i.getWidth());
            assertEquals(dev.underlay.ui.AppIcon.SIZES[k], (int) i.getHeight());
        }
    }
}
