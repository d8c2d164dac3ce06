package dev.underlay.automation.content;

import java.util.Objects;

/**
 * One template of a task: a script to run, or a file to write at {@code path} with {@code mode} (octal text such as
 * {@code 0644}) and {@code owner} ({@code user:group}, or empty for the login user). The body, and for a file its
 * path, are Pebble templates rendered against the machine's params (decision 0011).
 */
public record TaskTemplate(String name, Kind kind, String path, String mode, String owner, String body) {
    /** What a template is. */
    public enum Kind {
        SCRIPT("script"), FILE("file");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The word content packs use. */
        public String id() {
            return id;
        }

        /** The kind for {@code id}, or null when there is none. */
        public static Kind parse(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            return null;
        }
    }

    public TaskTemplate {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        path = path == null ? "" : path;
        mode = mode == null || mode.isEmpty() ? (kind == Kind.FILE ? "0644" : "") : mode;
        owner = owner == null ? "" : owner;
        body = body == null ? "" : body;
    }

    /** A script template. */
    public static TaskTemplate script(String name, String body) {
        return new TaskTemplate(name, Kind.SCRIPT, "", "", "", body);
    }

    /** A file template. */
    public static TaskTemplate file(String name, String path, String mode, String owner, String body) {
        return new TaskTemplate(name, Kind.FILE, path, mode, owner, body);
    }
}
