package dev.underlay.automation.jobs.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LineStoreTest {
    @Test
    void linesComeBackWithTheirSourceTimeTextAndRuns() {
        LogSources src = new LogSources();
        LineStore store = new LineStore();
        int a = src.source(src.host("web01"), 0, LogStream.STDOUT);
        int b = src.source(src.host("web02"), 3, LogStream.STDERR);
        Instant t0 = Instant.parse("2026-12-02T03:00:00.123Z");
        store.append(a, t0, Ansi.parse("grüße \u001b[31mrot\u001b[0m"));
        store.append(b, t0.plusSeconds(90), Ansi.parse("plain"));
        assertEquals(2, store.size());
        assertEquals("grüße rot", store.text(0));
        assertArrayEquals(new int[] {6, 2, 9, 0}, store.runs(0));
        assertNull(store.runs(1));
        assertEquals(t0.plusSeconds(90), store.at(1));
        assertEquals("web02", src.hostName(src.hostOf(store.source(1))));
        assertEquals(3, src.stepOf(store.source(1)));
        assertEquals(LogStream.STDERR, src.streamOf(store.source(1)));
        assertEquals(a, src.source(src.host("web01"), 0, LogStream.STDOUT), "one source id per host, step, stream");
    }

    @Test
    void searchInPlaceIgnoresAsciiCaseAndFindsUtf8() {
        LineStore store = new LineStore();
        store.append(0, Instant.EPOCH, Ansi.parse("Kernel PANIC at Grüße"));
        assertTrue(store.contains(0, LogSearch.needle("panic")));
        assertTrue(store.contains(0, LogSearch.needle("kernel PANIC")));
        assertTrue(store.contains(0, LogSearch.needle("grüße")));
        assertFalse(store.contains(0, LogSearch.needle("panics")));
        assertFalse(store.contains(0, LogSearch.needle("")));
    }

    @Test
    void aVeryLongLineIsCutAndSaysHowMuch() {
        LineStore store = new LineStore();
        store.append(0, Instant.EPOCH, Ansi.parse("x".repeat(200_000)));
        store.append(0, Instant.EPOCH, Ansi.parse("after"));
        assertTrue(store.text(0).endsWith(" more bytes)"), store.text(0).substring(65_400));
        assertTrue(store.text(0).length() < LineStore.MAX_LINE_BYTES + 1);
        assertEquals("after", store.text(1));
    }

    @Test
    void pagesHoldManyLinesInOrder() {
        LineStore store = new LineStore();
        for (int i = 0; i < 100_000; i++) {
            store.append(i % 7, Instant.ofEpochMilli(i), Ansi.parse("line " + i));
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertEquals("line " + i, store.text(i));
            assertEquals(i % 7, store.source(i));
            assertEquals(Instant.ofEpochMilli(i), store.at(i));
        }
    }

    /** The heap grows by the line's text and about 20 bytes: no object per line. */
    @Test
    void aLineCostsItsTextAndAFewBytes() {
        LogSources src = new LogSources();
        for (int h = 0; h < 1000; h++) {
            src.source(src.host(String.format(Locale.ROOT, "fra1-k8s-w%04d", h)), 0, LogStream.STDOUT);
        }
        int n = 300_000;
        String text = "Setting up libssl3:amd64 (3.0.2-0ubuntu1.12) ... done";
        long before = usedAfterGc();
        LineStore store = new LineStore();
        for (int i = 0; i < n; i++) {
            store.append(i % 1000, Instant.ofEpochMilli(1_700_000_000_000L + i), Ansi.parse(text));
        }
        long after = usedAfterGc();
        double perLine = (after - before) / (double) n;
        System.out.printf(Locale.ROOT, "log store: %,d lines of %d bytes: %.1f bytes of heap per line%n", n,
                text.length(), perLine);
        assertEquals(n, store.size());
        assertTrue(perLine < text.length() + 32, "heap per line " + perLine + " for " + text.length()
                + " bytes of text");
        assertEquals(text, store.text(n - 1), "the store is still alive here");
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
