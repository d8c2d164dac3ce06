package dev.underlay.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starting and stopping the real console under TestFX/Monocle, and waiting for it. */
final class ConsoleFx {
    final FxRobot robot = new FxRobot();

    UnderlayApp start(Path dataFolder, String... more) throws Exception {
        String[] args = new String[2 + more.length];
        args[0] = "--data";
        args[1] = dataFolder.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        UnderlayApp app = (UnderlayApp) FxToolkit.setupApplication(UnderlayApp.class, args);
        waitFor(() -> fx(() -> app.window() != null));
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    void stop(UnderlayApp app) throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The labels, check boxes and buttons under {@code root} (not table cells) that show their text cut short with
     * an ellipsis: "Wave size, wav…". Call on the FX thread.
     */
    static java.util.List<String> clipped(javafx.scene.Parent root) {
        java.util.List<String> cut = new java.util.ArrayList<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(java.util.List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
            if (n instanceof javafx.scene.control.Labeled l && !(n instanceof javafx.scene.control.Cell<?>)
                    && shownOnScreen(l) && l.getWidth() > 1 && l.getText() != null && !l.getText().isEmpty()
                    && l.lookup(".text") instanceof javafx.scene.text.Text shown
                    && !shown.getText().equals(l.getText()) && shown.getText().endsWith("...")) {
                cut.add(l.getText() + " shown as " + shown.getText());
            }
        }
        return cut;
    }

    private static boolean shownOnScreen(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Clicks the table cell showing exactly this text (a machine's name). */
    void clickCell(String text) throws Exception {
        Predicate<Node> cell = n -> n instanceof TableCell<?, ?> c && text.equals(c.getText()) && n.isVisible();
        waitFor(() -> fx(() -> robot.lookup(".machine-table-view").lookup(cell).tryQuery().isPresent()));
        robot.clickOn(robot.lookup(".machine-table-view").lookup(cell).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces the text of a text field by typing, as a person would. */
    void retype(String query, String text) {
        robot.doubleClickOn(query);
        robot.interact(() -> ((javafx.scene.control.TextInputControl) robot.lookup(query).query()).selectAll());
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
