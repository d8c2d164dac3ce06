package dev.underlay.automation.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.automation.facts.MachineFacts;
import dev.underlay.automation.repository.JdbcFactsRepository;
import dev.underlay.background.ExecutorTaskRunner;
import dev.underlay.inventory.Machine;
import dev.underlay.ui.Theme;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The machine form's facts section under Monocle: two stored runs, the newest shown, the older one chosen. */
class MachineFactsViewTest {
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

    static MachineFacts facts(String machine, long job, Instant at, String kernel, long memGib) {
        return new MachineFacts(machine, job, at, machine, "Ubuntu 24.04.1 LTS", "ubuntu", kernel, 8,
                "AMD EPYC 7313P", memGib << 30, List.of(new MachineFacts.Disk("sda", 480L << 30)),
                List.of(new MachineFacts.Nic("eth0", "52:54:00:12:34:56", 9000, List.of("10.0.0.5/24"))));
    }

    String text(String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void theFormShowsTheNewestFactsAndAnOlderRunOnRequest() throws Exception {
        ctx = AppContext.open(dir, true, Runnable::run);
        Machine m = ctx.inventory().inventory().machines().values().iterator().next();
        new JdbcFactsRepository(ctx.database()).addFacts(List.of(
                facts(m.name(), 7, Instant.parse("2026-12-01T10:00:00Z"), "6.8.0-40-generic", 32),
                facts(m.name(), 9, Instant.parse("2026-12-02T11:30:00Z"), "6.8.0-45-generic", 64)));
        tasks = new ExecutorTaskRunner("test-facts", 1, Platform::runLater);
        SimpleObjectProperty<Machine> shown = new SimpleObjectProperty<>();
        stage = fx(() -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            Stage s = new Stage();
            Scene scene = new Scene(new MachineFactsView(new MachineFactsViewModel(ctx.facts(), tasks, shown)),
                    700, 400);
            scene.getStylesheets().add(Theme.class.getResource(Theme.APP_CSS).toExternalForm());
            s.setScene(scene);
            s.show();
            return s;
        });
        fx(() -> {
            shown.set(m);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#fact-kernel").queryAll().isEmpty());
        assertEquals("6.8.0-45-generic", text("#fact-kernel"), "the newest run is shown");
        assertEquals("Ubuntu 24.04.1 LTS", text("#fact-os"));
        assertEquals("8 x AMD EPYC 7313P", text("#fact-cpu"));
        assertEquals("64.0 GiB", text("#fact-memory"));
        assertEquals("sda 480.0 GiB", text("#fact-disks"));
        assertEquals("eth0 52:54:00:12:34:56 10.0.0.5/24 mtu 9000", text("#fact-nics"));
        assertEquals("2026-12-02 11:30:00 UTC by job #9", text("#fact-gathered"));

        assertEquals("2 facts differ since the run of 2026-12-01 10:00:00 UTC by job #7:",
                text("#facts-change-summary"), "the newest run is compared with the one before it");
        assertEquals(List.of("Kernel: 6.8.0-40-generic -> 6.8.0-45-generic", "Memory: 32.0 GiB -> 64.0 GiB"),
                fx(() -> robot.lookup(".fact-change").queryAllAs(Label.class).stream().map(Label::getText).toList()));
        assertTrue(fx(() -> robot.lookup("#fact-kernel").query().getStyleClass().contains("fact-changed")),
                "a changed fact is marked in the grid");
        assertTrue(fx(() -> !robot.lookup("#fact-os").query().getStyleClass().contains("fact-changed")),
                "an unchanged one is not");

        shoot("machine-facts.png");

        ComboBox<?> runs = robot.lookup("#facts-runs").queryAs(ComboBox.class);
        assertEquals(2, fx(() -> runs.getItems().size()), "the history has both runs");
        robot.clickOn("#facts-runs");
        // the same text is on the compare box's button: click the cell of the open drop-down
        robot.clickOn(popupCell("2026-12-01 10:00:00 UTC by job #7"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#fact-kernel").equals("6.8.0-40-generic"));
        assertEquals("32.0 GiB", text("#fact-memory"));
        assertEquals("The oldest run kept: choose a run to compare it with.", text("#facts-change-summary"));
        assertTrue(robot.lookup(".fact-change").queryAll().isEmpty(), "nothing to compare the oldest run with");
        robot.clickOn("#facts-compare");
        robot.clickOn(popupCell("2026-12-02 11:30:00 UTC by job #9"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#facts-change-summary").startsWith("2 facts"));
        assertEquals("2 facts differ from the later run of 2026-12-02 11:30:00 UTC by job #9:",
                text("#facts-change-summary"));
        assertEquals("Kernel: 6.8.0-40-generic -> 6.8.0-45-generic",
                fx(() -> robot.lookup(".fact-change").queryAs(Label.class).getText()), "older value first");

        fx(() -> {
            shown.set(ctx.inventory().inventory().machines().values().stream().skip(1).findFirst().orElseThrow());
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#facts-status").startsWith("No facts"));
        assertTrue(robot.lookup("#fact-kernel").queryAll().isEmpty(), "another machine shows none of these");
    }

    /** The cell showing {@code text} in the drop-down list that is open now (waits until it shows). */
    private javafx.scene.control.ListCell<?> popupCell(String text) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.control.ListCell<?>> found =
                new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            found.set(fx(() -> robot.lookup(".list-view .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                    .stream().filter(c -> text.equals(c.getText()) && c.getScene() != null
                            && c.getScene().getWindow() != null && c.getScene().getWindow().isShowing())
                    .findFirst().orElse(null)));
            return found.get() != null;
        });
        return found.get();
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        java.awt.image.BufferedImage png = javafx.embed.swing.SwingFXUtils.fromFXImage(
                fx(() -> stage.getScene().snapshot(null)), null);
        Path d = java.nio.file.Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir",
                "target/screenshots")));
        javax.imageio.ImageIO.write(png, "png", d.resolve(name).toFile());
    }
}
