package dev.underlay.automation.jobs.log;

import dev.underlay.ssh.StreamKind;
import java.util.Locale;

/** Where a log line came from: the command's two streams, or the job itself (step started, ended, failed). */
public enum LogStream {
    STDOUT,
    STDERR,
    SYSTEM;

    public static LogStream of(StreamKind kind) {
        return kind == StreamKind.STDERR ? STDERR : STDOUT;
    }

    /** Lower case: "stderr". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
