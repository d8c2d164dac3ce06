package dev.underlay.cli;

import dev.underlay.inventory.NodeSet;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The closing line of {@code underlay exec}, e.g. {@code 41 hosts: 38 ok, 1 exit non-zero (fra1-db01), 2 failed
 * (connection refused: fra1-gpu[03-04]) in 1.84 s}: host lists folded as node sets, and hints for failures a user can
 * fix with another command.
 */
final class ExecSummary {
    /** Host names listed per group; the rest are counted. */
    static final int NAMES_LISTED = 5;

    private final List<ExecResult> results;
    private final Map<FailureKind, List<String>> failed = new EnumMap<>(FailureKind.class);
    private final List<String> nonZero = new ArrayList<>();
    private final List<String> signalled = new ArrayList<>();
    private int ok;

    ExecSummary(List<ExecResult> results) {
        this.results = List.copyOf(results);
        for (ExecResult r : results) {
            if (r.succeeded()) {
                ok++;
            } else if (r.failed()) {
                failed.computeIfAbsent(r.failure(), k -> new ArrayList<>()).add(r.host());
            } else if (!r.exitSignal().isEmpty()) {
                signalled.add(r.host());
            } else {
                nonZero.add(r.host());
            }
        }
    }

    /** True when every host ran the command and it exited 0. */
    boolean allOk() {
        return ok == results.size();
    }

    int failedCount(FailureKind kind) {
        return failed.getOrDefault(kind, List.of()).size();
    }

    /** The summary line. */
    String line(Duration elapsed, boolean interrupted) {
        int n = results.size();
        StringBuilder b = new StringBuilder(interrupted ? "interrupted: " : "");
        b.append(n).append(n == 1 ? " host: " : " hosts: ").append(ok).append(" ok");
        if (!nonZero.isEmpty()) {
            b.append(", ").append(nonZero.size()).append(" exit non-zero (").append(names(nonZero)).append(')');
        }
        if (!signalled.isEmpty()) {
            b.append(", ").append(signalled.size()).append(" ended by a signal (").append(names(signalled))
                    .append(')');
        }
        if (!failed.isEmpty()) {
            int count = failed.values().stream().mapToInt(List::size).sum();
            List<String> groups = new ArrayList<>();
            failed.forEach((kind, hosts) -> groups.add(describe(kind) + ": " + names(hosts)));
            b.append(", ").append(count).append(" failed (").append(String.join("; ", groups)).append(')');
        }
        return b.append(" in ").append(String.format(Locale.ROOT, "%.2f s", elapsed.toNanos() / 1e9)).toString();
    }

    /** Lines telling how to fix failures that another command fixes; {@code query} is the --on text. */
    List<String> hints(String query, boolean terminal) {
        List<String> out = new ArrayList<>();
        String q = shellWord(query);
        int unknown = failedCount(FailureKind.HOST_KEY_UNKNOWN);
        if (unknown > 0) {
            out.add("hint: " + unknown + (unknown == 1 ? " host has a host key" : " hosts have host keys")
                    + " the inventory does not know yet: review with 'underlay hostkeys scan --on " + q
                    + "' and accept with 'underlay hostkeys accept --on " + q
                    + "', or import a known_hosts file with 'underlay import --format known_hosts FILE'");
        }
        if (failedCount(FailureKind.HOST_KEY_CHANGED) > 0) {
            out.add("hint: a changed host key is never accepted automatically; if the machine was reinstalled, "
                    + "check its new key, then 'underlay hostkeys forget --on name:HOST' and accept it");
        }
        if (failedCount(FailureKind.KEY_FILE) > 0 && !terminal) {
            out.add("hint: passphrases of encrypted key files are asked only at a terminal, and there is none "
                    + "here; run the command from a terminal or store the passphrase with the credential");
        }
        return out;
    }

    /** The query as one shell word: quoted when a shell would split it or expand it ({@code lab[01-02]}). */
    static String shellWord(String query) {
        return query.matches("[A-Za-z0-9._:,=/@+%-]+") ? query : "'" + query.replace("'", "'\\''") + "'";
    }

    /** Short name of a failure kind for the summary: "connection refused", "host key unknown". */
    static String describe(FailureKind kind) {
        return switch (kind) {
            case NONE -> "ok";
            case TARGET_INVALID -> "not connectable";
            case KEY_FILE -> "key file unusable";
            case INTERNAL -> "internal error";
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * Hosts as a node set ({@code fra1-gpu[03-04],fra1-web07}), which {@code --on} takes back as it is; past
     * {@link #NAMES_LISTED} parts the rest are counted.
     */
    static String names(List<String> hosts) {
        List<String> parts = NodeSet.foldParts(hosts);
        if (parts.size() <= NAMES_LISTED) {
            return String.join(",", parts);
        }
        List<String> listed = parts.subList(0, NAMES_LISTED);
        int shown = listed.stream().mapToInt(p -> NodeSet.expand(p).size()).sum();
        return String.join(",", listed) + " and " + (hosts.size() - shown) + " more";
    }

    /**
     * What {@code exec} prints for a host as it fails. An unknown host key's advice is left out here: the hint
     * after the summary gives it once for all of them.
     */
    static String hostLine(ExecResult r) {
        String m = r.message();
        int advice = m.indexOf("; review it with");
        return r.failure() == FailureKind.HOST_KEY_UNKNOWN && advice > 0 ? m.substring(0, advice) : m;
    }
}
