package dev.underlay.automation.jobs.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnsiTest {
    private static final String E = "\u001b[";

    @Test
    void plainTextHasNoRuns() {
        Ansi.Styled s = Ansi.parse("all good\there");
        assertEquals("all good\there", s.text());
        assertNull(s.runs());
    }

    @Test
    void foregroundColoursBoldAndResetBecomeRuns() {
        Ansi.Styled s = Ansi.parse("ok: " + E + "32mpassed" + E + "0m, " + E + "1;91mFAILED" + E + "m end");
        assertEquals("ok: passed, FAILED end", s.text());
        int[] r = s.runs();
        assertArrayEquals(new int[] {4, 2 + 1, 10, Ansi.PLAIN, 12, r[5], 18, Ansi.PLAIN}, r);
        assertEquals(9, Ansi.colour(r[5]), "91 is bright red, the ninth colour");
        assertTrue(Ansi.bold(r[5]));
        assertEquals(2, Ansi.colour(r[1]), "32 is green, the second colour");
        assertFalse(Ansi.bold(r[1]));
    }

    @Test
    void everyNormalAndBrightColourMaps() {
        for (int c = 0; c < 8; c++) {
            assertEquals(c, Ansi.colour(Ansi.parse(E + (30 + c) + "mx").runs()[1]));
            assertEquals(8 + c, Ansi.colour(Ansi.parse(E + (90 + c) + "mx").runs()[1]));
        }
        assertEquals(-1, Ansi.colour(Ansi.parse(E + "1mx").runs()[1]), "bold alone keeps the default colour");
    }

    @Test
    void defaultColourAndNormalIntensityUndoOnlyTheirPart() {
        int[] r = Ansi.parse(E + "1;31ma" + E + "39mb" + E + "22mc").runs();
        assertEquals(6, r.length, "three runs: a, b, c");
        assertEquals(1, Ansi.colour(r[1]));
        assertTrue(Ansi.bold(r[1]));
        assertEquals(1, r[2]);
        assertEquals(-1, Ansi.colour(r[3]), "39: default colour");
        assertTrue(Ansi.bold(r[3]), "39 keeps bold");
        assertEquals(2, r[4]);
        assertEquals(Ansi.PLAIN, r[5], "22 ends bold: plain at c");
    }

    @Test
    void otherEscapesAndControlCharactersAreDroppedNotShown() {
        Ansi.Styled s = Ansi.parse(E + "2K" + E + "38;5;196mred256" + E + "0m\u001b]0;title\u0007 bell\u0007 done");
        assertEquals("red256 bell done", s.text());
        assertNull(s.runs(), "256-colour codes are not in the palette: no run, and its parameters are not codes");
    }

    @Test
    void aCarriageReturnKeepsWhatTheTerminalShows() {
        assertEquals("100% done", Ansi.parse(" 10%\r 50%\r100% done").text());
        assertEquals("line", Ansi.parse("line\r").text());
    }

    @Test
    void aTruncatedEscapeAtTheEndIsDropped() {
        assertEquals("tail", Ansi.parse("tail" + E + "3").text());
        assertEquals("tail", Ansi.parse("tail\u001b").text());
    }
}
