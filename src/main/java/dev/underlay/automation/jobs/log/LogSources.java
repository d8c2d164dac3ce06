package dev.underlay.automation.jobs.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared table behind every line: hosts by id, and sources (host, step, stream) by id, so a line keeps one
 * int for all three. Grows on the appending thread; ids of what was published stay valid for readers.
 */
public final class LogSources {
    private final Map<String, Integer> hostIds = new HashMap<>();
    private final List<String> hosts = new ArrayList<>();
    private final Map<Long, Integer> sourceIds = new HashMap<>();
    private volatile int[] hostOf = new int[64];
    private volatile int[] stepOf = new int[64];
    private volatile byte[] streamOf = new byte[64];
    private volatile int sources;

    /** The id of a host, made on first sight. */
    public int host(String name) {
        Integer id = hostIds.get(name);
        if (id == null) {
            id = hosts.size();
            synchronized (hosts) {
                hosts.add(name);
            }
            hostIds.put(name, id);
        }
        return id;
    }

    /** The id of a host known already, or -1. */
    public int hostId(String name) {
        Integer id = hostIds.get(name);
        return id == null ? -1 : id;
    }

    public String hostName(int id) {
        synchronized (hosts) {
            return hosts.get(id);
        }
    }

    public int hostCount() {
        synchronized (hosts) {
            return hosts.size();
        }
    }

    /** The hosts in the order they were first seen. */
    public List<String> hostNames() {
        synchronized (hosts) {
            return List.copyOf(hosts);
        }
    }

    /** The id of a source, made on first sight. */
    public int source(int host, int step, LogStream stream) {
        long key = ((long) host << 32) | ((long) (step & 0xffffff) << 8) | stream.ordinal();
        Integer id = sourceIds.get(key);
        if (id == null) {
            id = sources;
            if (id == hostOf.length) {
                int n = id * 2;
                int[] h = Arrays.copyOf(hostOf, n);
                int[] s = Arrays.copyOf(stepOf, n);
                byte[] k = Arrays.copyOf(streamOf, n);
                stepOf = s;
                streamOf = k;
                hostOf = h;
            }
            hostOf[id] = host;
            stepOf[id] = step;
            streamOf[id] = (byte) stream.ordinal();
            sourceIds.put(key, id);
            sources = id + 1;
        }
        return id;
    }

    public int hostOf(int source) {
        return hostOf[source];
    }

    public int stepOf(int source) {
        return stepOf[source];
    }

    public LogStream streamOf(int source) {
        return LogStream.values()[streamOf[source]];
    }
}
