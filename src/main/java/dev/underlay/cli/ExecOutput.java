package dev.underlay.cli;

import dev.underlay.ssh.OutputSink;
import dev.underlay.ssh.StreamKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The terminal side of {@code underlay exec}: whole lines, queued by SSH I/O threads (which must never wait on a
 * slow terminal or pipe) and written by one writer thread, so lines never interleave and a host's lines keep
 * their order. The writer flushes whenever the queue runs empty.
 */
final class ExecOutput implements AutoCloseable {
    private record Item(boolean err, String text) {
    }

    private static final Item END = new Item(false, null);

    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final PrintWriter out;
    private final PrintWriter err;
    private final Thread writer;

    ExecOutput(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        this.writer = new Thread(this::drain, "underlay-exec-output");
        writer.setDaemon(true);
        writer.start();
    }

    /** A sink writing each remote line as {@code host: line}, stderr lines to stderr. */
    OutputSink prefixed() {
        return (host, stream, at, line) -> queue.add(new Item(stream == StreamKind.STDERR, host + ": " + line));
    }

    void out(String line) {
        queue.add(new Item(false, line));
    }

    void err(String line) {
        queue.add(new Item(true, line));
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        queue.add(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<Item> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch);
                for (Item i : batch) {
                    if (i == END) {
                        flush();
                        return;
                    }
                    (i.err() ? err : out).println(i.text());
                }
                batch.clear();
                if (queue.isEmpty()) {
                    flush();
                }
            }
        } catch (InterruptedException e) {
            flush();
            Thread.currentThread().interrupt();
        }
    }

    private void flush() {
        out.flush();
        err.flush();
    }
}
