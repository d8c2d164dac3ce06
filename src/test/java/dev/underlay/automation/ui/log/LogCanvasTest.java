package dev.underlay.automation.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.ssh.StreamKind;
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
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The painted rows under Monocle, as a person uses them: click, shift-click and drag select what Copy copies;
 * keys and the wheel move the view and decide following; Ctrl+F goes to the search; a resize shows more rows.
 * Light and dark screenshots of realistic ANSI output are written for a person to look at.
 */
class LogCanvasTest {
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

    private void open(Theme theme, int w, int h) throws Exception {
        vm = fx(() -> new JobLogViewModel(LogFixture.STEPS, new CurrentThreadTaskRunner()));
        stage = fx(() -> {
            Application.setUserAgentStylesheet(theme.userAgentStylesheet());
            Stage s = new Stage();
            pane = new JobLogPane(vm);
            Scene scene = new Scene(pane, w, h);
            scene.getStylesheets().add(Theme.class.getResource(Theme.APP_CSS).toExternalForm());
            s.setScene(scene);
            s.show();
            return s;
        });
    }

    private void feed(List<JobRepository.OutputLine> lines) throws Exception {
        fx(() -> {
            vm.append(lines);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickShiftClickAndDragSelectWhatCopyCopies() throws Exception {
        open(Theme.LIGHT, 1000, 600);
        feed(new LogFixture().step(2, 0, 10)); // 20 rows: all in sight, so the view stays at the top
        LogCanvas c = pane.rows();
        Bounds b = fx(() -> c.localToScreen(c.getLayoutBounds()));
        double x = b.getMinX() + 200;
        robot.moveTo(x, b.getMinY() + LogCanvas.ROW * 2.5).press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        assertEquals(List.of(2, 2), fx(() -> List.of(c.selection().from(), c.selection().to())));
        robot.press(KeyCode.SHIFT).moveTo(x, b.getMinY() + LogCanvas.ROW * 4.5).press(MouseButton.PRIMARY)
                .release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        assertEquals(List.of(2, 4), fx(() -> List.of(c.selection().from(), c.selection().to())));
        String copied = fx(c::selectedText);
        assertEquals(3, copied.lines().count());
        assertTrue(copied.startsWith(fx(() -> vm.row(2).host()) + ": "), copied);
        assertTrue(fx(() -> c.getAccessibleText()).startsWith("row 5, "), "the focused line is said");

        robot.drag(x, b.getMinY() + LogCanvas.ROW * 8.5, MouseButton.PRIMARY).dropTo(x, b.getMinY() + LogCanvas.ROW * 6.5);
        assertEquals(List.of(6, 8), fx(() -> List.of(c.selection().from(), c.selection().to())));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fx(c::selectedText), fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> pane.lookup("#log-search").isFocused()), "Ctrl+F goes to the search");
    }

    @Test
    void keysAndTheWheelMoveTheViewAndDecideFollowing() throws Exception {
        open(Theme.LIGHT, 1000, 600);
        LogFixture data = new LogFixture();
        feed(data.step(100, 0, 20)); // 2,000 rows
        LogCanvas c = pane.rows();
        assertEquals(1999, fx(c::lastVisibleRow), "follows the tail from the start");
        robot.clickOn(c);
        fx(() -> { // the wheel turned up three lines (Monocle's robot reports its wheel the other way round)
            javafx.event.Event.fireEvent(c, new ScrollEvent(ScrollEvent.SCROLL, 100, 100, 100, 100, false, false,
                    false, false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.LINES, 3, 0, null));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> vm.followingProperty().get()), "the wheel up stops following");
        int last = fx(c::lastVisibleRow);
        assertEquals(1996, last, "three lines up");
        feed(data.step(100, 1, 1));
        assertEquals(last, fx(c::lastVisibleRow), "new rows do not move a view scrolled up");

        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(c::firstVisibleRow));
        int page = fx(c::visibleRows);
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(page - 1, fx(c::firstVisibleRow), "a page down keeps one row of the page before");
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> vm.followingProperty().get()), "End follows the tail again");
        feed(data.step(100, 1, 1));
        assertEquals(fx(vm::rowCount) - 1, fx(c::lastVisibleRow).intValue());

        fx(() -> {
            stage.setHeight(stage.getHeight() + 180);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(page + 10, fx(c::visibleRows).intValue(), "a taller window shows more rows");
        assertEquals(fx(vm::rowCount) - 1, fx(c::lastVisibleRow).intValue(), "still at the tail");
    }

    @Test
    void ansiOutputInTheLightAndDarkThemes() throws Exception {
        for (Theme theme : Theme.values()) {
            open(theme, 1100, 420);
            LogFixture data = new LogFixture();
            List<JobRepository.OutputLine> lines = new ArrayList<>(data.step(4, 1, 4));
            String h = LogFixture.host(2);
            lines.add(data.line(h, 1, StreamKind.STDOUT, "\u001b[1mPLAY RECAP\u001b[0m *********************"));
            lines.add(data.line(h, 1, StreamKind.STDOUT, "\u001b[0;33mchanged\u001b[0m: [" + h + "] => (item=kubelet)"));
            lines.add(data.line(h, 1, StreamKind.STDOUT, "\u001b[0;36mskipping\u001b[0m: [" + h + "]  \u001b[0;35m"
                    + "[WARNING]\u001b[0m: \u001b[94mdeprecated\u001b[0m \u001b[92mbright green\u001b[0m "
                    + "\u001b[91mbright red\u001b[0m \u001b[90mgrey\u001b[0m"));
            lines.add(data.line(h, 1, StreamKind.STDERR, "\u001b[31mfatal: [" + h + "]: FAILED! => {\"rc\": 1}\u001b[0m"));
            lines.add(data.line(h, 1, StreamKind.STDOUT, h + " : ok=12 \u001b[0;33mchanged=3\u001b[0m "
                    + "\u001b[0;31mfailed=1\u001b[0m \u001b[0;32mreachable\u001b[0m"));
            feed(lines);
            fx(() -> {
                vm.queryProperty().set("kubelet");
                pane.rows().selection().select(3);
                pane.rows().invalidate();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(fx(pane.rows()::paintedMatches) >= 4, "kubelet is highlighted where it is");
            shoot("job-log-ansi-" + theme.id() + ".png");
            close();
        }
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage png = SwingFXUtils.fromFXImage(fx(() -> stage.getScene().snapshot(null)), null);
        Path d = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir", "target/screenshots")));
        ImageIO.write(png, "png", d.resolve(name).toFile());
        assertTrue(Files.size(d.resolve(name)) > 10_000);
    }
}
