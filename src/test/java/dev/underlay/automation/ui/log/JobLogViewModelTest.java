package dev.underlay.automation.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.log.LogStream;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.ssh.StepState;
import dev.underlay.ssh.StreamKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model without a toolkit: rows, filters, search, tail, groups, copy and export. */
class JobLogViewModelTest {
    @TempDir
    Path dir;
    final LogFixture fx = new LogFixture();
    final JobLogViewModel vm = new JobLogViewModel(LogFixture.STEPS, new CurrentThreadTaskRunner());

    @Test
    void aBatchIsAnnouncedAsOneChangeAndRowsCarryTextWithoutEscapes() {
        List<String> changes = new ArrayList<>();
        vm.rowsProperty().get().addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + "-" + c.getTo());
            }
        });
        vm.append(fx.step(100, 0, 4));
        vm.append(fx.step(100, 1, 1));
        assertEquals(List.of("0-400", "400-500"), changes);
        assertEquals(500, vm.rowCount());
        LogLine l = vm.row(212); // k=2 of host 13: 2 * 100 + 12
        assertEquals("fra1-k8s-w013", l.host());
        assertEquals(LogStream.STDERR, l.stream());
        assertEquals("E: Could not get lock /var/lib/dpkg/lock-frontend", l.text());
        assertEquals(100, vm.hosts().size());
    }

    @Test
    void aListenerOnTheHostsAndTheGroupsHearsChangesAfterACollection() throws Exception {
        List<String> heard = new ArrayList<>();
        vm.hosts().addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                heard.addAll(c.getAddedSubList());
            }
        });
        int[] stepChanges = {0};
        vm.groups().steps().addListener((ListChangeListener<JobLogGroups.StepRow>) c -> stepChanges[0]++);
        assertTrue(dev.underlay.testing.Collect.weaklyHeld(), "a full collection ran");
        vm.append(fx.step(3, 0, 1));
        vm.groups().refreshNow();
        assertEquals(List.of(LogFixture.host(1), LogFixture.host(2), LogFixture.host(3)), heard,
                "the host box's listener (a wrapper made per call was collected, and its listener with it)");
        assertTrue(stepChanges[0] > 0, "the groups' steps listener");
    }

    @Test
    void showFocusesAHostAndAStepAndStreamsFilterToo() {
        vm.append(fx.step(20, 0, 4));
        vm.append(fx.step(20, 1, 4));
        vm.steps(List.of(LogFixture.result(LogFixture.host(3), 1, StepState.OK)));
        vm.show(LogFixture.host(3), 1);
        assertEquals(5, vm.rowCount(), "four lines and the step's end");
        assertEquals("step 2 install packages: ok (exit 0, 1.2 s)", vm.row(4).text());
        assertEquals(LogStream.SYSTEM, vm.row(4).stream());
        vm.showStreams(EnumSet.of(LogStream.STDOUT, LogStream.STDERR));
        assertEquals(4, vm.rowCount());
        vm.show(null, null);
        assertEquals(160, vm.rowCount(), "every host and step, the system line still hidden");
        vm.showStreams(EnumSet.allOf(LogStream.class));
        assertEquals(161, vm.rowCount());
    }

    @Test
    void searchMovesBetweenHitsAndStopsFollowingTheTail() {
        vm.append(fx.step(200, 0, 4));
        assertTrue(vm.followingProperty().get());
        vm.queryProperty().set("could not get LOCK");
        assertEquals(412, vm.findNext(-1), "host 13's third line: 2 * 200 + 12");
        assertFalse(vm.followingProperty().get(), "a hit above the end: the view stays on it");
        assertEquals(412, vm.jumpProperty().get().row());
        assertEquals("row 413 of 800", vm.searchStatusProperty().get());
        assertEquals(512, vm.findNext(-1), "host 113");
        assertEquals(412, vm.findNext(-1), "wraps to the first");
        assertEquals(512, vm.findPrevious(-1), "and back");
        vm.queryProperty().set("Setting up kubelet (1.29.3");
        assertEquals(206, vm.findNext(-1), "a new query starts from the row given");
        vm.queryProperty().set("nowhere");
        assertEquals(-1, vm.findNext(-1));
        assertEquals("no match for 'nowhere' in the 800 rows shown", vm.searchStatusProperty().get());
    }

    @Test
    void theTailIsFollowedUntilTheUserScrollsUpAndAgainAtTheEnd() {
        vm.append(fx.step(100, 0, 4));
        vm.userScrolled(120);
        assertFalse(vm.followingProperty().get());
        vm.append(fx.step(100, 1, 4));
        assertFalse(vm.followingProperty().get(), "new lines do not pull the reader away");
        vm.userScrolled(799);
        assertTrue(vm.followingProperty().get());
        vm.stopFollowing();
        vm.followTail();
        assertTrue(vm.followingProperty().get());
    }

    @Test
    void outputIsGroupedAcrossHostsWhileTheStepRunsAndOutliersAreOneClickAway() {
        List<JobListener.StepResult> started = new ArrayList<>();
        for (int h = 1; h <= 200; h++) {
            started.add(LogFixture.result(LogFixture.host(h), 1, StepState.RUNNING));
        }
        vm.steps(started);
        vm.append(fx.step(200, 1, 4));
        vm.groups().refreshNow();
        assertEquals(1, vm.groups().stepProperty().get(), "the latest step is chosen");
        assertEquals("step 2 install packages: 196 hosts printed the same; 4 differ (2 other outputs); 200 still "
                + "running", vm.groups().steps().get(0).toString());
        List<JobListener.StepResult> ended = new ArrayList<>();
        for (int h = 1; h <= 200; h++) {
            ended.add(LogFixture.result(LogFixture.host(h), 1, h % 100 == 13 ? StepState.FAILED : StepState.OK));
        }
        vm.steps(ended);
        assertEquals("step 2 install packages: 196 hosts printed the same; 4 differ (2 other outputs)",
                vm.groups().steps().get(0).toString(), "a step's end is shown at once");
        JobLogGroups.GroupRow first = vm.groups().groupRows().get(0);
        assertTrue(first.majority());
        assertTrue(first.toString().startsWith("fra1-k8s-w[001-006,008-012,014-106,108-112,114-200]  (196 hosts"),
                first.toString());
        assertEquals("fra1-k8s-w[007,107]  (2 hosts, 4 lines)  differs", vm.groups().groupRows().get(1).toString());
        vm.showOutliers();
        assertEquals(4 * 6, vm.rowCount(), "four hosts: four lines, the step's start and its end each");
        assertEquals(0, vm.jumpProperty().get().row());
        assertEquals(4, vm.filterProperty().get().hosts().size());
        vm.showGroup(vm.groups().groupRows().get(2));
        assertEquals(List.of("fra1-k8s-w013", "fra1-k8s-w113"), vm.filterProperty().get().hosts().stream().sorted()
                .toList());
    }

    @Test
    void copyGivesHostAndTextAndExportWritesTheRowsShown() throws Exception {
        vm.append(List.of(fx.line("web01", 0, StreamKind.STDOUT, "\u001b[32mgreen\u001b[0m text"),
                fx.line("web02", 0, StreamKind.STDERR, "oops")));
        assertEquals("web01: green text\nweb02: oops\n", vm.copy(List.of(1, 0)));
        vm.show("web02", null);
        Path out = dir.resolve("log.tsv");
        Files.writeString(out, "old");
        vm.export(out);
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).endsWith("\tweb02\t1 preflight\tstderr\toops"), lines.get(1));
        assertEquals("exported 1 rows to " + out, vm.statusProperty().get());
        Path nowhere = dir.resolve("missing/log.tsv");
        vm.export(nowhere);
        assertEquals("Could not export the job log to " + nowhere + ": the folder does not exist; nothing was "
                + "written over.", vm.statusProperty().get());
        assertNull(dir.resolve("missing").toFile().list());
    }
}
