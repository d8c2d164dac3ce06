package dev.underlay.automation.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.automation.ContentService;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.automation.repository.JdbcJobRepository;
import dev.underlay.background.ExecutorTaskRunner;
import dev.underlay.ui.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
 * shown as the render's problem; a screenshot of the scene is written for a person to look at. A pack's removal:
 * Enter in the confirmation cancels, a job of the pack not ended refuses it, and once that job has ended the
 * context menu's removal takes the pack out of the tree.
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
        open();
        assertTrue(fx(() -> ((javafx.scene.control.Label) robot.lookup("#automation-params").queryAs(TableView.class)
                .getPlaceholder()).getText().startsWith("Choose a task")), "not JavaFX's \"No content in table\"");
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

    @Test
    void removingAPackAsksWithCancelAsDefaultIsRefusedWhileItsJobRunsAndRefreshesTheList() throws Exception {
        ctx = AppContext.open(dir, true, Runnable::run);
        for (String b : ContentService.BUNDLED) {
            ctx.content().install(ctx.content().bundled(b), false);
        }
        JdbcJobRepository jobs = new JdbcJobRepository(ctx.database());
        jobs.create(new JobRepository.NewJob("health on all", "health", JobTarget.query("all"), JobOptions.DEFAULTS,
                null, Instant.now(), List.of("health-disk"), List.of(List.of("fra1-web01")), JobState.RUNNING));
        tasks = new ExecutorTaskRunner("test-automation", 1, Platform::runLater);
        open();
        robot.clickOn("health 1.1.0");
        robot.clickOn("#automation-remove-pack");
        waitFor(() -> dialogButton("Remove") != null);
        DialogPane pane = fx(() -> (DialogPane) dialogButton("Remove").getScene().getRoot());
        assertTrue(fx(() -> pane.getContentText().isEmpty() && text(pane).startsWith("Remove content pack health "
                + "1.1.0? Its 4 tasks, 1 stages and 1 workflows go")), () -> text(pane));
        assertTrue(fx(() -> ((Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL)).isDefaultButton()));
        assertFalse(fx(() -> dialogButton("Remove").isDefaultButton()));
        robot.type(KeyCode.ENTER); // Enter is Cancel
        waitFor(() -> dialogButton("Remove") == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ctx.content().index().packs().containsKey("health"));
        assertEquals("", fx(() -> label("#automation-pack-message")));

        robot.clickOn("#automation-remove-pack");
        waitFor(() -> dialogButton("Remove") != null);
        robot.clickOn(fx(() -> dialogButton("Remove")));
        waitFor(() -> dialogButton("Close") != null);
        String refusal = "a running job uses content pack health (health): let it end or cancel it first; nothing "
                + "removed";
        assertEquals(refusal, fx(() -> text((DialogPane) dialogButton("Close").getScene().getRoot())));
        robot.clickOn(fx(() -> dialogButton("Close")));
        assertEquals(refusal, fx(() -> label("#automation-pack-message")));
        assertTrue(ctx.content().index().packs().containsKey("health"));
        assertTrue(fx(() -> treeHas("health 1.1.0")));

        assertEquals(1, jobs.markInterrupted(Instant.now())); // the job has ended
        Node cell = robot.lookup("health 1.1.0").query();
        robot.clickOn(cell, MouseButton.SECONDARY); // the tree's context menu, not the button
        if (!fx(() -> tree().getContextMenu().isShowing())) { // Monocle may turn the click into no menu request
            fx(() -> {
                javafx.geometry.Point2D at = cell.localToScreen(5, 5);
                cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, at.getX(),
                        at.getY(), false, null));
                return null;
            });
        }
        waitFor(() -> contextItem("Remove pack…") != null);
        robot.clickOn(fx(() -> contextItem("Remove pack…")));
        waitFor(() -> dialogButton("Remove") != null);
        robot.clickOn(fx(() -> dialogButton("Remove")));
        waitFor(() -> !fx(() -> treeHas("health 1.1.0")));
        assertEquals("removed content pack health 1.1.0: 4 tasks, 1 stages, 1 workflows (its params and profiles "
                + "stay in the inventory)", fx(() -> label("#automation-pack-message")));
        assertFalse(ctx.content().index().packs().containsKey("health"));
        assertTrue(fx(() -> treeHas("baseline 1.0.0")));
        assertTrue(fx(() -> robot.lookup("#automation-remove-pack").queryAs(Button.class).isDisabled()),
                "nothing selected after the refresh: nothing to remove");
        shoot("automation-pack-removed.png");
    }

    private AutomationViewModel open() throws Exception {
        AutomationViewModel vm = fx(() -> new AutomationViewModel(ctx.content(), ctx.automation(),
                ctx.inventory()::inventory, tasks, ctx.jobs()::unendedPlanNames));
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
        return vm;
    }

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(c));
    }

    /** A button of an open dialog by its text, or null. */
    private Button dialogButton(String text) {
        return robot.lookup((Node n) -> n instanceof Button b && text.equals(b.getText())
                && b.getScene().getRoot() instanceof DialogPane).tryQuery().map(n -> (Button) n).orElse(null);
    }

    /** The label of an item of a showing context menu, or null. */
    private Node contextItem(String text) {
        return robot.lookup((Node n) -> n instanceof Label l && text.equals(l.getText())
                && n.getScene().getWindow() instanceof javafx.scene.control.ContextMenu).tryQuery().orElse(null);
    }

    private static String text(DialogPane pane) {
        return pane.lookupAll(".dialog-message").stream().map(n -> ((Label) n).getText())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private TreeView<?> tree() {
        return robot.lookup("#automation-tree").queryAs(TreeView.class);
    }

    private boolean treeHas(String title) {
        return tree().getRoot().getChildren().stream().anyMatch(i -> title.equals(i.getValue()));
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage png = SwingFXUtils.fromFXImage(fx(() -> stage.getScene().snapshot(null)), null);
        Path d = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir", "target/screenshots")));
        ImageIO.write(png, "png", d.resolve(name).toFile());
        assertTrue(Files.size(d.resolve(name)) > 10_000);
    }
}
