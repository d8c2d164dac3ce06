package dev.underlay.ssh.ui;

import dev.underlay.inventory.NodeSet;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of a run: how many hosts succeeded, and the others grouped by cause (a {@link FailureKind}, or the
 * exit status for commands that ran and failed), largest group first.
 */
public record RunSummary(int total, int ok, List<Group> groups) {
    /** Hosts that ended the same way; {@code example} is the first one's sentence. */
    public record Group(String cause, List<String> hosts, String example) {
    }

    public static RunSummary of(List<ExecResult> results) {
        Map<String, List<ExecResult>> by = new LinkedHashMap<>();
        int ok = 0;
        for (ExecResult r : results) {
            if (r.succeeded()) {
                ok++;
                continue;
            }
            String cause = r.failed() ? label(r.failure())
                    : r.exitSignal().isEmpty() ? "exit " + r.exitStatus() : "signal " + r.exitSignal();
            by.computeIfAbsent(cause, k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        by.forEach((cause, rs) -> groups.add(new Group(cause, rs.stream().map(ExecResult::host).toList(),
                rs.get(0).message())));
        groups.sort((a, b) -> Integer.compare(b.hosts().size(), a.hosts().size()));
        return new RunSummary(results.size(), ok, List.copyOf(groups));
    }

    /** "connection refused" for CONNECTION_REFUSED. */
    public static String label(FailureKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Several lines: the totals, then one line per group with up to 12 host names. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(ok).append(" of ").append(total).append(" hosts ok");
        if (groups.isEmpty()) {
            return b.append('.').toString();
        }
        b.append(", ").append(total - ok).append(" not:");
        for (Group g : groups) {
            List<String> hosts = g.hosts();
            List<String> parts = NodeSet.foldParts(hosts);
            List<String> listed = parts.subList(0, Math.min(12, parts.size()));
            int shown = listed.stream().mapToInt(p -> NodeSet.expand(p).size()).sum();
            String names = String.join(", ", listed) + (shown < hosts.size() ? " and " + (hosts.size() - shown)
                    + " more" : "");
            b.append("\n").append(g.cause()).append(" (").append(hosts.size()).append("): ").append(names);
            if (!g.example().isBlank() && !g.cause().startsWith("exit")) {
                b.append(" \u2014 e.g. ").append(g.example());
            }
        }
        return b.toString();
    }
}
