package dev.underlay.cli;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobService;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StreamKind;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of {@code underlay run}: the hosts' outputs gathered as {@code clush -b} gathers them (identical
 * outputs printed once, {@code 481 hosts: same output}), then one line like exec's: counts, failed hosts grouped
 * by cause, the duration.
 */
final class RunSummary {
    private final JobService jobs;
    private final long id;

    RunSummary(JobService jobs, long id) {
        this.jobs = jobs;
        this.id = id;
    }

    /** Prints each distinct output once, with the hosts that printed it. */
    void gathered(PrintWriter out) {
        Map<String, StringBuilder> text = new LinkedHashMap<>();
        for (JobRepository.HostRow h : jobs.hosts(id)) {
            text.put(h.host(), new StringBuilder());
        }
        jobs.output(id, null, null, l -> text.computeIfAbsent(l.host(), k -> new StringBuilder())
                .append(l.stream() == StreamKind.STDERR ? "[stderr] " : "").append(l.text()).append('\n'));
        Map<String, List<String>> byOutput = new LinkedHashMap<>();
        text.forEach((host, t) -> byOutput.computeIfAbsent(t.toString(), k -> new ArrayList<>()).add(host));
        for (Map.Entry<String, List<String>> e : byOutput.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            List<String> hosts = e.getValue();
            out.println("---- " + (hosts.size() == 1 ? hosts.get(0) : hosts.size() + " hosts: same output ("
                    + names(hosts) + ")") + " ----");
            out.print(e.getKey());
        }
        out.flush();
    }

    /** {@code job 7 succeeded: 41 hosts: 38 ok, 3 failed (connection refused: a, b; exit 1: c) in 1.84 s}. */
    String line(Duration elapsed) {
        JobRepository.JobSummary job = jobs.find(id).orElseThrow();
        Map<String, JobListener.StepResult> lastOf = new LinkedHashMap<>();
        for (JobListener.StepResult r : jobs.results(id)) {
            lastOf.put(r.host(), r);
        }
        int ok = 0;
        Map<String, List<String>> failed = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        List<JobRepository.HostRow> hosts = jobs.hosts(id);
        for (JobRepository.HostRow h : hosts) {
            if (h.state() == HostRunState.DONE) {
                ok++;
            } else if (h.state() == HostRunState.FAILED) {
                failed.computeIfAbsent(cause(lastOf.get(h.host())), k -> new ArrayList<>()).add(h.host());
            } else {
                other.add(h.host() + " " + h.state().id());
            }
        }
        StringBuilder b = new StringBuilder("job ").append(id).append(' ').append(job.state().id()).append(": ");
        b.append(hosts.size()).append(hosts.size() == 1 ? " host: " : " hosts: ").append(ok).append(" ok");
        if (!failed.isEmpty()) {
            int n = failed.values().stream().mapToInt(List::size).sum();
            List<String> groups = new ArrayList<>();
            failed.forEach((cause, names) -> groups.add(cause + ": " + names(names)));
            b.append(", ").append(n).append(" failed (").append(String.join("; ", groups)).append(')');
        }
        if (!other.isEmpty()) {
            b.append(", ").append(other.size()).append(" not run to the end (").append(names(other)).append(')');
        }
        b.append(" in ").append(String.format(Locale.ROOT, "%.2f s", elapsed.toNanos() / 1e9));
        if (!job.message().isEmpty() && job.state() != dev.underlay.automation.jobs.JobState.SUCCEEDED) {
            b.append("\n").append(job.message());
        }
        return b.toString();
    }

    /** "connection refused", "exit 1", "render failed" for the last attempt of a failed host. */
    static String cause(JobListener.StepResult r) {
        if (r == null) {
            return "not started";
        }
        if (!r.failure().isEmpty()) {
            return r.failure().equals("TARGET_INVALID") ? "not connectable"
                    : r.failure().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return r.exitStatus() >= 0 ? "exit " + r.exitStatus() : "failed";
    }

    private static String names(List<String> hosts) {
        int shown = ExecSummary.NAMES_LISTED;
        if (hosts.size() <= shown) {
            return String.join(", ", hosts);
        }
        return String.join(", ", hosts.subList(0, shown)) + " and " + (hosts.size() - shown) + " more";
    }
}
