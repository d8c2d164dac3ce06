package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.ssh.HostKeyReview;
import dev.underlay.ssh.HostKeyStatus;
import dev.underlay.ssh.ui.HostRun;
import dev.underlay.ui.ThemeViewModel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the README screenshots from the real scene with the demo inventory: {@code console.png} (light) and
 * {@code console-dark.png}, into the folder named by the system property {@code underlay.screenshot.dir}:
 * {@code target/screenshots} in every build (so a test run leaves the checkout as it was), {@code assets/screenshots}
 * when the README's are refreshed with {@code mvn -q test -Dtest=ScreenshotTest
 * -Dunderlay.screenshot.dir=assets/screenshots}.
 */
class ScreenshotTest extends ConsoleFxTest {
    private static Path screenshotDir() throws Exception {
        Path d = Path.of(System.getProperty("underlay.screenshot.dir", "target/screenshots"));
        return Files.createDirectories(d);
    }

    private BufferedImage shoot(String name) throws Exception {
        return shoot(screenshotDir(), name);
    }

    private BufferedImage shoot(Path folder, String name) throws Exception {
        return shoot(folder, name, "#nav");
    }

    /** Writes the scene of the window holding the node found by {@code query}. */
    private BufferedImage shoot(Path folder, String name, String query) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = fx(() -> {
            Scene scene = console.robot.lookup(query).query().getScene();
            return scene.snapshot(null);
        });
        BufferedImage png = SwingFXUtils.fromFXImage(img, null);
        Path file = folder.resolve(name);
        ImageIO.write(png, "png", file.toFile());
        assertTrue(Files.size(file) > 10_000, file + " has content");
        return png;
    }

    @Test
    void consoleWithSelectedMachineInLightAndDarkTheme() throws Exception {
        app = console.start(dir, "--data-label", "~/underlay-demo");
        console.clickCell("fra1-gpu01");
        waitFor(() -> fx(() -> console.robot.lookup("#param-table").queryAs(TableView.class).getItems().size() > 5));
        assertEquals(List.of("fra1-gpu01"), fx(() -> app.window().machinesView().tableView().table()
                .getSelectionModel().getSelectedItems().stream().map(m -> m.name()).toList()),
                "the screenshot shows fra1-gpu01 selected, its params beside it");
        BufferedImage light = shoot("console.png");
        assertEquals(1440, light.getWidth());
        assertEquals(900, light.getHeight());

        console.robot.clickOn("View").clickOn("Dark theme");
        waitFor(() -> fx(() -> app.window().theme().theme() == dev.underlay.ui.Theme.DARK));
        waitFor(() -> fx(() -> app.context().settings().get(ThemeViewModel.SETTING)
                .equals(Optional.of("dark"))));
        BufferedImage dark = shoot("console-dark.png");
        int lightBg = brightness(light.getRGB(1300, 880));
        int darkBg = brightness(dark.getRGB(1300, 880));
        assertTrue(darkBg < lightBg, "the dark theme is darker: " + darkBg + " vs " + lightBg);
    }

    @Test
    void profilesAndClustersAreasShowTheDemo() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("#nav-profiles");
        console.robot.clickOn("gpu");
        waitFor(() -> fx(() -> console.robot.lookup("#profile-param-table").queryAs(TableView.class).getItems()
                .size() == 1));
        Path target = Files.createDirectories(Path.of("target", "screenshots"));
        shoot(target, "profiles.png");
        console.robot.clickOn("#nav-clusters");
        console.robot.clickOn("fra1-k8s");
        waitFor(() -> fx(() -> console.robot.lookup("#cluster-member-table").queryAs(TableView.class).getItems()
                .size() == 15));
        shoot(target, "clusters.png");
    }

    @Test
    void runCommandOnTheFortyOneLabHostsAndHostKeyReview() throws Exception {
        app = console.start(dir, "--data-label", "~/underlay-demo");
        startLab(() -> console.robot.clickOn("#tool-lab"));
        fx(() -> {
            app.window().lab().faultTextProperty().set("refuse:fra1-db03,fail=uname:fra1-web04|fra1-k8s-w02,"
                    + "hostkey:fra1-gpu02");
            return app.window().lab().applyFaults();
        });
        waitFor(() -> fx(() -> app.window().lab().statusTextProperty().get().contains("refuse")));
        console.robot.clickOn("#tool-run-command");
        waitFor(() -> fx(() -> console.robot.lookup("#run-command").tryQuery().isPresent()));
        console.robot.clickOn("#run-command").write("uname -a");
        console.robot.clickOn("#run-start");
        waitFor(() -> fx(() -> console.robot.lookup("#run-progress").queryAs(Label.class).getText()
                .startsWith("41/41 done")));
        fx(() -> { // problems first, as a technician sorts after a run
            @SuppressWarnings("unchecked")
            TableView<Object> hosts = console.robot.lookup("#run-hosts").queryAs(TableView.class);
            javafx.scene.control.TableColumn<Object, ?> state = hosts.getColumns().get(1);
            state.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            hosts.getSortOrder().setAll(java.util.List.of(state));
            return null;
        });
        // what the screenshot shows: every host in the table, the faulted ones and only they not ok, problems
        // first, and the summary naming each failed host under its cause
        assertTrue(text("#run-progress").startsWith("41/41 done, 37 ok, 2 exited non-zero, 2 failed in "),
                text("#run-progress"));
        @SuppressWarnings("unchecked")
        TableView<HostRun> hosts = console.robot.lookup("#run-hosts").queryAs(TableView.class);
        assertEquals(41, fx(() -> hosts.getItems().size()));
        Map<String, HostRun.State> notOk = fx(() -> hosts.getItems().stream().filter(h -> h.state() != HostRun.State.OK)
                .collect(Collectors.toMap(HostRun::host, HostRun::state)));
        assertEquals(Map.of("fra1-db03", HostRun.State.FAILED, "fra1-gpu02", HostRun.State.FAILED,
                "fra1-web04", HostRun.State.EXIT, "fra1-k8s-w02", HostRun.State.EXIT), notOk);
        assertEquals(notOk.keySet(), fx(() -> hosts.getItems().subList(0, 4).stream().map(HostRun::host)
                .collect(Collectors.toSet())), "the problems are the first rows");
        List<String> summary = text("#run-summary").lines().toList();
        assertEquals("37 of 41 hosts ok, 4 not:", summary.get(0));
        assertEquals("exit 1 (2): fra1-k8s-w02, fra1-web04", summary.get(1));
        assertTrue(summary.get(2).startsWith("connection refused (1): fra1-db03 — "), summary.get(2));
        assertTrue(summary.get(3).startsWith("host key changed (1): fra1-gpu02 — "), summary.get(3));
        assertEquals(4, summary.size(), summary.toString());
        shoot(screenshotDir(), "run-command.png", "#run-output");
        fx(() -> {
            console.robot.lookup("#run-output").query().getScene().getWindow().hide();
            return null;
        });

        console.robot.clickOn("#tool-host-keys");
        waitFor(() -> fx(() -> console.robot.lookup("#host-key-table").tryQuery().isPresent()
                && console.robot.lookup("#host-key-table").queryAs(TableView.class).getItems().size() == 41));
        @SuppressWarnings("unchecked")
        TableView<HostKeyReview> keys = console.robot.lookup("#host-key-table").queryAs(TableView.class);
        waitFor(() -> fx(() -> keys.getItems().stream().noneMatch(r -> r.status() == null)));
        assertEquals(Map.of("fra1-gpu02", HostKeyStatus.CHANGED, "fra1-db03", HostKeyStatus.FAILED),
                fx(() -> keys.getItems().stream().filter(r -> r.status() != HostKeyStatus.KNOWN)
                        .collect(Collectors.toMap(HostKeyReview::name, HostKeyReview::status))),
                "the replaced key shows CHANGED, the refusing host FAILED, every other host KNOWN");
        shoot(screenshotDir(), "host-keys.png", "#host-key-table");
    }

    private String text(String query) throws Exception {
        return fx(() -> console.robot.lookup(query).queryAs(Label.class).getText());
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }
}
