package dev.underlay.ssh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports known_hosts entries into the {@link HostKeyStore}. Plain host names are taken as written; hashed and
 * wildcard entries cannot be listed, so they are matched against the inventory's endpoints (address and port of
 * every machine). Nothing is trusted silently against another key:
 * <ul>
 *   <li>a {@code @revoked} line revokes its key (a trusted one included) and wins over a plain line of the same
 *       key, as in OpenSSH;</li>
 *   <li>two different keys of one type for one endpoint in the file are a conflict: neither is imported;</li>
 *   <li>a key that differs from the stored key of its type is a conflict: the stored key is kept.</li>
 * </ul>
 * Every line that is not imported gets a note {@code kind: file:line: sentence}.
 */
public final class KnownHostsImport {
    private final HostKeyStore store;

    public KnownHostsImport(HostKeyStore store) {
        this.store = store;
    }

    /**
     * The outcome. Counts are of keys per endpoint, except unmatched, skipped and rejected, which count lines.
     *
     * @param added     trusted keys newly stored
     * @param revoked   keys newly revoked (trusted ones among them are named in the notes)
     * @param known     keys already stored as the file has them
     * @param conflicts keys not imported because the file has another key of the type for the endpoint, or the
     *                  inventory does
     * @param unmatched hashed or wildcard lines matching no inventory endpoint
     * @param skipped   lines not supported ({@code @cert-authority}) and keys not trusted because they are revoked
     * @param rejected  lines that could not be read (from the parser)
     * @param notes     one sentence per line not imported, or revoking a trusted key, in line order
     */
    public record Report(int added, int revoked, int known, int conflicts, int unmatched, int skipped, int rejected,
                         List<String> notes) {
        public Report {
            notes = List.copyOf(notes);
        }

        /** A conflict, or nothing of the file is in the store: the import did not do what was asked. */
        public boolean failed() {
            return conflicts > 0 || added + revoked + known == 0;
        }

        /** "3 added, 1 revoked, 0 already known, 1 conflict, 0 unmatched, 0 skipped, 2 rejected". */
        public String summary() {
            return added + " added, " + revoked + " revoked, " + known + " already known, " + conflicts
                    + (conflicts == 1 ? " conflict, " : " conflicts, ") + unmatched + " unmatched, " + skipped
                    + " skipped, " + rejected + " rejected";
        }
    }

    /** A line the parser could not read. */
    public record Rejected(int line, String reason) {
    }

    /** Imports the entries; {@code inventory} is every machine's endpoint (for hashed and wildcard entries). */
    public Report run(String fileName, List<? extends KnownHostsEntry> entries, Collection<Endpoint> inventory) {
        return run(fileName, entries, List.of(), inventory);
    }

    /** As {@link #run(String, List, Collection)}, with the lines the parser rejected, for the notes and counts. */
    public Report run(String fileName, List<? extends KnownHostsEntry> entries, List<Rejected> rejected,
                      Collection<Endpoint> inventory) {
        KnownHostsNotes notes = new KnownHostsNotes(fileName);
        rejected.forEach(r -> notes.add("rejected", r.line(), r.reason()));
        List<Candidate> candidates = new ArrayList<>();
        int unmatched = 0;
        int skipped = 0;
        int badPatterns = 0;
        for (KnownHostsEntry e : entries) {
            if (e.marker() == KnownHostsEntry.Marker.CERT_AUTHORITY) {
                skipped++;
                notes.add("skipped", e.line(), "@cert-authority entries are not supported.");
                continue;
            }
            List<String> bad = new ArrayList<>();
            Set<Endpoint> endpoints = endpoints(e, inventory, bad);
            for (String p : bad) {
                notes.add("rejected", e.line(), "'" + p + "' is not an address or [address]:port.");
            }
            badPatterns += bad.isEmpty() ? 0 : 1;
            if (endpoints.isEmpty()) {
                if (bad.isEmpty()) {
                    unmatched++;
                    if (e.marker() == KnownHostsEntry.Marker.REVOKED) {
                        notes.add("skipped", e.line(), "this @revoked entry matches no machine of the inventory, so "
                                + "nothing was revoked; import the machines first, then this file again.");
                    }
                }
                continue;
            }
            boolean revoked = e.marker() == KnownHostsEntry.Marker.REVOKED;
            for (Endpoint ep : endpoints) {
                candidates.add(new Candidate(e.line(), store.toKnown(ep, e.key(), "known_hosts", revoked)));
            }
        }

        // OpenSSH: a revoked key stays refused whatever other line lists it
        Map<String, Integer> revokedInFile = new LinkedHashMap<>();
        candidates.stream().filter(c -> c.key.revoked())
                .forEach(c -> revokedInFile.putIfAbsent(c.key.fingerprint(), c.line));
        Map<String, Map<String, List<Candidate>>> byEndpointType = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (!c.key.revoked() && !revokedInFile.containsKey(c.key.fingerprint())) {
                byEndpointType.computeIfAbsent(c.key.endpoint() + " " + c.key.keyType(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(c.key.fingerprint(), k -> new ArrayList<>()).add(c);
            }
        }
        int conflicts = 0;
        Set<Candidate> conflicting = new LinkedHashSet<>();
        for (Map<String, List<Candidate>> keys : byEndpointType.values()) {
            if (keys.size() > 1) {
                conflicts++;
                List<Candidate> all = keys.values().stream().flatMap(List::stream).toList();
                conflicting.addAll(all);
                notes.conflictInFile(all.stream().map(c -> c.line).distinct().sorted().toList(),
                        all.get(0).key.endpoint(), all.get(0).key.keyType(), keys.values().stream()
                                .map(cs -> cs.get(0).key.fingerprint() + " on line " + cs.get(0).line).toList());
            }
        }

        List<Candidate> toSave = new ArrayList<>();
        Set<String> queued = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            if (conflicting.contains(c)) {
                continue;
            }
            Integer revokedOn = revokedInFile.get(c.key.fingerprint());
            if (!c.key.revoked() && revokedOn != null) {
                skipped++;
                notes.forEndpoint("skipped", c.line, c.key.endpoint(), c.key.describe() + " is @revoked on line "
                        + revokedOn + "; not trusted.");
                continue;
            }
            if (queued.add(c.key.endpoint() + " " + c.key.fingerprint() + " " + c.key.revoked())) {
                toSave.add(c); // the same key listed twice for an endpoint is one key
            }
        }

        List<HostKeyChange> changes = store.save(toSave.stream().map(c -> c.key).toList());
        int[] counts = new int[HostKeyChange.Result.values().length];
        for (int i = 0; i < changes.size(); i++) {
            HostKeyChange ch = changes.get(i);
            counts[ch.result().ordinal()]++;
            notes.change(toSave.get(i).line, ch);
        }
        int revokedCount = counts[HostKeyChange.Result.REVOKED.ordinal()]
                + counts[HostKeyChange.Result.UNTRUSTED.ordinal()];
        return new Report(counts[HostKeyChange.Result.ADDED.ordinal()], revokedCount,
                counts[HostKeyChange.Result.UNCHANGED.ordinal()],
                conflicts + counts[HostKeyChange.Result.CONFLICT.ordinal()], unmatched,
                skipped + counts[HostKeyChange.Result.REFUSED_REVOKED.ordinal()], rejected.size() + badPatterns,
                notes.inLineOrder());
    }

    /** One key for one endpoint, from one line. */
    private record Candidate(int line, KnownHostKey key) {
    }

    private static Set<Endpoint> endpoints(KnownHostsEntry e, Collection<Endpoint> inventory, List<String> bad) {
        Set<Endpoint> out = new LinkedHashSet<>();
        boolean patterns = e.hashed();
        if (!e.hashed()) {
            for (String p : e.hostPatterns()) {
                if (p.startsWith("!") || p.contains("*") || p.contains("?")) {
                    patterns = true;
                    continue;
                }
                Endpoint ep = parse(p);
                if (ep == null) {
                    bad.add(p);
                } else if (e.matches(ep.address(), ep.port())) {
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
