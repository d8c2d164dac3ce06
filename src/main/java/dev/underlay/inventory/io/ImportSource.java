package dev.underlay.inventory.io;

import dev.underlay.inventory.InventoryChanges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What a reader took from a file, before it is compared with the inventory: the entities as the file states them,
 * where each came from, the problems found while reading, and the passwords met (held only until the plan is
 * applied or dropped).
 */
final class ImportSource {
    /** Where an entity was defined: its line and how to find the line of one of its fields. */
    record Origin(int line, ToIntFunction<String> fields) {
        int line(String field) {
            int l = fields.applyAsInt(field);
            return l > 0 ? l : line;
        }

        /** An entity written on one line (CSV rows). */
        static Origin at(int line) {
            return new Origin(line, f -> line);
        }

        /** An entity whose field lines are listed; other fields point at the entity's line. */
        static Origin of(int line, Map<String, Integer> fields) {
            return new Origin(line, f -> fields.getOrDefault(f, line));
        }
    }

    final String file;
    final InventoryChanges entities = new InventoryChanges();
    final List<ImportProblem> problems = new ArrayList<>();
    final Map<String, char[]> passwords = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    /** Secure params an export left out ("machine db01: db_password"): the import keeps the stored values. */
    final java.util.Set<String> keptSecure = new java.util.HashSet<>();
    /**
     * The fields a JSON file states for each machine ("machine web01" to its keys); a merge keeps the stored value
     * of every other field. No entry: the reader states every field (CSV rows start from the stored machine).
     */
    final Map<String, java.util.Set<String>> stated = new HashMap<>();
    /** Per kind of entity, where each name was defined. */
    private final Map<String, Map<String, Origin>> origins = new HashMap<>();
    /** Set by {@link #stop}: reading ended early. */
    boolean stopped;

    ImportSource(String file) {
        this.file = file;
    }

    void problem(int line, String field, String message) {
        problems.add(new ImportProblem(file, line, field, message));
    }

    /**
     * A problem after which the rest of the file could not be read (a syntax error): what was read is incomplete,
     * so the rules are not checked against it, which would only report things defined further on as missing.
     */
    void stop(int line, String field, String message) {
        problem(line, field, message);
        stopped = true;
    }

    /**
     * Records where an entity was defined; a second definition of the same name is a problem naming both lines.
     *
     * @return false when the name was already defined in this file
     */
    boolean define(String entity, String name, Origin origin) {
        Origin first = origins.computeIfAbsent(entity, e -> new HashMap<>()).putIfAbsent(name, origin);
        int line = origin.line();
        if (first != null) {
            problem(line, "name", entity + " " + name + " is defined twice in this file (lines " + first.line()
                    + " and " + line + ")");
            return false;
        }
        return true;
    }

    Origin origin(String entity, String name) {
        Map<String, Origin> of = origins.get(entity);
        return of == null ? null : of.get(name);
    }
}
