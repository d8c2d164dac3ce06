package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.jobs.JobListener.StepResult;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's progress as the job window shows it, with no JavaFX: every host's state, every host x step cell's state
 * with its times, exit status and failure, and the job's state. Built from the database (a finished job reopens
 * the same way) and then moved on by live {@link JobEvent}s. A final cell never goes back to a non-final state, so
 * an event that was already in the snapshot read from the database does no harm. Not thread-safe: FX thread.
 */
public final class JobProgress {
    /** Hosts by state, as the header counts them (interrupted hosts count as failed: rerun-failed takes them). */
    public record Counts(int queued, int running, int ok, int failed, int skipped, int cancelled) {
        public int total() {
            return queued + running + ok + failed + skipped + cancelled;
        }
    }

    /** Failed hosts with one cause: the same step and the same kind of failure (an exit status, a refusal...). */
    public record FailureGroup(int step, String stepLabel, String cause, String example, List<String> hosts) {
    }

    private final JobRepository.JobSummary job;
    private final List<String> steps;
    private final List<String> hosts;
    private final int[] wave;
    private final int waves;
    private final Map<String, Integer> index = new HashMap<>();
    private final StepState[] cells;
    private final int[] attempts;
    private final long[] started;
    private final long[] ended;
    private final int[] exit;
    private final String[] failure;
    private final String[] message;
    private final HostRunState[] hostStates;
    private JobState state;
    private String jobMessage;
    private Instant endedAt;
    private long version;

    /** The job as stored: its summary, its hosts (target order) and every recorded attempt. */
    public JobProgress(JobRepository.JobSummary job, List<JobRepository.HostRow> hostRows, List<StepResult> results) {
        this.job = job;
        this.steps = List.copyOf(job.stepLabels());
        this.hosts = hostRows.stream().map(JobRepository.HostRow::host).toList();
        int n = hosts.size();
        int s = Math.max(1, steps.size());
        wave = new int[n];
        hostStates = new HostRunState[n];
        int maxWave = 0;
        for (int i = 0; i < n; i++) {
            JobRepository.HostRow h = hostRows.get(i);
            index.put(h.host(), i);
            wave[i] = h.wave();
            hostStates[i] = h.state();
            maxWave = Math.max(maxWave, h.wave());
        }
        waves = n == 0 ? 0 : maxWave + 1;
        cells = new StepState[n * s];
        Arrays.fill(cells, StepState.PENDING);
        attempts = new int[n * s];
        started = new long[n * s];
        ended = new long[n * s];
        exit = new int[n * s];
        failure = new String[n * s];
        message = new String[n * s];
        state = job.state();
        jobMessage = job.message() == null ? "" : job.message();
        endedAt = job.ended();
        results.forEach(this::step);
        if (state.isFinal()) {
            // a step the engine never reached on a host that ended stays as skipped, not as waiting
            for (int i = 0; i < n; i++) {
                if (hostStates[i].isFinal()) {
                    for (int k = 0; k < steps.size(); k++) {
                        if (cells[i * s + k] == StepState.PENDING) {
                            cells[i * s + k] = StepState.SKIPPED;
                        }
                    }
                }
            }
        }
    }

    /** Applies one live event of this job (events of other jobs are ignored); true when anything changed. */
    public boolean apply(JobEvent e) {
        if (e.job() != job.id()) {
            return false;
        }
        // Java 17 has no pattern switch; the sealed type keeps this list complete
        boolean changed;
        if (e instanceof JobEvent.JobChanged j) {
            changed = job(j.state(), j.message());
        } else if (e instanceof JobEvent.HostChanged h) {
            changed = host(h.host(), h.state());
        } else {
            changed = step(((JobEvent.StepChanged) e).result());
        }
        if (changed) {
            version++;
        }
        return changed;
    }

    private boolean job(JobState to, String why) {
        if (state.isFinal()) {
            return false;
        }
        state = to;
        jobMessage = why == null ? "" : why;
        if (to.isFinal()) {
            endedAt = Instant.now();
        }
        return true;
    }

    private boolean host(String host, HostRunState to) {
        Integer i = index.get(host);
        if (i == null || hostStates[i].isFinal() || hostStates[i] == to) {
            return false;
        }
        hostStates[i] = to;
        return true;
    }

    private boolean step(StepResult r) {
        Integer i = index.get(r.host());
        if (i == null || r.step() < 0 || r.step() >= steps.size()) {
            return false;
        }
        int c = i * Math.max(1, steps.size()) + r.step();
        if (r.attempt() < attempts[c] || cells[c].isFinal() && (!r.state().isFinal() || r.attempt() == attempts[c])) {
            return false; // stale: an older attempt, or a change already known
        }
        cells[c] = r.state();
        attempts[c] = r.attempt();
        started[c] = r.started() == null ? started[c] : r.started().toEpochMilli();
        ended[c] = r.ended() == null ? 0 : r.ended().toEpochMilli();
        exit[c] = r.exitStatus();
        failure[c] = r.failure();
        message[c] = r.message();
        return true;
    }

    public long id() {
        return job.id();
    }

    public JobRepository.JobSummary summary() {
        return job;
    }

    public List<String> steps() {
        return steps;
    }

    public List<String> hosts() {
        return hosts;
    }

    public int waves() {
        return waves;
    }

    public int wave(int host) {
        return wave[host];
    }

    public JobState state() {
        return state;
    }

    public String message() {
        return jobMessage;
    }

    /** Bumped at every change: views redraw when it moved. */
    public long version() {
        return version;
    }

    public HostRunState hostState(int host) {
        return hostStates[host];
    }

    public StepState cell(int host, int step) {
        return cells[host * Math.max(1, steps.size()) + step];
    }

    /** When the cell's last attempt started, or null. */
    public Instant cellStarted(int host, int step) {
        long t = started[host * Math.max(1, steps.size()) + step];
        return t == 0 ? null : Instant.ofEpochMilli(t);
    }

    /** When the cell's last attempt ended, or null (not yet). */
    public Instant cellEnded(int host, int step) {
        long t = ended[host * Math.max(1, steps.size()) + step];
        return t == 0 ? null : Instant.ofEpochMilli(t);
    }

    /** The failure of a failed cell in words: its message, else its kind or exit status; "" when none. */
    public String cellProblem(int host, int step) {
        int c = host * Math.max(1, steps.size()) + step;
        if (cells[c] != StepState.FAILED && cells[c] != StepState.INTERRUPTED) {
            return "";
        }
        return message[c] != null && !message[c].isEmpty() ? message[c] : cause(c);
    }

    public int hostIndex(String host) {
        return index.getOrDefault(host, -1);
    }

    public Counts counts() {
        int q = 0;
        int r = 0;
        int ok = 0;
        int f = 0;
        int sk = 0;
        int c = 0;
        for (HostRunState h : hostStates) {
            switch (h) {
                case WAITING -> q++;
                case ACTIVE -> r++;
                case DONE -> ok++;
                case FAILED, INTERRUPTED -> f++;
                case SKIPPED -> sk++;
                case CANCELLED -> c++;
                default -> throw new IllegalStateException("unknown host state " + h);
            }
        }
        return new Counts(q, r, ok, f, sk, c);
    }

    /** Share of the work over, 0 to 1: a final host counts whole, an active one by its steps ended. */
    public double fraction() {
        int s = steps.size();
        if (hosts.isEmpty() || s == 0) {
            return state.isFinal() ? 1 : 0;
        }
        long over = 0;
        for (int i = 0; i < hosts.size(); i++) {
            if (hostStates[i].isFinal()) {
                over += s;
            } else {
                for (int k = 0; k < s; k++) {
                    over += cells[i * s + k].isFinal() ? 1 : 0;
                }
            }
        }
        return (double) over / ((long) hosts.size() * s);
    }

    public Duration elapsed(Instant now) {
        Instant end = state.isFinal() && endedAt != null ? endedAt : now;
        Duration d = Duration.between(job.created(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Time left if the rest goes as fast as what is done; empty when over, paused or not yet measurable. */
    public java.util.Optional<Duration> remaining(Instant now) {
        double f = fraction();
        if (state.isFinal() || state != JobState.RUNNING || f <= 0 || f >= 1) {
            return java.util.Optional.empty();
        }
        long ms = elapsed(now).toMillis();
        return java.util.Optional.of(Duration.ofMillis((long) (ms * (1 - f) / f)));
    }

    /** Failed hosts grouped by cause, the biggest group first; each host in the group of its first failed step. */
    public List<FailureGroup> failureGroups() {
        int s = Math.max(1, steps.size());
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        Map<String, Integer> stepOf = new HashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            if (hostStates[i] != HostRunState.FAILED && hostStates[i] != HostRunState.INTERRUPTED) {
                continue;
            }
            int k = firstFailed(i, s);
            String key = k < 0 ? "-1\u0000" + hostStates[i].id() : k + "\u0000" + cause(i * s + k);
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
            stepOf.put(key, k);
        }
        List<FailureGroup> out = new ArrayList<>();
        groups.forEach((key, members) -> {
            int k = stepOf.get(key);
            String cause = key.substring(key.indexOf('\u0000') + 1);
            String example = k < 0 ? "" : cellProblem(members.get(0), k);
            out.add(new FailureGroup(k, k < 0 ? "before any step" : steps.get(k), cause, example,
                    members.stream().map(hosts::get).toList()));
        });
        out.sort((a, b) -> Integer.compare(b.hosts().size(), a.hosts().size()));
        return out;
    }

    private int firstFailed(int host, int s) {
        for (int k = 0; k < steps.size(); k++) {
            StepState c = cells[host * s + k];
            if (c == StepState.FAILED || c == StepState.INTERRUPTED) {
                return k;
            }
        }
        return -1;
    }

    private String cause(int c) {
        if (cells[c] == StepState.INTERRUPTED) {
            return "interrupted";
        }
        if (failure[c] != null && !failure[c].isEmpty()) {
            return failure[c].toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        return exit[c] < 0 ? "failed" : "exit " + exit[c];
    }
}
