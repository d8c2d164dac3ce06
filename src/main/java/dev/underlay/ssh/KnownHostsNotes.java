package dev.underlay.ssh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notes of a known_hosts import, {@code kind: file:line: sentence}, in line order. What one line does to many
 * endpoints (a wildcard or hashed line matching several machines) is one note naming them.
 */
final class KnownHostsNotes {
    /** Endpoints named in one note before "and N more". */
    private static final int NAMED = 5;

    private final String file;
    private final Map<String, Note> notes = new LinkedHashMap<>();

    KnownHostsNotes(String file) {
        this.file = file;
    }

    /** One note; what a line does to several endpoints collects them in {@code endpoints}. */
    private record Note(String kind, String where, int firstLine, String sentence, List<Endpoint> endpoints) {
        Note(String kind, String where, int firstLine, String sentence) {
            this(kind, where, firstLine, sentence, new ArrayList<>());
        }

        String render() {
            StringBuilder b = new StringBuilder(kind).append(": ").append(where).append(": ");
            if (!endpoints.isEmpty()) {
                List<String> named = endpoints.stream().limit(NAMED).map(Endpoint::toString).toList();
                b.append(String.join(", ", named));
                if (endpoints.size() > NAMED) {
                    b.append(" and ").append(endpoints.size() - NAMED).append(" more");
                }
                b.append(": ");
            }
            return b.append(sentence).toString();
        }
    }

    /** A sentence about a line as a whole. */
    void add(String kind, int line, String sentence) {
        notes.computeIfAbsent(kind + "\n" + line + "\n" + sentence,
                k -> new Note(kind, file + ":" + line, line, sentence));
    }

    /** A sentence about what a line does to one endpoint; endpoints of the same line and sentence share a note. */
    void forEndpoint(String kind, int line, Endpoint endpoint, String sentence) {
        notes.computeIfAbsent(kind + "\n" + line + "\n" + sentence,
                k -> new Note(kind, file + ":" + line, line, sentence)).endpoints().add(endpoint);
    }

    /** Several lines of the file give different keys of one type for one endpoint. */
    void conflictInFile(List<Integer> lines, Endpoint endpoint, String keyType, List<String> keysAndLines) {
        String where = file + ":" + String.join(",", lines.stream().map(String::valueOf).toList());
        String sentence = keysAndLines.size() + " different " + keyType + " keys in this file ("
                + String.join(", ", keysAndLines) + "); none of them was imported.";
        notes.computeIfAbsent("conflict\n" + where + "\n" + endpoint + sentence,
                k -> new Note("conflict", where, lines.get(0), sentence)).endpoints().add(endpoint);
    }

    /** The note, if any, for what the store did with a key of {@code line}. */
    void change(int line, HostKeyChange c) {
        KnownHostKey k = c.key();
        switch (c.result()) {
            case REVOKED -> forEndpoint("revoked", line, k.endpoint(), k.describe() + " is refused from now on, at "
                    + "every endpoint.");
            case UNTRUSTED -> forEndpoint("revoked", line, k.endpoint(), k.describe() + " was trusted; it is revoked "
                    + "now and refused at every endpoint.");
            case CONFLICT -> forEndpoint("conflict", line, k.endpoint(), "has " + k.describe() + " in the file but "
                    + c.stored().describe() + " in the inventory; kept the inventory's key.");
            case REFUSED_REVOKED -> forEndpoint("skipped", line, k.endpoint(), k.describe() + " is revoked in the "
                    + "inventory" + (c.stored().endpoint().equals(k.endpoint()) ? ""
                    : " (for " + c.stored().endpoint() + ")") + "; not trusted.");
            case ADDED, UNCHANGED -> {
                // counted in the summary
            }
        }
    }

    /** The rendered notes, by first line (stable). */
    List<String> inLineOrder() {
        return notes.values().stream().sorted(Comparator.comparingInt(Note::firstLine))
                .map(Note::render).toList();
    }
}
