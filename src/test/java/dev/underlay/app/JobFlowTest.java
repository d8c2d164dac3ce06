package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.ui.jobs.JobsViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Jobs as a technician runs them: select lab machines, start the health workflow from the context menu, watch the
 * grid turn ok but for the host given a full disk, open that host's log from its red cell, and rerun its failure
 * group; the Jobs area lists both jobs. Screenshots of the job window are saved and looked at.
 */
class JobFlowTest extends ConsoleFxTest {
    private static final String FAULTY = "fra1-k8s-w02";

    private String text(String query) throws Exception {
        return fx(() -> console.robot.lookup(query).queryAs(Label.class).getText());
    }

    /** A label of the newest job window (several may be open: the first job's and its rerun's). */
    private String newest(String id) throws Exception {
        return fx(() -> {
            List<Label> all = console.robot.lookup("#" + id).queryAllAs(Label.class).stream().toList();
            return all.isEmpty() ? "" : all.stream().filter(l -> l.getScene().getWindow().isShowing())
                    .map(Label::getText).reduce((a, b) -> a.compareTo(b) >= 0 ? a : b).orElse("");
        });
    }

    @Test
    void startHealthOnLabMachinesFromTheContextMenuOpenTheFailedCellsLogAndRerunItsGroup() throws Exception {
        app = console.start(dir);
        // the console's first start installed the bundled packs: the start dialog offers their workflows
        org.junit.jupiter.api.Assertions.assertTrue(app.context().content().index().packs().containsKey("health"));
        startLab(() -> console.robot.clickOn("Lab").clickOn("Start lab"));
        waitFor(() -> text("#status-lab").startsWith("Lab: 41 hosts on ports"));
        fx(() -> {
            app.window().lab().faultTextProperty().set("diskfull:" + FAULTY);
            return app.window().lab().applyFaults();
        });
        waitFor(() -> text("#status-lab").endsWith("faults diskfull:" + FAULTY));

        console.retype("#machine-search", "fra1-k8s-w[01-04]");
        waitFor(() -> fx(() -> table().getItems().size()) == 4);
        fx(() -> {
            table().getSelectionModel().selectAll();
            return null;
        });
        Predicate<Node> w03 = n -> n instanceof TableCell<?, ?> c && "fra1-k8s-w03".equals(c.getText());
        // the Name column is a table of its own beside #machine-table (ui.FrozenColumn)
        Node cellW03 = console.robot.lookup(w03).query();
        console.robot.clickOn(cellW03, MouseButton.SECONDARY);
        if (!fx(() -> table().getContextMenu().isShowing())) {
            // Monocle does not always turn a secondary click into a context menu request: show the same menu there
            fx(() -> {
                Point2D at = cellW03.localToScreen(5, 5);
                table().getContextMenu().show(cellW03, at.getX(), at.getY());
                return null;
            });
        }
        waitFor(() -> fx(() -> table().getContextMenu().isShowing()));
        assertEquals(4, fx(() -> table().getSelectionModel().getSelectedItems().size()), "the selection stays");
        console.robot.clickOn("Run workflow or task\u2026");
        waitFor(() -> fx(() -> console.robot.lookup("#job-start-plan").tryQuery().isPresent()));
        assertEquals("fra1-k8s-w[01-04]", fx(() -> console.robot.lookup("#job-start-target")
                .queryAs(javafx.scene.control.TextField.class).getText()), "prefilled with the selection");
        assertTrue(text("#job-start-plan-error").startsWith("Choose the workflow or task"));
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> plan = console.robot.lookup("#job-start-plan").queryAs(ComboBox.class);
            plan.getSelectionModel().select("health");
            return null;
        });
        waitFor(() -> text("#job-start-preview").startsWith("4 hosts in one wave:"));
        shoot("#job-start-preview", "job-start.png");
        console.robot.clickOn("#job-start-start");

        waitFor(() -> fx(() -> console.robot.lookup("#job-grid").tryQuery().isPresent()));
        try {
            waitFor(() -> newest("job-state").startsWith("Failed"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the job did not fail: " + newest("job-state") + "; " + newest("job-counts")
                    + "; " + newest("job-title"), e);
        }
        assertEquals("0 queued, 0 running, 3 ok, 1 failed, 0 skipped, 0 cancelled", newest("job-counts"));
        var window = app.window().jobs().window(latestJob()).orElseThrow();
        var progress = fx(() -> window.viewModel().progressProperty().get());
        assertEquals(4, progress.steps().size(), "the health workflow's four checks");
        for (String host : progress.hosts()) {
            var expected = host.equals(FAULTY) ? dev.underlay.ssh.StepState.FAILED : dev.underlay.ssh.StepState.OK;
            assertEquals(expected, progress.cell(progress.hostIndex(host), 0), host);
        }

        Point2D cell = fx(() -> window.cellOnScreen(FAULTY, 0));
        console.robot.clickOn(cell);
        var log = fx(() -> window.viewModel().logProperty().get());
        // the pane holds the whole job; the click narrowed it to that host at that step, its failure included
        waitFor(() -> fx(() -> log.filterProperty().get().step() != null && rows(log).stream()
                .anyMatch(t -> t.contains("healthy when / is at most")) && rows(log).stream()
                .anyMatch(t -> t.startsWith("step 1 ") && t.contains(": failed (exit "))));
        assertEquals(List.of(FAULTY), fx(() -> hostsShown(log)), "only the clicked host's lines");
        assertEquals(0, fx(() -> log.filterProperty().get().step()));
        assertEquals(FAULTY, fx(() -> console.robot.lookup("#log-host").queryAs(ComboBox.class).getValue()),
                "the host box says whose lines they are");
        assertTrue(fx(() -> log.hosts().size()) == 4 && fx(log::lineCount) > fx(log::rowCount),
                "every host's output is in the pane, the filter shows one");
        @SuppressWarnings("unchecked")
        ListView<Object> steps = console.robot.lookup("#log-group-steps").queryAs(ListView.class);
        try {
            // disk and memory figures differ from host to host; the time check prints the same on every host
            waitFor(() -> fx(() -> steps.getItems().stream().anyMatch(r -> r.toString().startsWith("step 3 ")
                    && r.toString().endsWith(": all 3 hosts printed the same")) && steps.getItems().stream()
                    .anyMatch(r -> r.toString().startsWith("step 1 ") && r.toString().endsWith("3 differ (3 other "
                            + "outputs)"))));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the groups beside the log: " + fx(() -> List.copyOf(steps.getItems())), e);
        }
        @SuppressWarnings("unchecked")
        ListView<Object> groups = console.robot.lookup("#log-groups").queryAs(ListView.class);
        assertEquals(4, fx(() -> groups.getItems().size()), "the clicked step's groups: four outputs");
        assertTrue(fx(() -> groups.getItems().stream().anyMatch(g -> g.toString().startsWith(FAULTY + "  (1 host, "))),
                "the faulty host's own group");
        shoot("#job-grid", "job-window.png");

        fx(() -> {
            app.window().lab().faultTextProperty().set("");
            return app.window().lab().applyFaults();
        });
        long first = latestJob();
        console.robot.clickOn(console.robot.lookup(".job-rerun-group").<Node>query());
        waitFor(() -> latestJob() != first);
        long rerun = latestJob();
        waitFor(() -> fx(() -> app.window().jobs().window(rerun).map(w -> w.viewModel().statusProperty().get())
                .orElse("")).startsWith("Succeeded"));
        assertEquals("0 queued, 0 running, 1 ok, 0 failed, 0 skipped, 0 cancelled", fx(() -> app.window().jobs()
                .window(rerun).orElseThrow().viewModel().countsProperty().get()));
        JobRepository.JobSummary again = app.context().jobs().find(rerun).orElseThrow();
        assertEquals(first, again.parent(), "the rerun links to the job it reruns");

        fx(() -> {
            app.window().root().show("jobs");
            return null;
        });
        @SuppressWarnings("unchecked")
        TableView<JobsViewModel.JobRow> jobs = console.robot.lookup("#jobs-table").queryAs(TableView.class);
        waitFor(() -> fx(() -> jobs.getItems().size() == 2 && jobs.getItems().get(0).state().isFinal()));
        assertEquals(List.of(rerun, first), fx(() -> jobs.getItems().stream().map(JobsViewModel.JobRow::id)
                .toList()));
    }

    private static List<String> rows(dev.underlay.automation.ui.log.JobLogViewModel log) {
        List<String> out = new java.util.ArrayList<>();
        for (int r = 0; r < log.rowCount(); r++) {
            out.add(log.row(r).text());
        }
        return out;
    }

    private static List<String> hostsShown(dev.underlay.automation.ui.log.JobLogViewModel log) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (int r = 0; r < log.rowCount(); r++) {
            out.add(log.row(r).host());
        }
        return List.copyOf(out);
    }

    private long latestJob() throws Exception {
        return fx(() -> app.context().jobs().list(1).stream().findFirst().map(JobRepository.JobSummary::id)
                .orElse(-1L));
    }

    private void shoot(String node, String name) throws Exception {
        Path folder = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir",
                "target/screenshots")));
        Scene scene = fx(() -> console.robot.lookup(node).query().getScene());
        BufferedImage png = SwingFXUtils.fromFXImage(fx(() -> scene.snapshot(null)), null);
        ImageIO.write(png, "png", folder.resolve(name).toFile());
        assertTrue(Files.size(folder.resolve(name)) > 10_000);
    }
}
