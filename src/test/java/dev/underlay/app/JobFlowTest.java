package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.ui.jobs.JobsViewModel;
import java.util.List;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Jobs as a technician runs them: select lab machines, start the health workflow from the context menu, watch the
 * grid turn ok but for the host given a full disk, open that host's log from its red cell, and rerun its failure
 * group; the Jobs area lists both jobs. Screenshots of the job window are saved and looked at.
 */
class JobFlowTest extends JobFlowFixture {
    @Test
    void startHealthOnLabMachinesFromTheContextMenuOpenTheFailedCellsLogAndRerunItsGroup() throws Exception {
        openWithFaultyLab();
        // the console's first start installed the bundled packs: the start dialog offers their workflows
        assertTrue(app.context().content().index().packs().containsKey("health"));

        console.retype("#machine-search", "fra1-k8s-w[01-04]");
        waitFor(() -> fx(() -> table().getItems().size()) == 4);
        fx(() -> {
            table().getSelectionModel().selectAll();
            return null;
        });
        Predicate<Node> w03 = n -> n instanceof TableCell<?, ?> c && "fra1-k8s-w03".equals(c.getText());
        // the Name column is a table of its own beside #machine-table (ui.FrozenColumn)
        Node cellW03 = console.robot.lookup(w03).query();
        contextMenuOn(cellW03, () -> {
            Point2D at = cellW03.localToScreen(5, 5);
            table().getContextMenu().show(cellW03, at.getX(), at.getY());
        });
        assertEquals(4, fx(() -> table().getSelectionModel().getSelectedItems().size()), "the selection stays");
        startHealthFromTheMenu("fra1-k8s-w[01-04]", 4);

        var window = awaitFailed();
        assertEquals("0 queued, 0 running, 3 ok, 1 failed, 0 skipped, 0 cancelled", newest("job-counts"));
        var progress = fx(() -> window.viewModel().progressProperty().get());
        assertEquals(4, progress.steps().size(), "the health workflow's four checks");
        for (String host : progress.hosts()) {
            var expected = host.equals(FAULTY) ? dev.underlay.ssh.StepState.FAILED : dev.underlay.ssh.StepState.OK;
            assertEquals(expected, progress.cell(progress.hostIndex(host), 0), host);
        }

        var log = openFaultyCell(window);
        assertEquals(FAULTY, fx(() -> console.robot.lookup("#log-host").queryAs(ComboBox.class).getValue()),
                "the host box says whose lines they are");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(FAULTY, fx(() -> dev.underlay.testing.ComboText.of(console.robot
                .lookup("#log-host").query())), "and shows it");
        assertEquals(5, fx(() -> console.robot.lookup("#log-host").queryAs(ComboBox.class).getItems().size()),
                "all hosts, and the four to choose from");
        assertTrue(fx(() -> log.hosts().size()) == 4 && fx(log::lineCount) > fx(log::rowCount),
                "every host's output is in the pane, the filter shows one");
        @SuppressWarnings("unchecked")
        ListView<Object> steps = console.robot.lookup("#log-group-steps").queryAs(ListView.class);
        try {
            // disk and memory figures differ from host to host; the time check prints the same on every host, the
            // faulty one too: the health checks continue after a failing one (decision 0028)
            waitFor(() -> fx(() -> steps.getItems().stream().anyMatch(r -> r.toString().startsWith("step 3 ")
                    && r.toString().endsWith(": all 4 hosts printed the same")) && steps.getItems().stream()
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
        assertFailureRowsWhole();
        assertGroupRowsRecolourWithoutRestyling(steps, groups);
        shoot("#job-grid", "job-window.png");
        // the dark theme: the canvases, the legend and the log follow it
        fx(() -> {
            app.window().theme().select(dev.underlay.ui.Theme.DARK);
            return null;
        });
        waitFor(() -> fx(() -> app.window().theme().theme() == dev.underlay.ui.Theme.DARK));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.canvas.Canvas gridCanvas = fx(() -> (javafx.scene.canvas.Canvas) console.robot
                .lookup("#job-grid").queryAs(javafx.scene.Parent.class).getChildrenUnmodifiable().get(0));
        waitFor(() -> fx(() -> {
            int rgb = gridCanvas.snapshot(null, null).getPixelReader().getArgb(3, 3);
            return ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3 < 80;
        }));
        shoot("#job-grid", "job-window-dark.png");
        fx(() -> {
            app.window().theme().select(dev.underlay.ui.Theme.LIGHT);
            return null;
        });

        long first = latestJob();
        long rerun = rerunTheFailedGroup();

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

    /**
     * Another step's groups, then step 1's again: the same cells show the majority and the differing groups, and
     * mark a differing one with the {@code :differs} pseudo-class (its red text), never by swapping style classes.
     */
    private void assertGroupRowsRecolourWithoutRestyling(ListView<Object> steps, ListView<Object> groups)
            throws Exception {
        StyleClassChurn churn = fx(() -> StyleClassChurn.watch(groups.getScene().getRoot()));
        try {
            for (String step : List.of("step 3 ", "step 1 ")) {
                Node row = fx(() -> steps.lookupAll(".list-cell").stream().filter(n -> n instanceof
                        javafx.scene.control.ListCell<?> c && c.getText() != null && c.getText().startsWith(step))
                        .findFirst().orElseThrow());
                console.robot.clickOn(row);
                int want = step.equals("step 3 ") ? 1 : 4;
                waitFor(() -> fx(() -> groups.getItems().size()) == want);
            }
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of(), fx(churn::changes), "cells that swapped style classes (restyled from "
                    + "scratch) among " + fx(churn::cells));
        } finally {
            fx(() -> {
                churn.close();
                return null;
            });
        }
        javafx.css.PseudoClass differs = javafx.css.PseudoClass.getPseudoClass("differs");
        List<String> wrong = fx(() -> groups.lookupAll(".list-cell").stream()
                .map(n -> (javafx.scene.control.ListCell<?>) n).filter(c -> !c.isEmpty())
                .filter(c -> c.getPseudoClassStates().contains(differs) == (c.getIndex() == 0))
                .map(c -> c.getIndex() + ": " + c.getText()).toList());
        assertEquals(List.of(), wrong, "the largest group plain, the others marked as differing");
    }

    /** Every row of "Failed hosts by cause" is as tall as its wrapped text: nothing cut off at the top or bottom. */
    private void assertFailureRowsWhole() throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = fx(() -> console.robot.lookup("#job-failures .list-cell").queryAll().stream()
                .map(c -> (javafx.scene.control.ListCell<?>) c).filter(c -> !c.isEmpty())
                .flatMap(c -> c.lookupAll(".label").stream().map(n -> (javafx.scene.control.Label) n)
                        .filter(l -> l.getText() != null && l.getText().contains("\n"))
                        .filter(l -> l.getHeight() + 0.5 < l.prefHeight(l.getWidth())
                                || l.localToScene(l.getLayoutBounds()).getMinY() + 0.5
                                < c.localToScene(c.getLayoutBounds()).getMinY()
                                || l.localToScene(l.getLayoutBounds()).getMaxY() - 0.5
                                > c.localToScene(c.getLayoutBounds()).getMaxY())
                        .map(l -> String.format(java.util.Locale.ROOT, "label %.0fx%.0f needs %.0f, cell %.0f "
                                + "high: %s", l.getWidth(), l.getHeight(), l.prefHeight(l.getWidth()),
                                c.getHeight(), l.getText())))
                .toList());
        assertEquals(List.of(), cut, "failure rows cut off");
        // the output groups beside the log: each row as tall as it asks at the list's width (its wrapped text)
        List<String> loose = fx(() -> console.robot.lookup("#log-groups .list-cell, #log-group-steps .list-cell")
                .queryAll().stream().map(c -> (javafx.scene.control.ListCell<?>) c).filter(c -> !c.isEmpty())
                .filter(c -> Math.abs(c.getHeight() - c.prefHeight(c.getWidth())) > 1)
                .map(c -> String.format(java.util.Locale.ROOT, "%.0fx%.0f, needs %.0f: %s", c.getWidth(),
                        c.getHeight(), c.prefHeight(c.getWidth()), c.getText())).toList());
        assertEquals(List.of(), loose, "output group rows sized other than they ask");
        assertEquals(1, fx(() -> console.robot.lookup("#job-failures .job-rerun-group").queryAll().size()),
                "one group, one rerun button");
    }
}
