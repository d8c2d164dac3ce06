package dev.underlay.automation.jobs.log;

import dev.underlay.inventory.NodeSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Identical output gathered across hosts, per step, while the job runs. Each host's stdout and stderr of a step
 * (escapes removed, the stream part of each line) is folded into a 64-bit hash as lines arrive, so a host costs
 * a few bytes per step whatever it prints. A host's output counts as final once its step ended there, and
 * provisionally while it runs; a new attempt of the step starts its output afresh. Groups are the hosts with
 * the same hash and line count, largest first; the largest is "the same", the others "differ".
 */
public final class OutputGroups {
    private static final byte NONE = 0;
    private static final byte RUNNING = 1;
    private static final byte ENDED = 2;
    private final LogSources sources;
    private final Map<Integer, StepOutput> steps = new HashMap<>();

    public OutputGroups(LogSources sources) {
        this.sources = sources;
    }

    /** One group of hosts that printed the same in a step; {@code running} of them have not ended it yet. */
    public record Group(int step, List<String> hosts, String nodeSet, int lines, int running) {
        public boolean provisional() {
            return running > 0;
        }
    }

    /** A step's groups, largest first, and the sentence that sums them up. */
    public record StepGroups(int step, List<Group> groups, int hosts, int running) {
        /** "481 hosts printed the same; 19 differ (3 other outputs); 12 still running". */
        public String summary() {
            if (groups.isEmpty()) {
                return "no output yet";
            }
            int same = groups.get(0).hosts().size();
            String s = groups.size() == 1
                    ? (same == 1 ? "1 host so far" : "all " + same + " hosts printed the same")
                    : String.format(Locale.ROOT, "%d %s printed the same; %d differ", same,
                            same == 1 ? "host" : "hosts", hosts - same)
                    + (groups.size() > 2 ? " (" + (groups.size() - 1) + " other outputs)" : "");
            return running > 0 ? s + "; " + running + " still running" : s;
        }

        /** The hosts outside the largest group. */
        public List<String> outliers() {
            List<String> out = new ArrayList<>();
            groups.stream().skip(1).forEach(g -> out.addAll(g.hosts()));
            return out;
        }
    }

    /** Folds a line of {@code source} into its host's output of that step (system lines are not output). */
    public void line(int source, long lineHash) {
        LogStream stream = sources.streamOf(source);
        if (stream == LogStream.SYSTEM) {
            return;
        }
        StepOutput s = step(sources.stepOf(source));
        int h = sources.hostOf(source);
        s.ensure(h);
        s.hash[h] = (s.hash[h] ^ (lineHash + stream.ordinal())) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        s.lines[h]++;
        if (s.state[h] == NONE) {
            s.state[h] = RUNNING;
        }
        s.dirty = true;
    }

    /** A step attempt started on a host: its output so far is thrown away if this is a new attempt. */
    public void started(String host, int step, int attempt) {
        StepOutput s = step(step);
        int h = sources.host(host);
        s.ensure(h);
        if (attempt > 1 || s.state[h] == ENDED) {
            s.hash[h] = 0;
            s.lines[h] = 0;
        }
        s.state[h] = RUNNING;
        s.dirty = true;
    }

    /** The step ended on a host (ok, failed, cancelled...): its output is now final. */
    public void ended(String host, int step) {
        StepOutput s = step(step);
        int h = sources.host(host);
        s.ensure(h);
        s.state[h] = ENDED;
        s.dirty = true;
    }

    /** Steps with any output or state, in order. */
    public List<Integer> steps() {
        return steps.keySet().stream().sorted().toList();
    }

    /** Whether a step changed since its groups were last computed. */
    public boolean changed(int step) {
        StepOutput s = steps.get(step);
        return s != null && s.dirty;
    }

    /**
     * A step's output as it is now, copied (a few bytes a host) so its groups can be computed on another thread
     * while lines go on arriving here; the step counts as unchanged from now on.
     */
    public record Snapshot(int step, long[] hash, int[] lines, byte[] state, String[] names) {
    }

    /** Copies a step's output for {@link #groups(Snapshot)}; the caller's thread is the one that feeds this. */
    public Snapshot snapshot(int step) {
        StepOutput s = steps.get(step);
        if (s == null) {
            return new Snapshot(step, new long[0], new int[0], new byte[0], new String[0]);
        }
        s.dirty = false;
        String[] names = new String[s.state.length];
        for (int h = 0; h < names.length; h++) {
            if (s.state[h] != NONE) {
                names[h] = sources.hostName(h);
            }
        }
        return new Snapshot(step, s.hash.clone(), s.lines.clone(), s.state.clone(), names);
    }

    /** The groups of a step (computed in one pass over its hosts), now, on the caller's thread. */
    public StepGroups groups(int step) {
        return groups(snapshot(step));
    }

    /** The groups of a copied step: pure, any thread (node sets folded, a thousand hosts in a pass). */
    public static StepGroups groups(Snapshot s) {
        Map<Long, List<Integer>> byHash = new HashMap<>();
        Map<Long, Integer> lineCount = new HashMap<>();
        int hosts = 0;
        int running = 0;
        for (int h = 0; h < s.state().length; h++) {
            if (s.state()[h] == NONE) {
                continue;
            }
            hosts++;
            running += s.state()[h] == RUNNING ? 1 : 0;
            long key = s.hash()[h] * 31 + s.lines()[h];
            byHash.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
            lineCount.put(key, s.lines()[h]);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> e : byHash.entrySet()) {
            List<String> names = e.getValue().stream().map(h -> s.names()[h]).sorted().toList();
            int run = (int) e.getValue().stream().filter(h -> s.state()[h] == RUNNING).count();
            groups.add(new Group(s.step(), names, NodeSet.fold(names), lineCount.get(e.getKey()), run));
        }
        groups.sort(Comparator.comparingInt((Group g) -> -g.hosts().size()).thenComparing(Group::nodeSet));
        return new StepGroups(s.step(), List.copyOf(groups), hosts, running);
    }

    private StepOutput step(int step) {
        return steps.computeIfAbsent(step, k -> new StepOutput());
    }

    /** Per host id: the output's hash, its line count and whether the step runs or ended there. */
    private static final class StepOutput {
        long[] hash = new long[0];
        int[] lines = new int[0];
        byte[] state = new byte[0];
        boolean dirty;

        void ensure(int host) {
            if (host >= state.length) {
                int n = Math.max(16, Math.max(host + 1, state.length * 2));
                hash = Arrays.copyOf(hash, n);
                lines = Arrays.copyOf(lines, n);
                state = Arrays.copyOf(state, n);
            }
        }
    }
}
