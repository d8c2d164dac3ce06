package dev.underlay.automation.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobListener.StepResult;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import dev.underlay.ui.Theme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The job grid of a 60-step workflow with long step names in a narrow window, under Monocle: its steps scroll
 * sideways (shift+wheel, the horizontal bar) under the host column, which stays; a click on the last step's cell
 * chooses that host at that step, a click on a name that host. The canvases' colours follow the theme.
 */
class JobGridScrollTest {
    static final int HOSTS = 30;
    static final int STEPS = 60;
    final FxRobot robot = new FxRobot();
    final List<String> chosen = new ArrayList<>();
    Stage stage;
    JobGrid grid;
    CanvasColours colours;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            if (stage != null) {
                stage.close();
            }
            return null;
        });
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    static JobProgress progress(int steps) {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            labels.add("packs/health/check-filesystem-usage-and-inode-headroom-" + k);
        }
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        var summary = new JobRepository.JobSummary(1, "wide", "wide", JobTarget.query("all"), JobOptions.DEFAULTS,
                JobState.RUNNING, "", null, t0, null, labels, HOSTS, 0, 0);
        List<JobRepository.HostRow> rows = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            rows.add(new JobRepository.HostRow(String.format(Locale.ROOT, "host%04d", i), i, 0,
                    HostRunState.ACTIVE));
        }
        JobProgress p = new JobProgress(summary, rows, List.of());
        for (int i = 0; i < HOSTS; i++) {
            for (int k = 0; k < steps; k++) {
                StepState s = k < steps - 1 ? StepState.OK : i == 3 ? StepState.FAILED : StepState.RUNNING;
                p.apply(new JobEvent.StepChanged(1, new StepResult(rows.get(i).host(), k, 1, s,
                        t0.plusSeconds(k), s.isFinal() ? t0.plusSeconds(k + 1) : null, 0, "", "", "")));
            }
        }
        return p;
    }

    private void open(Theme theme, double width, int steps) throws Exception {
        JobProgress p = progress(steps);
        stage = fx(() -> {
            Application.setUserAgentStylesheet(theme.userAgentStylesheet());
            colours = new CanvasColours();
            grid = new JobGrid(colours);
            colours.onChange(grid::redraw);
            grid.setOnChoose((h, s) -> chosen.add(h + " " + s));
            Scene scene = new Scene(new StackPane(grid), width, 420);
            scene.getStylesheets().add(Theme.class.getResource(Theme.APP_CSS).toExternalForm());
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            grid.show(p);
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ScrollBar sidewaysBar() throws Exception {
        return fx(() -> grid.getChildrenUnmodifiable().stream().filter(n -> n instanceof ScrollBar b
                && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()).map(ScrollBar.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no horizontal scroll bar in sight")));
    }

    private void clickCanvas(double x, double y) throws Exception {
        robot.clickOn(fx(() -> grid.localToScreen(x, y)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theLastOfSixtyStepsScrollsIntoANarrowWindowAndAClickThereChoosesThatHostAndStep() throws Exception {
        open(Theme.LIGHT, 520, STEPS);
        ScrollBar bar = sidewaysBar();
        assertEquals(0, fx(bar::getValue), 0.01);
        assertTrue(fx(bar::getMax) > 1000, "60 steps of at least 26 px are wider than the window");

        // shift+wheel: sideways by the wheel's delta
        fx(() -> {
            javafx.event.Event.fireEvent(grid, new ScrollEvent(ScrollEvent.SCROLL, 300, 100, 300, 100, true, false,
                    false, false, false, false, 0, -40, 0, -40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.LINES, 3, 0, null));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40, fx(bar::getValue), 0.01, "shift+wheel scrolls sideways");
        assertEquals(0, fx(() -> grid.scroll.getValue()), 0.01, "and not down");

        // the bar's thumb dragged to its right end: the last step in sight
        Node thumb = fx(() -> bar.lookup(".thumb"));
        var end = fx(() -> bar.localToScreen(bar.getWidth() + 200, bar.getHeight() / 2));
        robot.drag(thumb).dropTo(end);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fx(bar::getMax), fx(bar::getValue), 0.01, "scrolled to the last step");

        // the last column ends 4 px inside the canvas's right edge; row 3 is host0003's (one wave: no wave row)
        double right = fx(() -> grid.canvas.getWidth()) - 4;
        double row3 = HostRowsCanvas.HEADER + 3.5 * HostRowsCanvas.ROW;
        clickCanvas(right - 6, row3);
        assertEquals(List.of("host0003 " + (STEPS - 1)), chosen, "the last step's cell of host0003");

        // the host column stayed on the left: a click on a name chooses that host
        clickCanvas(20, HostRowsCanvas.HEADER + 5.5 * HostRowsCanvas.ROW);
        assertEquals("host0005 -1", chosen.get(chosen.size() - 1));

        // a cell asked for by its host and step (a failure group's) scrolls back into sight and is clicked
        var first = fx(() -> grid.localToScreen(grid.cellCentre("host0007", 0)));
        assertTrue(fx(bar::getValue) < fx(bar::getMax), "scrolled back towards the first step");
        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("host0007 0", chosen.get(chosen.size() - 1));
    }

    @Test
    void stepsThatFitShowWithoutASidewaysBar() throws Exception {
        open(Theme.LIGHT, 1000, 12);
        assertFalse(fx(() -> grid.getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof ScrollBar b
                && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible())), "12 steps fit in 1,000 px");
        clickCanvas(fx(() -> grid.canvas.getWidth()) - 10, HostRowsCanvas.HEADER + 2.5 * HostRowsCanvas.ROW);
        assertEquals(List.of("host0002 11"), chosen, "the last of 12 columns ends at the right edge");
    }

    @Test
    void theCanvasColoursFollowTheTheme() throws Exception {
        open(Theme.LIGHT, 520, STEPS);
        assertTrue(brightness(fx(() -> colours.background())) > 0.8, "light background");
        int light = fx(() -> grid.canvas.snapshot(null, null).getPixelReader().getArgb(3, 3));
        fx(() -> {
            Application.setUserAgentStylesheet(Theme.DARK.userAgentStylesheet());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(brightness(fx(() -> colours.background())) < 0.3, "dark background");
        assertTrue(brightness(fx(() -> colours.text())) > 0.7, "light text on it");
        assertTrue(brightness(fx(() -> colours.muted())) > 0.45, "muted text still readable");
        int dark = fx(() -> grid.canvas.snapshot(null, null).getPixelReader().getArgb(3, 3));
        assertTrue(luma(dark) < 80 && luma(light) > 200, "the canvas redrew: " + Integer.toHexString(light) + " then "
                + Integer.toHexString(dark));
    }

    static double brightness(javafx.scene.paint.Paint p) {
        return ((Color) p).getBrightness();
    }

    static int luma(int argb) {
        return ((argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF)) / 3;
    }
}
