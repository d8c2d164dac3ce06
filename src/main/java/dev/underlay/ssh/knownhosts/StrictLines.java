package dev.underlay.ssh.knownhosts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lines of a byte stream ({@code \n}, an optional {@code \r} before it dropped), each decoded as strict UTF-8.
 * A replacing decoder would turn a garbled host name into one with U+FFFD in it, which then looks like a name;
 * here a line that does not decode, or is too long, comes back as a sentence instead of text. Comment lines
 * ({@code #} after blanks) are returned as text whatever their bytes, for the parser to skip.
 */
final class StrictLines {
    /** One line: its text, or why there is none. */
    record Line(String text, String problem) {
    }

    private final InputStream in;
    private final int maxBytes;
    private byte[] buf = new byte[256];

    StrictLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        int len = 0;
        boolean tooLong = false;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (len < maxBytes) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(maxBytes, buf.length * 2));
                }
                buf[len++] = (byte) b;
            } else {
                tooLong = true; // read on to the end of the line, keeping nothing
            }
            b = in.read();
        }
        if (!tooLong && len > 0 && buf[len - 1] == '\r') {
            len--;
        }
        if (tooLong) {
            return new Line(null, "The line is longer than " + maxBytes + " bytes.");
        }
        return decode(len);
    }

    private Line decode(int len) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(buf, 0, len);
        CharBuffer chars = CharBuffer.allocate(len);
        CoderResult r = dec.decode(bytes, chars, true);
        if (!r.isError()) {
            r = dec.flush(chars);
        }
        if (!r.isError()) {
            return new Line(chars.flip().toString(), null);
        }
        if (comment(len)) {
            return new Line("#", null);
        }
        int at = bytes.position();
        return new Line(null, String.format(Locale.ROOT, "The line is not valid UTF-8 (byte 0x%02X at byte %d of "
                + "the line); nothing on it is read.", buf[at] & 0xff, at + 1));
    }

    private boolean comment(int len) {
        for (int i = 0; i < len; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return buf[i] == '#';
            }
        }
        return false;
    }
}
