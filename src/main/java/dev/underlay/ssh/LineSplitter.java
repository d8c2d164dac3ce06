package dev.underlay.ssh;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The OutputStream an exec channel writes one stream into: cuts the bytes into UTF-8 lines and hands each to the
 * sink with the arrival time of the data that completed it. Runs on the I/O thread; the buffer is only allocated
 * when a line spans two packets.
 */
final class LineSplitter extends OutputStream {
    private final String host;
    private final StreamKind stream;
    private final OutputSink sink;
    private byte[] partial = new byte[0];
    private int partialLength;
    private long lines;
    private RuntimeException sinkFailure;

    LineSplitter(String host, StreamKind stream, OutputSink sink) {
        this.host = host;
        this.stream = stream;
        this.sink = sink;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        Instant now = Instant.now();
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                emit(now, b, start, i);
                start = i + 1;
            } else if (partialLength + (i - start) >= OutputSink.MAX_LINE_CHARS) {
                emit(now, b, start, i);
                start = i;
            }
        }
        if (start < end) {
            append(b, start, end - start);
        }
    }

    private void emit(Instant at, byte[] b, int from, int to) {
        String line;
        if (partialLength == 0) {
            int stop = to > from && b[to - 1] == '\r' ? to - 1 : to;
            line = new String(b, from, stop - from, StandardCharsets.UTF_8);
        } else {
            append(b, from, to - from);
            int stop = partialLength > 0 && partial[partialLength - 1] == '\r' ? partialLength - 1 : partialLength;
            line = new String(partial, 0, stop, StandardCharsets.UTF_8);
            partialLength = 0;
        }
        lines++;
        if (sinkFailure == null) {
            try {
                sink.line(host, stream, at, line);
            } catch (RuntimeException e) {
                // a broken sink must not break the SSH channel; the line count goes on and the result says so
                sinkFailure = e;
            }
        }
    }

    private void append(byte[] b, int from, int len) {
        if (partialLength + len > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partialLength + len, Math.max(256, partial.length * 2)));
        }
        System.arraycopy(b, from, partial, partialLength, len);
        partialLength += len;
    }

    /** Delivers an unterminated last line (output that did not end with a newline). */
    synchronized void finish() {
        if (partialLength > 0) {
            emit(Instant.now(), partial, 0, 0);
        }
    }

    synchronized long lines() {
        return lines;
    }

    /** The exception the sink threw (after which it got no more lines), or null. */
    synchronized RuntimeException sinkFailure() {
        return sinkFailure;
    }
}
