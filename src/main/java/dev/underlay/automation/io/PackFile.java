package dev.underlay.automation.io;

import dev.underlay.automation.content.ContentPack;
import dev.underlay.automation.content.ContentViolation;
import java.util.Map;

/**
 * A content pack read from a file, with the line of each entity and field, so that a rule broken later (by the
 * service, against what is installed) is still told as {@code file:line: field: message}.
 */
public record PackFile(String file, ContentPack pack, Map<String, Integer> lines) {
    public PackFile {
        lines = Map.copyOf(lines);
    }

    /** {@code pack.yaml:12: tasks: stage base names task nope, ...}. */
    public String locate(ContentViolation v) {
        Integer line = lines.get(v.entity() + " " + v.name() + " " + v.field());
        if (line == null) {
            line = lines.get(v.entity() + " " + v.name());
        }
        return file + ":" + (line == null ? 1 : line) + ": " + v.field() + ": " + v.message();
    }

    /** The same, for a refusal of the inventory (a profile's or param's value that its schema refuses). */
    public String locate(String entity, String name, String field, String message) {
        return locate(new ContentViolation(entity, name, field, message));
    }
}
