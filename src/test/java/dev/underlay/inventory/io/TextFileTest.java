package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The UTF-8 check skips ASCII a word at a time: what it finds must not depend on where a word starts. */
class TextFileTest {
    private static final byte[][] BAD = {{0}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
            (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};

    @Test
    void theFirstBadByteIsFoundAtEveryOffsetOfAnAsciiRun() {
        for (byte[] bad : BAD) {
            for (int at = 0; at < 40; at++) {
                for (int from = 0; from <= Math.min(at, 9); from++) {
                    byte[] b = new byte[at + bad.length + 17];
                    Arrays.fill(b, (byte) 'x');
                    System.arraycopy(bad, 0, b, at, bad.length);
                    if (bad.length == 2 && bad[0] == (byte) 0xE2) {
                        b = Arrays.copyOf(b, at + 2); // a sequence cut short by the end of the file
                    }
                    assertEquals(at, TextFile.firstInvalid(b, from), () -> "bad " + Arrays.toString(bad));
                }
            }
        }
    }

    @Test
    void wellFormedTextOfEveryLengthPasses() {
        String text = "name = m1 é € 😀 \u007F tail";
        for (int len = 0; len < 60; len++) {
            byte[] b = ("x".repeat(len) + text).getBytes(StandardCharsets.UTF_8);
            assertEquals(-1, TextFile.firstInvalid(b, 0));
            byte[] ascii = "y".repeat(len).getBytes(StandardCharsets.US_ASCII);
            assertEquals(-1, TextFile.firstInvalid(ascii, 0));
        }
    }

    @Test
    void aNulAfterMultiByteTextIsFound() {
        byte[] b = ("é".repeat(5) + "abcdefghij").getBytes(StandardCharsets.UTF_8);
        for (int at = 10; at < b.length; at++) {
            byte[] c = b.clone();
            c[at] = 0;
            assertEquals(at, TextFile.firstInvalid(c, 0));
        }
    }
}
