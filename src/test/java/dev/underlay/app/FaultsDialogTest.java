package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.lab.ui.LabViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lab > Faults… as a technician uses it (on a running lab): the syntax help shown whole, presets that add up, each fault with the
 * lab hosts it hits and a Remove button. Saves {@code target/screenshots/faults-dialog.png}.
 */
class FaultsDialogTest extends ConsoleFxTest {
    @Test
    void presetsAddUpAndEachFaultShowsTheHostsItHits() throws Exception {
        app = console.start(dir);
        startLab(() -> {
            try {
                fx(() -> {
                    app.window().lab().start();
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        console.robot.clickOn("Lab").clickOn("Faults…");
        waitFor(() -> fx(() -> console.robot.lookup("#fault-spec").tryQuery().isPresent()));
        console.robot.clickOn(LabViewModel.PRESETS.get(0).label());
        console.robot.clickOn(LabViewModel.PRESETS.get(2).label());
        console.robot.clickOn("#fault-spec").write(", slow=300ms:fra1-db*");
        waitFor(() -> fx(() -> spec().equals("refuse:10%, fail=uname:10%, slow=300ms:fra1-db*")));
        waitFor(() -> fx(() -> console.robot.lookup("#fault-hit-2").tryQuery().isPresent()));
        assertEquals("3 of 41 lab hosts: fra1-db[01-03]", fx(() -> label("#fault-hit-2").getText()));
        assertTrue(fx(() -> label("#fault-hit-0").getText()).startsWith("4 of 41 lab hosts: "),
                fx(() -> label("#fault-hit-0").getText()));

        Label help = fx(() -> label("#fault-help"));
        assertTrue(fx(() -> help.getHeight() >= help.prefHeight(help.getWidth()) - 0.5),
                "the syntax help is as tall as its wrapped lines, not cut");
        assertTrue(fx(() -> help.getLayoutBounds().getWidth() > 0 && isInsideItsWindow(help)),
                "the help is inside the dialog");
        save("faults-dialog.png");

        console.robot.clickOn("#fault-remove-1");
        waitFor(() -> fx(() -> spec().equals("refuse:10%, slow=300ms:fra1-db*")));
        console.robot.clickOn("Close");
    }

    private String spec() {
        return console.robot.lookup("#fault-spec").queryAs(TextField.class).getText();
    }

    private Label label(String query) {
        return console.robot.lookup(query).queryAs(Label.class);
    }

    private static boolean isInsideItsWindow(Node n) {
        var b = n.localToScene(n.getLayoutBounds());
        Window w = n.getScene().getWindow();
        return b.getMinX() >= 0 && b.getMaxX() <= w.getWidth() && b.getMaxY() <= w.getHeight();
    }

    private void save(String file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path d = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir",
                "target/screenshots")));
        var image = fx(() -> console.robot.lookup("#fault-spec").query().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", d.resolve(file).toFile());
    }
}
