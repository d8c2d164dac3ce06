package dev.underlay.automation.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.automation.ContentService;
import dev.underlay.background.ExecutorTaskRunner;
import dev.underlay.ui.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Automation area clicked through under Monocle: the bundled packs on the demo inventory, a task chosen in the
 * tree, its template rendered for a machine with the param sources beside it, an edit that names an unknown param
 * shown as the render's problem; a screenshot of the scene is written for a person to look at.
 */
class AutomationViewTest {
    final FxRobot robot = new FxRobot();
    @TempDir
    Path dir;
    AppContext ctx;
    ExecutorTaskRunner tasks;
    Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            fx(() -> {
                stage.close();
                return null;
            });
        }
        tasks.close();
        ctx.close();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aTaskRendersForTheChosenMachineAndAnEditShowsItsProblem() throws Exception {
        ctx = AppContext.open(dir, true, Runnable::run);
        for (String b : ContentService.BUNDLED) {
            ctx.content().install(ctx.content().bundled(b), false);
        }
        tasks = new ExecutorTaskRunner("test-automation", 1, Platform::runLater);
        AutomationViewModel vm = fx(() -> new AutomationViewModel(ctx.content(), ctx.automation(),
                ctx.inventory()::inventory, tasks));
        stage = fx(() -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            Stage s = new Stage();
            Scene scene = new Scene(new AutomationView(vm), 1400, 820);
            scene.getStylesheets().add(Theme.class.getResource(Theme.APP_CSS).toExternalForm());
            s.setScene(scene);
            s.show();
            vm.machineProperty().set("fra1-k8s-w01");
            return s;
        });
        robot.clickOn("task baseline-chrony");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#automation-rendered")
                .queryAs(TextArea.class).getText().contains("pool ntp1.fra1.example.internal iburst")));
        String rendered = fx(() -> robot.lookup("#automation-rendered").queryAs(TextArea.class).getText());
        assertTrue(rendered.startsWith("# file /etc/chrony/chrony.conf (mode 0644, owner root:root)\n"), rendered);
        TableView<?> params = robot.lookup("#automation-params").queryAs(TableView.class);
        assertEquals("profile baseline (via k8s-node)", fx(() -> params.getItems().stream()
                .map(r -> (AutomationViewModel.ParamRow) r).filter(r -> r.name().equals("ntp_servers"))
                .findFirst().orElseThrow().source()));
        shoot("automation.png");

        robot.clickOn("#automation-editor").push(KeyCode.CONTROL, KeyCode.END).write("server {{ ntp_pool }}\n");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !robot.lookup("#automation-problem")
                .queryAs(Label.class).getText().isEmpty()));
        assertEquals("task baseline-chrony on fra1-k8s-w01: unknown param ntp_pool (template chrony.conf, line 6)",
                fx(() -> robot.lookup("#automation-problem").queryAs(Label.class).getText()));
        assertFalse(ctx.content().index().tasks().get("baseline-chrony").templates().get(0).body()
                .contains("ntp_pool"), "an edit renders what-if only; the installed task is unchanged");
        shoot("automation-problem.png");
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage png = SwingFXUtils.fromFXImage(fx(() -> stage.getScene().snapshot(null)), null);
        Path d = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir", "target/screenshots")));
        ImageIO.write(png, "png", d.resolve(name).toFile());
        assertTrue(Files.size(d.resolve(name)) > 10_000);
    }
}
