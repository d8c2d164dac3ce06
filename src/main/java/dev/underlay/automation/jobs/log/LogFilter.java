package dev.underlay.automation.jobs.log;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which lines are shown: some hosts (null: all), one step (null: all), some streams. Immutable.
 *
 * @param hosts   the hosts shown, or null for every host
 * @param step    the step shown (0-based, as the job numbers them), or null for every step
 * @param streams the streams shown; never empty in practice (an empty set shows nothing)
 */
public record LogFilter(Set<String> hosts, Integer step, Set<LogStream> streams) {
    public static final LogFilter ALL = new LogFilter(null, null, EnumSet.allOf(LogStream.class));

    public LogFilter {
        hosts = hosts == null ? null : Set.copyOf(new TreeSet<>(hosts));
        streams = streams.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(streams));
    }

    public boolean isAll() {
        return hosts == null && step == null && streams.size() == LogStream.values().length;
    }

    public LogFilter withHosts(Set<String> h) {
        return new LogFilter(h, step, streams);
    }

    public LogFilter withStep(Integer s) {
        return new LogFilter(hosts, s, streams);
    }

    public LogFilter withStreams(Set<LogStream> s) {
        return new LogFilter(hosts, step, s);
    }
}
