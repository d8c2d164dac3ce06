package dev.underlay.cli;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.ssh.HostKeyReview;
import dev.underlay.ssh.HostKeyStatus;
import dev.underlay.ssh.InventoryTargets;
import dev.underlay.ssh.SshAuth;
import dev.underlay.ssh.SshTarget;
import dev.underlay.ssh.SshTransport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hostkeys scan} and {@code hostkeys accept}: fetch the host keys of machines in parallel (no login to
 * them), compare them with the store, print a review table, and store the NEW ones when asked. Exit status 0 when
 * every host answered with a new or known key, 1 when any failed, changed or is revoked.
 */
final class HostKeyScanCommands {
    private HostKeyScanCommands() {
    }

    /** {@code underlay hostkeys scan --on QUERY [--accept-new]}. */
    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = {"Fetches and reviews the host keys of the machines: NEW, KNOWN, CHANGED, REVOKED or FAILED.",
                "Compare the fingerprints with what the machines' administrators publish before accepting."})
    static final class Scan implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private SshAlgorithmOptions algorithms;

        @Option(names = "--on", required = true, paramLabel = "QUERY", description = "Machines to scan ('all').")
        private String on;

        @Option(names = "--accept-new", description = "Store the NEW keys (together) after printing the table.")
        private boolean acceptNew;

        @Override
        public Integer call() {
            return scan(spec, data, algorithms, on, acceptNew);
        }
    }

    /** {@code underlay hostkeys accept --on QUERY}. */
    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = {"Scans the machines and stores the keys of those seen for the first time (NEW).",
                "A CHANGED key is never accepted: forget the stored key first ('hostkeys forget')."})
    static final class Accept implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private SshAlgorithmOptions algorithms;

        @Option(names = "--on", required = true, paramLabel = "QUERY", description = "Machines to accept ('all').")
        private String on;

        @Override
        public Integer call() {
            return scan(spec, data, algorithms, on, true);
        }
    }

    private static int scan(CommandSpec spec, DataOption data, SshAlgorithmOptions algorithms, String on,
                            boolean accept) {
        PrintWriter out = spec.commandLine().getOut();
        try (CliContext ctx = data.open()) {
            Inventory inv = ctx.inventory().inventory();
            List<Machine> machines = HostKeysCommand.select(inv, on);
            List<SshTarget> targets = new ArrayList<>();
            List<String> notScanned = new ArrayList<>();
            for (Machine m : machines) {
                try {
                    targets.add(target(inv, m));
                } catch (IllegalArgumentException e) {
                    notScanned.add(e.getMessage());
                }
            }
            SshTransport ssh = algorithms.transport(ctx);
            List<HostKeyReview> reviews = targets.isEmpty() ? List.of() : ssh.scanHostKeys(targets).join();
            Map<HostKeyStatus, Integer> counts = new EnumMap<>(HostKeyStatus.class);
            TextTable t = new TextTable("HOST", "ENDPOINT", "STATUS", "TYPE", "FINGERPRINT", "STORED");
            for (HostKeyReview r : reviews) {
                counts.merge(r.status(), 1, Integer::sum);
                t.row(r.name(), HostKeysCommand.where(r.endpoint()), r.status().name(), dash(r.keyType()),
                        dash(r.fingerprint()), r.status() == HostKeyStatus.CHANGED
                                ? String.join(", ", r.knownFingerprints()) : "");
            }
            if (!reviews.isEmpty()) {
                t.print(out);
            }
            for (HostKeyReview r : reviews) {
                if (r.status() != HostKeyStatus.NEW && r.status() != HostKeyStatus.KNOWN) {
                    out.println(r.status().name().toLowerCase(Locale.ROOT) + ": " + r.message());
                }
            }
            notScanned.forEach(m -> out.println("not scanned: " + m));
            out.println(counts(reviews.size(), counts, notScanned.size()));
            int fresh = counts.getOrDefault(HostKeyStatus.NEW, 0);
            if (accept) {
                int stored = fresh == 0 ? 0 : ssh.accept(reviews);
                out.println("accepted " + stored + " new host " + (stored == 1 ? "key" : "keys"));
            } else if (fresh > 0) {
                out.println("after checking the fingerprints, store the new keys with 'underlay hostkeys accept --on "
                        + quoted(on) + "' (or scan again with --accept-new)");
            }
            if (counts.getOrDefault(HostKeyStatus.CHANGED, 0) > 0) {
                out.println("changed keys are never accepted: if a machine was reinstalled, check its new key, then "
                        + "'underlay hostkeys forget --on name:HOST' and accept again");
            }
            boolean clean = notScanned.isEmpty() && reviews.stream().allMatch(r -> r.status() == HostKeyStatus.NEW
                    || r.status() == HostKeyStatus.KNOWN);
            return clean ? UnderlayCli.OK : UnderlayCli.FAILURE;
        }
    }

    /**
     * The machine's target. Scanning logs in to no target (only to bastions), so a machine without credential or
     * user is still scanned directly when it has an address and no bastion.
     */
    private static SshTarget target(Inventory inv, Machine m) {
        try {
            return InventoryTargets.target(inv, m);
        } catch (IllegalArgumentException e) {
            boolean bastion = ParamResolver.resolve(inv, m).containsKey(InventoryTargets.BASTION_PARAM);
            if (m.address().isBlank() || bastion) {
                throw e;
            }
            String user = m.sshUser().isBlank() ? "hostkey-scan" : m.sshUser();
            return SshTarget.direct(m.name(), m.address(), m.sshPort(), user, new SshAuth.Password("none"));
        }
    }

    private static String counts(int scanned, Map<HostKeyStatus, Integer> counts, int notScanned) {
        StringBuilder b = new StringBuilder().append(scanned).append(scanned == 1 ? " host scanned: " : " hosts scanned: ");
        List<String> parts = new ArrayList<>();
        for (HostKeyStatus s : HostKeyStatus.values()) {
            parts.add(counts.getOrDefault(s, 0) + " " + s.name().toLowerCase(Locale.ROOT));
        }
        b.append(String.join(", ", parts));
        if (notScanned > 0) {
            b.append("; ").append(notScanned).append(" not scanned");
        }
        return b.toString();
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private static String quoted(String q) {
        return q.contains(" ") ? "'" + q + "'" : q;
    }
}
