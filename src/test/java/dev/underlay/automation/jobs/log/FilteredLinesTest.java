package dev.underlay.automation.jobs.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilteredLinesTest {
    final LogSources src = new LogSources();
    final LineStore store = new LineStore();
    final FilteredLines rows = new FilteredLines(store, src);

    void line(String host, int step, LogStream stream, String text) {
        store.append(src.source(src.host(host), step, stream), Instant.EPOCH, Ansi.parse(text));
    }

    @Test
    void filtersByHostStepAndStreamAndKeepsUpWithAppends() {
        line("a", 0, LogStream.STDOUT, "a0 out");
        line("b", 0, LogStream.STDERR, "b0 err");
        line("a", 1, LogStream.SYSTEM, "a1 sys");
        line("a", 1, LogStream.STDERR, "a1 err");
        rows.catchUp();
        assertEquals(4, rows.size(), "no filter: every line");
        rows.set(LogFilter.ALL.withHosts(Set.of("a")));
        assertEquals(3, rows.size());
        rows.set(LogFilter.ALL.withHosts(Set.of("a")).withStep(1).withStreams(EnumSet.of(LogStream.STDERR)));
        assertEquals(1, rows.size());
        assertEquals("a1 err", store.text(rows.line(0)));
        line("a", 1, LogStream.STDERR, "a1 err 2");
        line("b", 1, LogStream.STDERR, "b1 err");
        assertEquals(1, rows.catchUp(), "one new line passes");
        assertEquals("a1 err 2", store.text(rows.line(1)));
        assertEquals(1, rows.rowOf(4), "line 4 is the second row shown");
        assertEquals(-1, rows.rowOf(5), "b's line is hidden");
        rows.set(LogFilter.ALL.withStreams(EnumSet.of(LogStream.STDOUT, LogStream.STDERR)));
        assertEquals(5, rows.size(), "the system line is hidden");
        assertFalse(rows.filter().isAll());
        rows.set(LogFilter.ALL);
        assertTrue(rows.filter().isAll());
        assertEquals(6, rows.size());
    }

    @Test
    void searchFindsForwardAndBackwardAndWraps() {
        for (int i = 0; i < 10; i++) {
            line("h" + (i % 2), 0, LogStream.STDOUT, i % 3 == 0 ? "ERROR " + i : "fine " + i);
        }
        rows.catchUp();
        assertEquals(0, LogSearch.find(rows, store, "error", -1, true));
        assertEquals(3, LogSearch.find(rows, store, "error", 0, true));
        assertEquals(0, LogSearch.find(rows, store, "error", 9, true), "wraps past the end");
        assertEquals(6, LogSearch.find(rows, store, "error", 9, false));
        assertEquals(9, LogSearch.find(rows, store, "error", 0, false), "wraps past the start");
        assertEquals(-1, LogSearch.find(rows, store, "missing", 0, true));
        assertEquals(4, LogSearch.count(rows, store, "ERROR", Integer.MAX_VALUE));
        rows.set(LogFilter.ALL.withHosts(Set.of("h1")));
        assertEquals(1, LogSearch.find(rows, store, "error", -1, true), "row 1 of h1's rows is line 3");
        assertEquals(3, rows.line(1));
    }

    @Test
    void matchRangesForHighlighting() {
        assertEquals(java.util.List.of(0, 3, 8, 11), java.util.Arrays.stream(LogSearch.ranges("Err ok  err", "ERR"))
                .boxed().toList());
        assertEquals(0, LogSearch.ranges("anything", "").length);
    }

    @Test
    void tailFollowRules() {
        TailFollow t = new TailFollow();
        assertTrue(t.following(), "a new log follows");
        t.userScrolled(40, 1000);
        assertFalse(t.following(), "scrolled up: stays put");
        t.userScrolled(999, 5000);
        assertFalse(t.following(), "new lines arrived meanwhile: the end is not in sight");
        t.userScrolled(4999, 5000);
        assertTrue(t.following(), "back at the end: follows again");
        t.jumped(12, 5000);
        assertFalse(t.following(), "a search hit above the end");
        t.follow();
        assertTrue(t.following());
        t.stop();
        assertFalse(t.following());
        t.userScrolled(0, 0);
        assertTrue(t.following(), "an empty log is at its end");
    }
}
