package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final List<String> lines = new ArrayList<>();
    private final LineSplitter splitter = new LineSplitter("h", StreamKind.STDOUT, (h, s, at, l) -> lines.add(l));

    private void write(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        splitter.write(b, 0, b.length);
    }

    @Test
    void joinsLinesSplitAcrossPacketsAndDropsCarriageReturns() {
        write("one\r\ntw");
        write("o\nthr");
        write("ee\r");
        write("\n");
        assertEquals(List.of("one", "two", "three"), lines);
        assertEquals(3, splitter.lines());
    }

    @Test
    void keepsMultiByteCharactersSplitAcrossPacketsIntact() {
        byte[] b = "größe\n".getBytes(StandardCharsets.UTF_8);
        splitter.write(b, 0, 3); // cuts the two-byte ö
        splitter.write(b, 3, b.length - 3);
        assertEquals(List.of("größe"), lines);
    }

    @Test
    void deliversAnUnterminatedLastLineOnFinish() {
        write("a\nb");
        splitter.finish();
        assertEquals(List.of("a", "b"), lines);
    }

    @Test
    void cutsOverlongLinesIntoPieces() {
        write("x".repeat(OutputSink.MAX_LINE_CHARS + 10) + "\n");
        assertEquals(2, lines.size());
        assertEquals(OutputSink.MAX_LINE_CHARS, lines.get(0).length());
        assertEquals(10, lines.get(1).length());
    }

    @Test
    void keepsEmptyLines() {
        write("\n\nz\n");
        assertEquals(List.of("", "", "z"), lines);
    }

    @Test
    void aThrowingSinkDoesNotBreakTheStreamAndIsRemembered() {
        LineSplitter broken = new LineSplitter("h", StreamKind.STDERR, (h, s, at, l) -> {
            throw new IllegalStateException("display closed");
        });
        byte[] b = "a\nb\n".getBytes(StandardCharsets.UTF_8);
        broken.write(b, 0, b.length);
        assertEquals(2, broken.lines());
        assertEquals("display closed", broken.sinkFailure().getMessage());
    }
}
