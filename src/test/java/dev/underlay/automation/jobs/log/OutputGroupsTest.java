package dev.underlay.automation.jobs.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OutputGroupsTest {
    final LogSources src = new LogSources();
    final LineStore store = new LineStore();
    final OutputGroups groups = new OutputGroups(src);

    void print(String host, int step, LogStream stream, String text) {
        int s = src.source(src.host(host), step, stream);
        int line = store.append(s, Instant.EPOCH, Ansi.parse(text));
        groups.line(s, store.hash(line));
    }

    static String w(int i) {
        return String.format(Locale.ROOT, "fra1-k8s-w%02d", i);
    }

    @Test
    void identicalOutputIsGatheredAndTheOutliersNamed() {
        for (int i = 1; i <= 20; i++) {
            groups.started(w(i), 0, 1);
            print(w(i), 0, LogStream.STDOUT, "Reading package lists...");
            print(w(i), 0, LogStream.STDOUT, i == 7 || i == 13 ? "E: dpkg was interrupted" : "0 upgraded");
            if (i == 13) {
                print(w(i), 0, LogStream.STDERR, "exit 100");
            }
            print(w(i), 0, LogStream.SYSTEM, "step 1 ok (" + i + " ms)"); // timings differ: not output
            groups.ended(w(i), 0);
        }
        OutputGroups.StepGroups g = groups.groups(0);
        assertEquals(3, g.groups().size());
        assertEquals("fra1-k8s-w[01-06,08-12,14-20]", g.groups().get(0).nodeSet());
        assertEquals(18, g.groups().get(0).hosts().size());
        assertEquals(2, g.groups().get(0).lines());
        assertEquals("18 hosts printed the same; 2 differ (2 other outputs)", g.summary());
        assertEquals(List.of("fra1-k8s-w07", "fra1-k8s-w13"), g.outliers().stream().sorted().toList());
        assertFalse(g.groups().get(0).provisional());
    }

    @Test
    void groupsAreProvisionalWhileHostsRunAndFinalOnceTheStepEnded() {
        for (int i = 1; i <= 4; i++) {
            groups.started(w(i), 2, 1);
            print(w(i), 2, LogStream.STDOUT, "pulling image");
        }
        groups.ended(w(1), 2);
        groups.ended(w(2), 2);
        OutputGroups.StepGroups g = groups.groups(2);
        assertEquals("all 4 hosts printed the same; 2 still running", g.summary());
        assertTrue(g.groups().get(0).provisional());
        assertFalse(groups.changed(2), "computed: clean until output changes");
        print(w(3), 2, LogStream.STDOUT, "pull failed: 429");
        assertTrue(groups.changed(2));
        groups.ended(w(3), 2);
        groups.ended(w(4), 2);
        g = groups.groups(2);
        assertEquals("3 hosts printed the same; 1 differ", g.summary());
        assertEquals("fra1-k8s-w03", g.groups().get(1).nodeSet());
        assertEquals(0, g.running());
    }

    @Test
    void aRetryStartsTheHostsOutputAfresh() {
        for (int i = 1; i <= 3; i++) {
            groups.started(w(i), 0, 1);
            print(w(i), 0, LogStream.STDOUT, i == 2 ? "timeout" : "done");
            groups.ended(w(i), 0);
        }
        assertEquals(2, groups.groups(0).groups().size());
        groups.started(w(2), 0, 2);
        print(w(2), 0, LogStream.STDOUT, "done");
        groups.ended(w(2), 0);
        assertEquals("all 3 hosts printed the same", groups.groups(0).summary());
    }

    @Test
    void stepsAreGroupedApartAndTheOrderOfLinesMatters() {
        print("a", 0, LogStream.STDOUT, "x");
        print("a", 0, LogStream.STDOUT, "y");
        print("b", 0, LogStream.STDOUT, "y");
        print("b", 0, LogStream.STDOUT, "x");
        print("a", 1, LogStream.STDOUT, "same");
        print("b", 1, LogStream.STDOUT, "same");
        print("c", 1, LogStream.STDERR, "same");
        assertEquals(2, groups.groups(0).groups().size(), "x,y is not y,x");
        assertEquals(2, groups.groups(1).groups().size(), "the same text on stderr is other output");
        assertEquals(List.of(0, 1), groups.steps());
        assertEquals("no output yet", groups.groups(5).summary());
    }

    @Test
    void aThousandHostsFoldIntoOneNodeSet() {
        for (int i = 1; i <= 1000; i++) {
            String h = String.format(Locale.ROOT, "n%04d", i);
            print(h, 0, LogStream.STDOUT, i > 981 ? "differs " + (i % 3) : "ok");
            groups.ended(h, 0);
        }
        OutputGroups.StepGroups g = groups.groups(0);
        assertEquals("981 hosts printed the same; 19 differ (3 other outputs)", g.summary());
        assertEquals("n[0001-0981]", g.groups().get(0).nodeSet());
    }
}
