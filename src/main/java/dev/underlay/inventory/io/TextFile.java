package dev.underlay.inventory.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads an import file as UTF-8 text, the one encoding every format here is defined in. A file that is not
 * (a binary file, UTF-16, Latin-1) is refused with the line, the byte and its offset, instead of the decoder's
 * "Input length = 1". A UTF-8 byte order mark, which spreadsheets write, is dropped.
 */
final class TextFile {
    /** Why a file is not UTF-8 text, with the 1-based line of the first bad byte. */
    static final class NotTextException extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;

        NotTextException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Eight bytes of an array as one long, for skipping ASCII a word at a time. */
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private TextFile() {
    }

    static String read(Path file) throws IOException {
        return new String(utf8(Files.readAllBytes(file)), StandardCharsets.UTF_8);
    }

    /** The bytes of the file, checked to be UTF-8 text, without a byte order mark (for parsers that read bytes). */
    static byte[] readUtf8(Path file) throws IOException {
        return utf8(Files.readAllBytes(file));
    }

    /** Why a file could not be read, in words (the JDK's messages for these are only the path). */
    static String why(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** {@code b} without a UTF-8 byte order mark, or a NotTextException naming the first byte UTF-8 cannot hold. */
    static byte[] utf8(byte[] b) throws NotTextException {
        int start = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
                || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            throw new NotTextException(1, "UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }
        int bad = firstInvalid(b, start);
        if (bad >= 0) {
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (b[i] == '\n') {
                    line++;
                }
            }
            String what = String.format("byte 0x%02X at offset %d", b[bad] & 0xFF, bad);
            throw new NotTextException(line, b[bad] == 0
                    ? "not text (" + what + "): a binary file, or UTF-16 without a byte order mark?"
                    : "not UTF-8 text (" + what + ")");
        }
        return start == 0 ? b : Arrays.copyOfRange(b, start, b.length);
    }

    /**
     * Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
     * nothing above U+10FFFF), or of the first NUL; -1 when there is none. A sequence cut short is reported at
     * its first byte.
     */
    static int firstInvalid(byte[] b, int from) {
        int i = from;
        int n = b.length;
        while (i < n) {
            // a whole word of ASCII without NUL (no high bit set, no byte that borrows when 1 is taken from it)
            // is skipped at once: an import file is mostly ASCII, and byte by byte this was a tenth of the plan
            while (i + Long.BYTES <= n) {
                long w = (long) WORD.get(b, i);
                if (((w | (w - LOW_BITS)) & HIGH_BITS) != 0) {
                    break;
                }
                i += Long.BYTES;
            }
            if (i >= n) {
                break;
            }
            int c = b[i];
            if (c > 0) { // ASCII, the common case
                i++;
                continue;
            }
            c &= 0xFF;
            if (c == 0) {
                return i;
            }
            int len;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                return i; // a continuation byte with no lead, C0/C1 (overlong) or F5-FF
            }
            if (i + len > n) {
                return i;
            }
            int cp = c & (0x7F >> len);
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return i;
                }
                cp = cp << 6 | cc & 0x3F;
            }
            if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
                return i;
            }
            i += len;
        }
        return -1;
    }
}
