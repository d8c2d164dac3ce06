package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The import dialog as a technician uses it on the demo: the preview lists each changed field of a machine with
 * its old and new value, merge keeps what the file leaves out, replace warns in words about what would go and then
 * removes it, and after Apply the dialog says what was done. Writes {@code import-dialog.png} for a look.
 */
class ImportDialogFlowTest extends ConsoleFxTest {
    private String text(String id) throws Exception {
        return fx(() -> console.robot.lookup(id).queryAs(Label.class).getText());
    }

    private String preview() throws Exception {
        return fx(() -> console.robot.lookup("#import-preview").queryAs(TextArea.class).getText());
    }

    private Machine stor01() {
        return app.context().inventory().inventory().machines().get("fra1-stor01");
    }

    private void waitForPlan() throws Exception {
        waitFor(() -> fx(() -> console.robot.lookup("#import-summary").tryQuery().isPresent()
                && !text("#import-summary").startsWith("Reading")));
    }

    @Test
    void previewShowsTheDiffAndMergeOrReplaceDecidesWhatGoes() throws Exception {
        app = console.start(dir);
        Machine before = stor01();
        Path csv = Files.writeString(dir.resolve("stor.csv"), "name,port,status,tags,params\n"
                + "fra1-stor01,2222,maintenance,storage,\"{\"\"serial\"\":\"\"CZ2000001\"\"}\"\n");
        Platform.runLater(() -> app.window().importFile(csv));
        waitForPlan();
        assertEquals("0 to add, 1 to change, 0 unchanged", text("#import-summary"));
        assertTrue(fx(() -> console.robot.lookup("#import-merge").queryAs(RadioButton.class).isSelected()),
                "merge is the default");
        String merged = preview();
        assertTrue(merged.contains("  machine fra1-stor01\n    ~ port: " + before.sshPort() + " -> 2222\n"), merged);
        assertTrue(merged.contains("    ~ status: in-use -> maintenance"), merged);
        assertFalse(merged.contains("removed"), "a merge removes nothing: " + merged);
        assertFalse(fx(() -> console.robot.lookup("#import-warnings").query().isVisible()));

        console.robot.clickOn("#import-replace");
        waitForPlan();
        waitFor(() -> preview().contains("tag ceph removed"));
        String replaced = preview();
        assertTrue(replaced.contains("    - param bmc_address " + before.params().get("bmc_address") + " removed"),
                replaced);
        assertEquals("⚠ machine fra1-stor01 would lose tag lab, tag ceph and param bmc_address",
                text("#import-warnings"));
        shoot(Path.of(System.getProperty("underlay.screenshot.dir", "target/screenshots")), "import-dialog.png");

        console.robot.clickOn("#import-apply");
        waitFor(() -> text("#import-summary").startsWith("Imported"));
        assertEquals("Imported stor.csv: added 0, changed 1 (0 unchanged). Nothing else was touched.",
                text("#import-summary"));
        assertEquals(List.of("storage"), stor01().tags());
        assertFalse(stor01().params().containsKey("bmc_address"));
        assertEquals(2222, stor01().sshPort());
        assertTrue(preview().startsWith("Removed (1):\n  machine fra1-stor01 lost tag lab, tag ceph and param "
                + "bmc_address\n\nAdded (0)\n\nChanged (1):\n"), preview());
        assertEquals("Close", fx(() -> console.robot.lookup("#import-cancel").queryAs(javafx.scene.control.Button.class)
                .getText()));
        shoot(Path.of(System.getProperty("underlay.screenshot.dir", "target/screenshots")), "import-dialog-applied.png");
        console.robot.clickOn("#import-cancel");
        waitFor(() -> fx(() -> console.robot.lookup("#import-summary").tryQuery().isEmpty()));
    }

    private void shoot(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        fx(() -> {
            javafx.stage.Window w = console.robot.lookup("#import-preview").query().getScene().getWindow();
            w.setWidth(900); // the size a technician gives it; the headless screen opens it narrower
            w.setHeight(660);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = fx(() -> console.robot.lookup("#import-preview").query().getScene()
                .snapshot(null));
        BufferedImage png = SwingFXUtils.fromFXImage(img, null);
        ImageIO.write(png, "png", folder.resolve(name).toFile());
        assertTrue(Files.size(folder.resolve(name)) > 10_000);
    }
}
