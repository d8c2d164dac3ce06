package dev.underlay.ssh;

import java.time.Instant;

/**
 * Receives remote output line by line while a command runs. Called on an SSH I/O thread: implementations must be
 * quick and must not block (hand the line to a queue or a batcher); lines of one host and stream arrive in order.
 * The timestamp is when the data carrying the line arrived. A trailing carriage return is removed; a line longer
 * than {@link #MAX_LINE_CHARS} bytes is delivered in pieces.
 */
@FunctionalInterface
public interface OutputSink {
    /** Longest line delivered in one piece, in bytes. */
    int MAX_LINE_CHARS = 64 * 1024;

    /** A sink that drops everything (output is still counted in the result). */
    OutputSink DISCARD = (host, stream, at, line) -> { };

    void line(String host, StreamKind stream, Instant at, String line);
}
