package dev.underlay.ssh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports known_hosts entries into the {@link HostKeyStore}. Plain host names are taken as written; hashed and
 * wildcard entries cannot be listed, so they are matched against the inventory's endpoints (address and port of
 * every machine). A stored key of the same type that differs is never overwritten: it is reported as a conflict.
 */
public final class KnownHostsImport {
    private final HostKeyStore store;

    public KnownHostsImport(HostKeyStore store) {
        this.store = store;
    }

    /**
     * The outcome.
     *
     * @param added      keys newly stored
     * @param known      keys that were already stored
     * @param conflicts  entries not imported because another key of the same type is stored for the endpoint
     * @param unmatched  hashed or wildcard entries matching no inventory endpoint
     * @param skipped    entries not supported (@cert-authority)
     * @param notes      one sentence per conflict or skipped line
     */
    public record Report(int added, int known, int conflicts, int unmatched, int skipped, List<String> notes) {
        public Report {
            notes = List.copyOf(notes);
        }
    }

    /** Imports the entries; {@code inventory} is every machine's endpoint (for hashed and wildcard entries). */
    public Report run(String fileName, List<? extends KnownHostsEntry> entries, Collection<Endpoint> inventory) {
        List<KnownHostKey> toAdd = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int known = 0;
        int conflicts = 0;
        int unmatched = 0;
        int skipped = 0;
        for (KnownHostsEntry e : entries) {
            if (e.marker() == KnownHostsEntry.Marker.CERT_AUTHORITY) {
                skipped++;
                notes.add(fileName + " line " + e.line() + ": @cert-authority entries are not supported; skipped.");
                continue;
            }
            Set<Endpoint> endpoints = endpoints(e, inventory);
            if (endpoints.isEmpty()) {
                unmatched++;
                continue;
            }
            boolean revoked = e.marker() == KnownHostsEntry.Marker.REVOKED;
            for (Endpoint ep : endpoints) {
                toAdd.add(store.toKnown(ep, e.key(), "known_hosts", revoked));
                lines.add(e.line());
            }
        }
        List<HostKeyChange> changes = store.save(toAdd);
        int added = 0;
        for (int i = 0; i < changes.size(); i++) {
            HostKeyChange c = changes.get(i);
            KnownHostKey k = c.key();
            switch (c.result()) {
                case ADDED, REVOKED -> added++;
                case UNTRUSTED -> {
                    added++;
                    notes.add(fileName + " line " + lines.get(i) + ": revoked " + k.endpoint() + " " + k.describe()
                            + ", which was trusted.");
                }
                case UNCHANGED -> known++;
                case CONFLICT -> {
                    conflicts++;
                    notes.add(fileName + " line " + lines.get(i) + ": " + k.endpoint() + " has " + k.describe()
                            + " in the file but " + c.stored().describe() + " in the inventory; kept the "
                            + "inventory's key.");
                }
                case REFUSED_REVOKED -> {
                    skipped++;
                    notes.add(fileName + " line " + lines.get(i) + ": " + k.endpoint() + " " + k.describe()
                            + " is revoked; not trusted.");
                }
            }
        }
        return new Report(added, known, conflicts, unmatched, skipped, notes);
    }

    private static Set<Endpoint> endpoints(KnownHostsEntry e, Collection<Endpoint> inventory) {
        Set<Endpoint> out = new LinkedHashSet<>();
        boolean patterns = e.hashed();
        if (!e.hashed()) {
            for (String p : e.hostPatterns()) {
                if (p.startsWith("!") || p.contains("*") || p.contains("?")) {
                    patterns = true;
                    continue;
                }
                Endpoint ep = parse(p);
                if (ep != null && e.matches(ep.address(), ep.port())) {
                    out.add(ep);
                }
            }
        }
        if (patterns) {
            for (Endpoint ep : inventory) {
                if (e.matches(ep.address(), ep.port())) {
                    out.add(ep);
                }
            }
        }
        return out;
    }

    private static Endpoint parse(String pattern) {
        try {
            if (pattern.startsWith("[")) {
                int close = pattern.indexOf("]:");
                if (close < 0) {
                    return null;
                }
                return new Endpoint(pattern.substring(1, close), Integer.parseInt(pattern.substring(close + 2)));
            }
            return new Endpoint(pattern, 22);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
