package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.ui.jobs.JobWindow;
import dev.underlay.automation.ui.log.JobLogViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;

/**
 * The steps the job flows share, whichever view they start from: the lab started with one host's disk full, the
 * health workflow started from a view's context menu on the selection, the failed job awaited, the failed host's log
 * opened from its red cell, and its failure group run again once the fault is gone.
 */
abstract class JobFlowFixture extends ConsoleFxTest {
    static final String FAULTY = "fra1-k8s-w02";

    String text(String query) throws Exception {
        return fx(() -> console.robot.lookup(query).queryAs(Label.class).getText());
    }

    /** A label of the newest job window (several may be open: the first job's and its rerun's). */
    String newest(String id) throws Exception {
        return fx(() -> {
            List<Label> all = console.robot.lookup("#" + id).queryAllAs(Label.class).stream().toList();
            return all.isEmpty() ? "" : all.stream().filter(l -> l.getScene().getWindow().isShowing())
                    .map(Label::getText).reduce((a, b) -> a.compareTo(b) >= 0 ? a : b).orElse("");
        });
    }

    /** Opens the console, starts its lab and fills {@link #FAULTY}'s disk. */
    void openWithFaultyLab() throws Exception {
        app = console.start(dir);
        startLab(() -> console.robot.clickOn("Lab").clickOn("Start lab"));
        waitFor(() -> text("#status-lab").startsWith("Lab: 41 hosts on ports"));
        setFault("diskfull:" + FAULTY);
        waitFor(() -> text("#status-lab").endsWith("faults diskfull:" + FAULTY));
    }

    void setFault(String faults) throws Exception {
        fx(() -> {
            app.window().lab().faultTextProperty().set(faults);
            return app.window().lab().applyFaults();
        });
    }

    /**
     * Right-clicks {@code anchor}, falling back to {@code show} when Monocle turns the click into no context menu
     * request, and waits for a context menu to show.
     */
    void contextMenuOn(Node anchor, Runnable show) throws Exception {
        console.robot.clickOn(anchor, MouseButton.SECONDARY);
        if (!menuShowing()) {
            fx(() -> {
                show.run();
                return null;
            });
        }
        waitFor(this::menuShowing);
    }

    boolean menuShowing() throws Exception {
        return fx(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof ContextMenu && w.isShowing()));
    }

    /** From the context menu that shows: the start dialog, prefilled with {@code target}; health chosen, started. */
    void startHealthFromTheMenu(String target, int hosts) throws Exception {
        console.robot.clickOn("Run workflow or task\u2026");
        waitFor(() -> fx(() -> console.robot.lookup("#job-start-plan").tryQuery().isPresent()));
        assertEquals(target, fx(() -> console.robot.lookup("#job-start-target")
                .queryAs(javafx.scene.control.TextField.class).getText()), "prefilled with the selection");
        assertTrue(text("#job-start-plan-error").startsWith("Choose the workflow or task"));
        javafx.scene.Parent dialog = fx(() -> console.robot.lookup("#job-start-dialog").queryAs(javafx.scene.Parent.class));
        fx(() -> { // narrowed, as on a small screen: the fields give way, the labels stay whole
            dialog.getScene().getWindow().setWidth(760);
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), fx(() -> ConsoleFx.clipped(dialog)), "every label of the start dialog whole");
        fx(() -> {
            dialog.getScene().getWindow().setWidth(980);
            return null;
        });
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> plan = console.robot.lookup("#job-start-plan").queryAs(ComboBox.class);
            plan.getSelectionModel().select("health");
            return null;
        });
        waitFor(() -> text("#job-start-preview").startsWith(hosts + " hosts in one wave:"));
        shoot("#job-start-preview", "job-start.png");
        console.robot.clickOn("#job-start-start");
        waitFor(() -> fx(() -> console.robot.lookup("#job-grid").tryQuery().isPresent()));
    }

    /** Waits for the newest job to fail and returns its window. */
    JobWindow awaitFailed() throws Exception {
        try {
            waitFor(() -> newest("job-state").startsWith("Failed"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the job did not fail: " + newest("job-state") + "; " + newest("job-counts")
                    + "; " + newest("job-title"), e);
        }
        return app.window().jobs().window(latestJob()).orElseThrow();
    }

    /** Clicks {@link #FAULTY}'s first cell in the grid; waits until the log shows that host at that step. */
    JobLogViewModel openFaultyCell(JobWindow window) throws Exception {
        Point2D cell = fx(() -> window.cellOnScreen(FAULTY, 0));
        console.robot.clickOn(cell);
        JobLogViewModel log = fx(() -> window.viewModel().logProperty().get());
        // the pane holds the whole job; the click narrowed it to that host at that step, its failure included
        waitFor(() -> fx(() -> log.filterProperty().get().step() != null && rows(log).stream()
                .anyMatch(t -> t.contains("healthy when / is at most")) && rows(log).stream()
                .anyMatch(t -> t.startsWith("step 1 ") && t.contains(": failed (exit "))));
        assertEquals(List.of(FAULTY), fx(() -> hostsShown(log)), "only the clicked host's lines");
        assertEquals(0, fx(() -> log.filterProperty().get().step()));
        return log;
    }

    /** Clears the fault, clicks the failure group's rerun, waits for the rerun to succeed; the rerun's id. */
    long rerunTheFailedGroup() throws Exception {
        setFault("");
        long first = latestJob();
        console.robot.clickOn(console.robot.lookup(".job-rerun-group").<Node>query());
        waitFor(() -> latestJob() != first);
        long rerun = latestJob();
        waitFor(() -> fx(() -> app.window().jobs().window(rerun).map(w -> w.viewModel().statusProperty().get())
                .orElse("")).startsWith("Succeeded"));
        assertEquals("0 queued, 0 running, 1 ok, 0 failed, 0 skipped, 0 cancelled", fx(() -> app.window().jobs()
                .window(rerun).orElseThrow().viewModel().countsProperty().get()));
        assertEquals(first, app.context().jobs().find(rerun).orElseThrow().parent(),
                "the rerun links to the job it reruns");
        return rerun;
    }

    static List<String> rows(JobLogViewModel log) {
        List<String> out = new java.util.ArrayList<>();
        for (int r = 0; r < log.rowCount(); r++) {
            out.add(log.row(r).text());
        }
        return out;
    }

    static List<String> hostsShown(JobLogViewModel log) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (int r = 0; r < log.rowCount(); r++) {
            out.add(log.row(r).host());
        }
        return List.copyOf(out);
    }

    long latestJob() throws Exception {
        return fx(() -> app.context().jobs().list(1).stream().findFirst().map(JobRepository.JobSummary::id)
                .orElse(-1L));
    }

    /** Saves the scene of {@code node} as {@code name} in the screenshot folder. */
    void shoot(String node, String name) throws Exception {
        Scene scene = fx(() -> console.robot.lookup(node).query().getScene());
        shootScene(scene, name);
    }

    static void shootScene(Scene scene, String name) throws Exception {
        Path folder = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir",
                "target/screenshots")));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        BufferedImage png = SwingFXUtils.fromFXImage(fx(() -> scene.snapshot(null)), null);
        ImageIO.write(png, "png", folder.resolve(name).toFile());
        assertTrue(Files.size(folder.resolve(name)) > 10_000);
    }
}
