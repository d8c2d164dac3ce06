package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ui.ParamRow;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inventory editors clicked through in the real console: a rack created and a machine placed in it, an
 * overlap refused beside the field without squeezing the form, a profile edit seen in a machine's resolved params
 * with its source (and a double-click back to the profile), a credential whose secret is never shown again, and
 * the machine form's detail pane for cloud instances and for several rows after Ctrl+N. Each leaves a screenshot
 * in {@code target/screenshots}.
 */
class EditorFlowsTest extends ConsoleFxTest {
    private Inventory stored() {
        return app.context().inventory().inventory();
    }

    private String text(String query) throws Exception {
        return fx(() -> console.robot.lookup(query).queryAs(Label.class).getText());
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var img = fx(() -> console.robot.lookup("#nav").query().getScene().snapshot(null));
        Path folder = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir",
                "target/screenshots")));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", folder.resolve(name).toFile());
    }

    private void choose(String query, String value) throws Exception {
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> c = console.robot.lookup(query).queryAs(ComboBox.class);
            c.getItems().stream().filter(i -> i.toString().equals(value)).findFirst().ifPresent(c::setValue);
            return null;
        });
    }

    /**
     * Clicks a field and types into it. The click is checked: under Monocle a click that lands while the form is
     * laid out again (the facts section below the fields loading) can leave the focus where it was, and the text
     * would go into the previous field ("fra1-bkp02fra1"); then the field is focused as Tab would.
     */
    private void typeInto(String query, String text) throws Exception {
        javafx.scene.Node field = console.robot.lookup(query).query();
        console.robot.clickOn(field);
        if (!fx(field::isFocused)) {
            fx(() -> {
                field.requestFocus();
                return null;
            });
            waitFor(() -> fx(field::isFocused));
        }
        console.robot.write(text);
    }

    private void newMachine(String name, String rack, String u, String height) throws Exception {
        console.robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        waitFor(() -> fx(() -> "New machine".equals(text("#form-title"))));
        typeInto("#field-name", name);
        typeInto("#field-site", "fra1");
        typeInto("#field-rack", rack);
        typeInto("#field-u", u);
        console.retype("#field-height", height);
        console.robot.clickOn("#form-save");
    }

    @Test
    void rackIsCreatedAMachinePlacedInItAndAnOverlapRefusedBesideTheField() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("#nav-rack-list");
        console.robot.clickOn("#rack-new");
        console.robot.clickOn("#rack-name").write("fra1-r11");
        choose("#rack-site", "fra1");
        console.robot.clickOn("#rack-row").write("C");
        console.retype("#rack-position", "11");
        console.retype("#rack-height", "70");
        console.robot.clickOn("#rack-save");
        waitFor(() -> fx(() -> !text("#rack-height-error").isEmpty()));
        assertEquals("rack fra1-r11 has height 70U; a rack is 1 to 60 U high", text("#rack-height-error"));
        shoot("editor-rack-refused.png");
        console.retype("#rack-height", "42");
        console.robot.clickOn("#rack-save");
        waitFor(() -> fx(() -> stored().racks().containsKey("fra1-r11")));
        waitFor(() -> fx(() -> console.robot.lookup("#rack-list").queryAs(ListView.class).getItems()
                .contains("fra1-r11")));
        assertEquals("fra1-r11", text("#rack-title"));

        console.robot.clickOn("#nav-machines");
        newMachine("fra1-bkp01", "fra1-r11", "10", "2");
        waitFor(() -> fx(() -> stored().machines().containsKey("fra1-bkp01")));
        assertEquals("fra1-r11", stored().machines().get("fra1-bkp01").rack());

        newMachine("fra1-bkp02", "fra1-r11", "11", "2");
        waitFor(() -> fx(() -> !text("#error-u").isEmpty()));
        assertEquals("machine fra1-bkp02 (U11-U12 front) overlaps machine fra1-bkp01 (U10-U11 front) in rack "
                + "fra1-r11 at U11", text("#error-u"));
        assertFalse(stored().machines().containsKey("fra1-bkp02"), "nothing was written");
        assertEquals("fra1-bkp02", fx(() -> console.robot.lookup("#field-name").queryAs(TextField.class).getText()));
        shoot("editor-machine-overlap.png");

        console.robot.clickOn("#nav-rack-list");
        console.robot.clickOn("fra1-r11");
        waitFor(() -> fx(() -> text("#rack-details").startsWith("1 machine in this rack, 2 of 42 U taken")));
        console.robot.type(KeyCode.DELETE); // in the rack editor the Delete key asks about the rack, not machines
        java.util.function.Predicate<Node> confirm = n -> n instanceof javafx.scene.control.Button b
                && "Delete".equals(b.getText()) && b.getScene().getRoot() instanceof javafx.scene.control.DialogPane;
        waitFor(() -> fx(() -> console.robot.lookup(confirm).tryQuery().isPresent()));
        console.robot.clickOn(console.robot.lookup(confirm).<Node>query()); // the confirmation, not the button
        waitFor(() -> fx(() -> !text("#rack-form-error").isEmpty()));
        assertEquals("rack fra1-r11 cannot be deleted while machine fra1-bkp01 uses it; move those machines out "
                + "first", text("#rack-form-error"));
        assertTrue(stored().racks().containsKey("fra1-r11"));
        assertEquals(42, stored().machines().size(), "no machine was deleted");
    }

    @Test
    void aRefusalKeepsBothColumnsOfTheMachineFormAndTheStatus() throws Exception {
        app = console.start(dir);
        console.clickCell("fra1-k8s-w01");
        double name = fx(() -> console.robot.lookup("#field-name").queryAs(TextField.class).getWidth());
        double status = fx(() -> console.robot.lookup("#field-status").query().getBoundsInParent().getWidth());
        console.retype("#field-u", "40"); // where fra1-k8s-cp01 is: a long refusal beside U
        console.robot.clickOn("#form-save");
        waitFor(() -> fx(() -> !text("#error-u").isEmpty()));
        assertTrue(text("#error-u").contains("overlaps"), text("#error-u"));
        double nameAfter = fx(() -> console.robot.lookup("#field-name").queryAs(TextField.class).getWidth());
        double statusAfter = fx(() -> console.robot.lookup("#field-status").query().getBoundsInParent().getWidth());
        assertEquals(name, nameAfter, 1.0, "the left column keeps its width");
        assertEquals(status, statusAfter, 1.0, "and so does the Status box");
        assertTrue(name > 100, "wide enough to read a name: " + name);
        assertEquals("in-use", fx(() -> console.robot.lookup("#field-status").queryAs(ComboBox.class).getValue()
                .toString()));
        shoot("machine-form-refused.png");
    }

    @Test
    void profileEditShowsInTheMachinesResolvedParamsWithItsSource() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("#nav-profiles");
        console.robot.clickOn("k8s-node");
        waitFor(() -> fx(() -> console.robot.lookup("#profile-param-table").queryAs(TableView.class).getItems()
                .size() == 2));
        console.robot.clickOn("#profile-params");
        console.robot.press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL);
        console.robot.type(KeyCode.ENTER).write("max_pods = 110");
        console.robot.clickOn("#profile-save");
        waitFor(() -> fx(() -> stored().profiles().get("k8s-node").params().containsKey("max_pods")));
        shoot("editor-profile.png");

        console.robot.clickOn("#nav-machines");
        console.clickCell("fra1-k8s-w01");
        waitFor(() -> fx(() -> paramRow("max_pods") != null));
        ParamRow row = fx(() -> paramRow("max_pods"));
        assertEquals("110", row.value());
        assertEquals("profile k8s-node", row.source());

        java.util.function.Predicate<Node> maxPods = n -> n instanceof TableCell<?, ?> c
                && "max_pods".equals(c.getText());
        Node cell = fx(() -> console.robot.lookup("#param-table").lookup(maxPods).query());
        // a loaded machine can stretch the robot's two clicks past the double-click interval: at most three tries
        java.util.concurrent.Callable<Boolean> opened = () -> console.robot.lookup("#profile-editor").tryQuery()
                .map(EditorFlowsTest::shown).orElse(false);
        for (int i = 0; i < 3 && !fx(opened); i++) {
            console.robot.doubleClickOn(cell);
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitFor(() -> fx(() -> "k8s-node".equals(text("#profile-title"))));
        assertTrue(fx(() -> console.robot.lookup("#nav-profiles").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected()), "the double-click opened the profile");
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private ParamRow paramRow(String name) {
        @SuppressWarnings("unchecked")
        TableView<ParamRow> t = console.robot.lookup("#param-table").queryAs(TableView.class);
        return t.getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void credentialSecretIsStoredAndNeverShownAgain() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("#nav-credentials");
        console.robot.clickOn("#credential-new");
        console.robot.clickOn("#credential-name").write("fra1-bmc");
        choose("#credential-kind", "password");
        console.robot.clickOn("#credential-username").write("ADMIN");
        console.robot.clickOn("#credential-secret").write("s3cret-Pa55");
        console.robot.clickOn("#credential-save");
        waitFor(() -> fx(() -> stored().credentials().containsKey("fra1-bmc")));
        waitFor(() -> fx(() -> text("#credential-details").startsWith("A password is stored encrypted")));
        assertEquals("", fx(() -> console.robot.lookup("#credential-secret").queryAs(PasswordField.class).getText()));
        assertEquals("s3cret-Pa55", new String(app.context().credentialSecrets().get("fra1-bmc").orElseThrow()));
        shoot("editor-credential.png");
        console.robot.clickOn("lab-key");
        console.robot.clickOn("fra1-bmc");
        waitFor(() -> fx(() -> "fra1-bmc".equals(text("#credential-title"))));
        assertEquals("", fx(() -> console.robot.lookup("#credential-secret").queryAs(PasswordField.class).getText()));
    }

    @Test
    void cloudInstanceHasNoPlacementAndSeveralRowsAfterCtrlNShowTheBulkEdit() throws Exception {
        app = console.start(dir);
        console.clickCell("euc1-web01");
        waitFor(() -> fx(() -> "euc1-web01".equals(text("#form-title"))));
        for (String f : new String[] {"#field-rack", "#field-u", "#field-height", "#field-face"}) {
            assertFalse(fx(() -> shown(console.robot.lookup(f).query())), f + " is hidden for a cloud instance");
        }
        assertTrue(fx(() -> shown(console.robot.lookup("#field-address").query())));
        shoot("machine-form-cloud.png");

        console.robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        waitFor(() -> fx(() -> "New machine".equals(text("#form-title"))));
        console.clickCell("fra1-k8s-w01");
        console.robot.press(KeyCode.SHIFT);
        console.clickCell("fra1-k8s-w03");
        console.robot.release(KeyCode.SHIFT);
        waitFor(() -> fx(() -> console.robot.lookup("#bulk-title").tryQuery().map(Node::isVisible).orElse(false)));
        assertTrue(text("#bulk-title").endsWith("machines selected"), text("#bulk-title"));
        Machine m = stored().machines().get("euc1-web01");
        assertFalse(m.racked());
    }
}
