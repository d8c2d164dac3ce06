package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.about.BuildInfo;
import dev.underlay.about.BundledLibrary;
import dev.underlay.db.DataFolders;
import dev.underlay.ui.ShortcutsViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.Clipboard;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Help > Keyboard shortcuts and Help > About in the real console, clicked as a technician would. */
class HelpMenuTest extends ConsoleFxTest {
    @Test
    void aboutShowsTheBuildTheDataFolderAndTheBundledLicences() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("Help").clickOn("About Underlay");
        waitFor(() -> fx(() -> console.robot.lookup("#about-libraries").tryQuery().isPresent()
                && !console.robot.lookup("#about-libraries").queryAs(TableView.class).getItems().isEmpty()));
        assertEquals("Version " + BuildInfo.current().describe(),
                fx(() -> console.robot.lookup("#about-version").queryAs(Label.class).getText()));
        assertTrue(fx(() -> console.robot.lookup("#about-runtime").queryAs(Label.class).getText())
                .startsWith("Java 17"));
        assertEquals(dir.toString(), fx(() -> console.robot.lookup("#about-data-folder").queryAs(TextField.class)
                .getText()), "the folder this console has open");
        assertEquals(DataFolders.keys().toString(), fx(() -> console.robot.lookup("#about-keys-folder")
                .queryAs(TextField.class).getText()));
        @SuppressWarnings("unchecked")
        List<BundledLibrary> libs = fx(() -> List.copyOf(console.robot.lookup("#about-libraries")
                .queryAs(TableView.class).getItems()));
        assertTrue(libs.stream().anyMatch(l -> l.artifact().equals("h2") && l.licence().equals("MPL-2.0 OR EPL-1.0")),
                libs.toString());
        shoot("about.png");

        console.robot.clickOn("#about-copy");
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.startsWith("Underlay " + BuildInfo.current().describe() + "\n"), copied);
        assertTrue(copied.contains("Data folder: " + dir + "\n") && copied.contains("org.apache.sshd:sshd-core:"),
                copied);

        console.robot.clickOn("#about-close");
        waitFor(() -> fx(() -> console.robot.lookup("#about-dialog").tryQuery().isEmpty()));
    }

    @Test
    void f1ListsTheKeyboardShortcutsOfTheMenus() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("#machine-table").type(KeyCode.F1);
        waitFor(() -> fx(() -> console.robot.lookup("#shortcuts-table").tryQuery().isPresent()));
        @SuppressWarnings("unchecked")
        List<ShortcutsViewModel.Row> rows = fx(() -> List.copyOf(console.robot.lookup("#shortcuts-table")
                .queryAs(TableView.class).getItems()));
        assertTrue(rows.contains(new ShortcutsViewModel.Row("Machines", "Find machines (the search box)",
                dev.underlay.ui.Shortcuts.FIND.getDisplayText())), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.action().startsWith("Run a command")), rows.toString());
        shoot("shortcuts.png");
        console.robot.type(KeyCode.ESCAPE);
        waitFor(() -> fx(() -> console.robot.lookup("#shortcuts-table").tryQuery().isEmpty()));
        assertFalse(fx(() -> Window.getWindows().stream().anyMatch(w -> w.isShowing()
                && w.getScene().lookup("#shortcuts-table") != null)));
    }

    private void shoot(String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        BufferedImage png = SwingFXUtils.fromFXImage(fx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && (w.getScene().lookup("#about-dialog") != null
                        || w.getScene().lookup("#shortcuts-table") != null))
                .findFirst().orElseThrow().getScene().snapshot(null)), null);
        ImageIO.write(png, "png", folder.resolve(name).toFile());
    }
}
