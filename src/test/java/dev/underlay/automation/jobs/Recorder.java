package dev.underlay.automation.jobs;

import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import dev.underlay.ssh.StreamKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Records what a job reports, each event numbered in the order it was reported. */
class Recorder implements JobListener {
    record Event(long n, String host, int step, StepState state, String message) {
    }

    final AtomicLong n = new AtomicLong();
    final List<Event> steps = new CopyOnWriteArrayList<>();
    final Map<String, HostRunState> hosts = new ConcurrentHashMap<>();
    final Map<String, List<String>> out = new ConcurrentHashMap<>();
    final List<JobState> states = new CopyOnWriteArrayList<>();
    final AtomicLong lines = new AtomicLong();

    @Override
    public void jobState(long job, JobState state, String message) {
        states.add(state);
    }

    @Override
    public void hostState(long job, String host, HostRunState state) {
        hosts.put(host, state);
    }

    @Override
    public void step(long job, StepResult r) {
        steps.add(new Event(n.incrementAndGet(), r.host(), r.step(), r.state(), r.message()));
    }

    @Override
    public void line(long job, String host, int step, StreamKind stream, Instant at, String text) {
        lines.incrementAndGet();
        out.computeIfAbsent(host + "#" + step, k -> new CopyOnWriteArrayList<>()).add(text);
    }

    /** Sequence number of the first event of host/step in that state, or -1. */
    long first(String host, int step, StepState state) {
        return steps.stream().filter(e -> e.host().equals(host) && e.step() == step && e.state() == state)
                .mapToLong(Event::n).min().orElse(-1);
    }

    long last(String host, int step, StepState state) {
        return steps.stream().filter(e -> e.host().equals(host) && e.step() == step && e.state() == state)
                .mapToLong(Event::n).max().orElse(-1);
    }

    long count(String host, int step, StepState state) {
        return steps.stream().filter(e -> e.host().equals(host) && e.step() == step && e.state() == state).count();
    }
}
