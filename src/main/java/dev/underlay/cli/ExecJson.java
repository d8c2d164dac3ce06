package dev.underlay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underlay.inventory.Json;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import dev.underlay.ssh.OutputSink;
import dev.underlay.ssh.StreamKind;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code underlay exec --json}: collects each host's output and turns its result into one JSON object on one line
 * (JSON Lines, in the order hosts finish). A host's kept output is capped at {@link #CAP_CHARS} characters over
 * both streams; lines beyond it are counted but dropped, and the object says {@code "truncated": true}.
 */
final class ExecJson implements OutputSink {
    /** About 1 MB of text per host: enough for any report, bounded for a thousand hosts. */
    static final int CAP_CHARS = 1 << 20;

    private final int cap;
    private final Map<String, Collected> byHost = new ConcurrentHashMap<>();

    ExecJson() {
        this(CAP_CHARS);
    }

    ExecJson(int cap) {
        this.cap = cap;
    }

    private static final class Collected {
        final StringBuilder out = new StringBuilder();
        final StringBuilder err = new StringBuilder();
        int chars;
        boolean truncated;
    }

    @Override
    public void line(String host, StreamKind stream, Instant at, String line) {
        Collected c = byHost.computeIfAbsent(host, h -> new Collected());
        synchronized (c) {
            if (c.truncated || c.chars + line.length() + 1 > cap) {
                c.truncated = true;
                return;
            }
            (stream == StreamKind.STDERR ? c.err : c.out).append(line).append('\n');
            c.chars += line.length() + 1;
        }
    }

    /** The host's object, one line; forgets its collected output. */
    String toJson(ExecResult r) {
        Collected c = byHost.remove(r.host());
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("host", r.host());
        o.put("ok", r.succeeded());
        if (r.failed() || !r.exitSignal().isEmpty() || r.exitStatus() == ExecResult.NO_STATUS) {
            o.putNull("exit");
        } else {
            o.put("exit", r.exitStatus());
        }
        if (r.exitSignal().isEmpty()) {
            o.putNull("signal");
        } else {
            o.put("signal", r.exitSignal());
        }
        o.put("duration_ms", r.duration().toMillis());
        if (!r.keyExchange().isEmpty()) {
            o.put("kex", r.keyExchange());
        }
        if (r.failure() == FailureKind.NONE) {
            o.putNull("failure");
            o.putNull("error");
        } else {
            o.put("failure", r.failure().name().toLowerCase(Locale.ROOT));
            o.put("error", r.message());
        }
        String out = "";
        String err = "";
        boolean truncated = false;
        if (c != null) {
            synchronized (c) {
                out = c.out.toString();
                err = c.err.toString();
                truncated = c.truncated;
            }
        }
        o.put("stdout", out);
        o.put("stderr", err);
        o.put("stdout_lines", r.stdoutLines());
        o.put("stderr_lines", r.stderrLines());
        o.put("truncated", truncated);
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the result of " + r.host() + " as JSON", e);
        }
    }
}
