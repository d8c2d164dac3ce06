package dev.underlay.automation.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.ssh.StepState;
import dev.underlay.ui.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The log viewer under Monocle with 100,000 lines of 500 hosts: it follows the tail, stops when the wheel moves it
 * up, finds and highlights a search hit, filters to one host, shows the groups of a step and the outliers; the rows
 * are painted, no node per row. Screenshots are written for a person to look at.
 */
class JobLogPaneTest {
    final FxRobot robot = new FxRobot();
    Stage stage;
    JobLogViewModel vm;
    JobLogPane pane;

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
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    @Test
    void aHundredThousandLinesScrollSearchFilterAndGroup() throws Exception {
        LogFixture data = new LogFixture();
        vm = fx(() -> new JobLogViewModel(LogFixture.STEPS, new CurrentThreadTaskRunner()));
        stage = fx(() -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            Stage s = new Stage();
            pane = new JobLogPane(vm);
            Scene scene = new Scene(pane, 1260, 760);
            scene.getStylesheets().add(Theme.class.getResource(Theme.APP_CSS).toExternalForm());
            s.setScene(scene);
            s.show();
            return s;
        });
        for (int step = 0; step < 4; step++) { // 500 hosts x 50 lines x 4 steps = 100,000 lines, a batch a pulse
            int k = step;
            List<JobListener.StepResult> starts = new ArrayList<>();
            List<JobListener.StepResult> ends = new ArrayList<>();
            for (int h = 1; h <= 500; h++) {
                starts.add(LogFixture.result(LogFixture.host(h), k, StepState.RUNNING));
                ends.add(LogFixture.result(LogFixture.host(h), k, h % 100 == 13 ? StepState.FAILED : StepState.OK));
            }
            List<dev.underlay.automation.jobs.JobRepository.OutputLine> lines = data.step(500, k, 50);
            fx(() -> {
                vm.steps(starts);
                return null;
            });
            for (int from = 0; from < lines.size(); from += 5_000) {
                List<dev.underlay.automation.jobs.JobRepository.OutputLine> batch = lines.subList(from, from + 5_000);
                fx(() -> {
                    vm.append(batch);
                    return null;
                });
                WaitForAsyncUtils.waitForFxEvents();
            }
            if (k < 3) {
                fx(() -> {
                    vm.steps(ends);
                    return null;
                });
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        LogCanvas list = pane.rows();
        assertEquals(100_000 + 4 * 500 + 3 * 500, fx(vm::rowCount));
        shoot("job-log-tail.png");
        assertEquals(vm.rowCount() - 1, fx(list::lastVisibleRow), "the tail is followed");
        int nodes = fx(() -> list.lookupAll("*").size());
        assertTrue(nodes < 80, "painted, no node per row: " + nodes + " nodes for 103,500 rows");

        robot.clickOn(list).push(KeyCode.PAGE_UP).push(KeyCode.PAGE_UP).push(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !vm.followingProperty().get()));
        int before = fx(list::lastVisibleRow);
        fx(() -> {
            vm.append(data.step(500, 3, 1));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, fx(list::lastVisibleRow), "scrolled up: new lines do not move the view");

        robot.clickOn("#log-search").write("could not get lock").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int hit = fx(vm::match);
        assertTrue(hit >= 0);
        assertTrue(fx(() -> vm.row(hit).text()).contains("Could not get lock"));
        assertEquals(List.of(hit, hit), fx(() -> List.of(list.selection().from(), list.selection().to())));
        assertTrue(fx(() -> list.firstVisibleRow() <= hit && hit <= list.lastVisibleRow()), "the hit is in view");
        assertTrue(fx(list::paintedMatches) > 0, "the match is highlighted");
        shoot("job-log-search.png");

        fx(() -> {
            vm.groups().choose(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("step 2 install packages: 490 hosts printed the same; 10 differ (2 other outputs)",
                fx(() -> vm.groups().steps().get(1).toString()));
        robot.clickOn("#log-outliers");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10 * 52, fx(vm::rowCount), "ten hosts: 50 lines, the start and the end of step 2 each");
        assertEquals("10 hosts", fx(() -> ((javafx.scene.control.ComboBox<?>) pane.lookup("#log-host")).getPromptText()));
        shoot("job-log-outliers.png");

        fx(() -> {
            vm.show(LogFixture.host(42), null);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4 * 50 + 4 + 3 + 1, fx(vm::rowCount), "one host: its lines of four steps, starts and ends");
        assertEquals("fra1-k8s-w042", fx(() -> pane.lookup("#log-host").getClass() != null
                ? ((javafx.scene.control.ComboBox<?>) pane.lookup("#log-host")).getValue().toString() : ""));
        assertEquals("fra1-k8s-w042", fx(() -> dev.underlay.testing.ComboText.of(pane.lookup("#log-host"))),
                "the host box shows the host");
        assertEquals(501, fx(() -> ((javafx.scene.control.ComboBox<?>) pane.lookup("#log-host")).getItems().size()),
                "all hosts and every host to choose from, those printed before the box was made too");
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage png = SwingFXUtils.fromFXImage(fx(() -> stage.getScene().snapshot(null)), null);
        Path d = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir", "target/screenshots")));
        ImageIO.write(png, "png", d.resolve(name).toFile());
        assertTrue(Files.size(d.resolve(name)) > 10_000);
    }
}
