package dev.underlay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Crash-safety by crashing: copies a data folder, starts a write in a separate JVM ({@link ChildJvm}) on the copy,
 * sends it a signal at a chosen point, and reopens the copy to see what it holds: the old state, the new one,
 * something in between, or nothing readable. Reused by every feature that promises "all or nothing" (imports,
 * job logs): the caller says how to start the child and how to tell old from new.
 */
public final class KillSweep {
    /** What a reopened folder holds. */
    public enum State { OLD, NEW, PARTIAL, UNREADABLE }

    /** How a reopened folder was judged, and why. */
    public record Outcome(State state, String detail) {
    }

    /** Starts the child that writes into {@code folder}. */
    @FunctionalInterface
    public interface Child {
        ChildJvm start(Path folder) throws IOException;
    }

    /** Reopens {@code folder} after the child ended and judges it; {@code child} has the child's output. */
    @FunctionalInterface
    public interface Judge {
        Outcome judge(Path folder, ChildJvm child, int exitCode);
    }

    /**
     * Where to send the signal: {@code delayMillis} after the first output line matching {@code after}, or after
     * the start when {@code after} is null.
     */
    public record Point(String label, Predicate<String> after, long delayMillis) {
    }

    /** One trial: where the signal went, what the child said and returned, and what the folder held. */
    public record Trial(Point point, ChildJvm.Signal signal, long sentAtMillis, int exitCode, String lastError,
                        Outcome outcome, Path folder, List<ChildJvm.Line> output) {
        /** True when the child printed a line containing {@code text} before the signal was sent. */
        public boolean saidBefore(String text) {
            return output.stream().anyMatch(l -> l.atMillis() <= sentAtMillis && l.text().contains(text));
        }
    }

    private final Path template;
    private final Path work;
    private final Child child;
    private final Judge judge;
    private int next;

    public KillSweep(Path template, Path work, Child child, Judge judge) {
        this.template = template;
        this.work = work;
        this.child = child;
        this.judge = judge;
    }

    /**
     * {@code n} points spread evenly (with a little jitter so repeated runs probe new instants) over
     * {@code [fromMillis, toMillis]} after the first line matching {@code after}.
     */
    public static List<Point> spread(String label, Predicate<String> after, long fromMillis, long toMillis, int n,
                                     long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<Point> points = new ArrayList<>();
        double step = (double) (toMillis - fromMillis) / Math.max(1, n);
        for (int i = 0; i < n; i++) {
            long at = fromMillis + Math.round(step * (i + r.nextDouble()));
            points.add(new Point(label + "+" + at + "ms", after, at));
        }
        return points;
    }

    /** Runs one trial per point with signal {@code s}; each on a fresh copy of the template, kept for the caller. */
    public List<Trial> run(ChildJvm.Signal s, List<Point> points) throws IOException, InterruptedException {
        List<Trial> trials = new ArrayList<>();
        for (Point p : points) {
            Path folder = work.resolve("trial-" + (next++));
            copy(template, folder);
            try (ChildJvm c = child.start(folder)) {
                if (p.after() != null && c.awaitLine(p.after(), 120_000) == null) {
                    throw new IllegalStateException("the child never printed the line to count from (" + p.label()
                            + "); it said:\n" + c.stderr());
                }
                if (p.delayMillis() > 0) {
                    Thread.sleep(p.delayMillis());
                }
                long sent = c.millis();
                c.signal(s);
                int exit = c.waitFor(180_000);
                if (exit == -1) {
                    throw new IllegalStateException("the child did not end within 180 s of " + s);
                }
                String err = c.stderr().strip();
                String last = err.isEmpty() ? "" : err.substring(err.lastIndexOf('\n') + 1);
                trials.add(new Trial(p, s, sent, exit, last, judge.judge(folder, c, exit), folder, c.lines()));
            }
        }
        return trials;
    }

    /** Counts per state, e.g. {@code "KILL: 16 kills, 7 old, 9 new, 0 partial, 0 unreadable"}. */
    public static String tally(ChildJvm.Signal s, List<Trial> trials) {
        Map<State, Integer> n = counts(trials);
        return s + ": " + trials.size() + " kills, " + n.get(State.OLD) + " old, " + n.get(State.NEW) + " new, "
                + n.get(State.PARTIAL) + " partial, " + n.get(State.UNREADABLE) + " unreadable";
    }

    public static Map<State, Integer> counts(List<Trial> trials) {
        Map<State, Integer> n = new EnumMap<>(State.class);
        for (State st : State.values()) {
            n.put(st, 0);
        }
        trials.forEach(t -> n.merge(t.outcome().state(), 1, Integer::sum));
        return n;
    }

    /** Copies a folder tree (a data folder: a few files). */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Deletes a folder tree. */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
