package dev.underlay.cli;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Counted;
import dev.underlay.inventory.MachineQuery;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.HostKeyStore;
import dev.underlay.ssh.KnownHostKey;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code underlay hostkeys scan|accept|list|forget}: the SSH host keys the inventory trusts. */
@Command(name = "hostkeys", mixinStandardHelpOptions = true,
        description = {"Reviews, accepts, lists and forgets the SSH host keys Underlay trusts, per address and port.",
            "A changed key is never accepted by scan or accept: forget the old one first."},
        subcommands = {HostKeyScanCommands.Scan.class, HostKeyScanCommands.Accept.class, HostKeysCommand.ListKeys.class,
            HostKeysCommand.Forget.class})
final class HostKeysCommand implements Callable<Integer> {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return UnderlayCli.USAGE;
    }

    /** The machines of a query; an error line when it matches none. */
    static List<Machine> select(Inventory inv, String query) {
        MachineQuery q = MachineQuery.parse(query);
        List<Machine> ms = q.select(inv);
        if (ms.isEmpty()) {
            List<String> notes = q.notes(inv);
            throw new CliException("no machine matches '" + query + "'" + (inv.machines().isEmpty()
                    ? " (the inventory is empty; import machines first)"
                    : notes.isEmpty() ? "" : ": " + String.join(". ", notes)));
        }
        return ms;
    }

    /** Each endpoint of the machines (those with an address), with the names of the machines using it. */
    static Map<Endpoint, List<String>> endpoints(Collection<Machine> machines) {
        Map<Endpoint, List<String>> out = new LinkedHashMap<>();
        for (Machine m : machines) {
            if (m.address().isBlank()) {
                continue;
            }
            try {
                out.computeIfAbsent(new Endpoint(m.address(), m.sshPort()), e -> new ArrayList<>()).add(m.name());
            } catch (IllegalArgumentException e) {
                // a port out of range: such a machine has no endpoint and so no host key
            }
        }
        return out;
    }

    static String where(Endpoint e) {
        return e.address() + ":" + e.port();
    }

    /** {@code underlay hostkeys list [--on QUERY]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the stored host keys (all, or those of the machines matching --on).")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Option(names = "--on", paramLabel = "QUERY", description = "Only the endpoints of these machines.")
        private String on;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CliContext ctx = data.open()) {
                Inventory inv = ctx.inventory().inventory();
                HostKeyStore store = ctx.hostKeys();
                Map<Endpoint, List<String>> names = endpoints(inv.machines().values());
                Map<Endpoint, List<KnownHostKey>> keys = new TreeMap<>(
                        Comparator.comparing(Endpoint::address).thenComparingInt(Endpoint::port));
                List<String> without = new ArrayList<>();
                if (on == null) {
                    store.all().forEach(k -> keys.computeIfAbsent(k.endpoint(), e -> new ArrayList<>()).add(k));
                } else {
                    for (Map.Entry<Endpoint, List<String>> e : endpoints(select(inv, on)).entrySet()) {
                        List<KnownHostKey> ks = store.keys(e.getKey());
                        if (ks.isEmpty()) {
                            without.add(String.join(", ", e.getValue()) + " (" + where(e.getKey()) + ")");
                        } else {
                            keys.put(e.getKey(), new ArrayList<>(ks));
                        }
                    }
                }
                TextTable t = new TextTable("ENDPOINT", "MACHINES", "TYPE", "FINGERPRINT", "STATE", "SOURCE", "ADDED");
                int count = 0;
                for (Map.Entry<Endpoint, List<KnownHostKey>> e : keys.entrySet()) {
                    String machines = String.join(",", names.getOrDefault(e.getKey(), List.of("-")));
                    for (KnownHostKey k : e.getValue()) {
                        t.row(where(e.getKey()), machines, k.keyType(), k.fingerprint(),
                                k.revoked() ? "revoked" : "trusted", k.source().isEmpty() ? "-" : k.source(),
                                DATE.format(k.addedAt()));
                        count++;
                    }
                }
                if (count > 0) {
                    t.print(out);
                }
                out.println(count + (count == 1 ? " key" : " keys") + " for " + keys.size()
                        + (keys.size() == 1 ? " endpoint" : " endpoints"));
                if (!without.isEmpty()) {
                    out.println("no key stored for " + without.size() + (without.size() == 1 ? " endpoint: "
                            : " endpoints: ") + String.join("; ", without.subList(0, Math.min(10, without.size())))
                            + (without.size() > 10 ? " and " + (without.size() - 10) + " more" : ""));
                }
                return UnderlayCli.OK;
            }
        }
    }

    /** {@code underlay hostkeys forget --on QUERY}. */
    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = {"Forgets the trusted host keys of the machines' endpoints (address and port),",
                "for example before accepting the new key of a reinstalled machine. Revoked keys stay revoked."})
    static final class Forget implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Option(names = "--on", required = true, paramLabel = "QUERY",
                description = "The machines whose endpoints' keys are forgotten ('all' for every machine).")
        private String on;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CliContext ctx = data.open()) {
                Inventory inv = ctx.inventory().inventory();
                HostKeyStore store = ctx.hostKeys();
                Map<Endpoint, List<String>> eps = endpoints(select(inv, on));
                int keys = 0;
                int endpoints = 0;
                for (Map.Entry<Endpoint, List<String>> e : eps.entrySet()) {
                    List<KnownHostKey> stored = store.keys(e.getKey()).stream().filter(k -> !k.revoked()).toList();
                    if (stored.isEmpty()) {
                        continue;
                    }
                    int n = store.forget(e.getKey());
                    keys += n;
                    endpoints++;
                    out.println("forgot " + where(e.getKey()) + " (" + String.join(", ", e.getValue()) + "): "
                            + String.join(", ", stored.stream().map(KnownHostKey::describe).toList()));
                }
                out.println(keys == 0 ? "no trusted keys for the " + Counted.of(eps.size(), "endpoint")
                        + " of the machines matching '" + on + "'"
                        : "forgot " + Counted.of(keys, "key") + " of " + Counted.of(endpoints, "endpoint"));
                return UnderlayCli.OK;
            }
        }
    }
}
