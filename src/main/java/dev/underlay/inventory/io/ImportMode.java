package dev.underlay.inventory.io;

import java.util.Locale;

/**
 * How an import treats a record that already exists under the same name. Records the file does not name are never
 * touched, and nothing is deleted, in either mode.
 */
public enum ImportMode {
    /**
     * The default: the file's values win field by field, but what the file leaves out is kept. Params, tags,
     * profiles, a profile's includes and a cluster's members are joined with the stored ones (stored ones first,
     * in their order, then the file's new ones), so an import never removes or reorders a param, tag or member.
     */
    MERGE("merge", "Merge into existing records: the file's values win, nothing stored is removed"),
    /**
     * Each record the file names becomes what the file says: params, tags, profiles and members it does not list
     * are removed (the preview warns about each).
     */
    REPLACE("replace", "Replace existing records: each becomes exactly what the file says");

    /** The mode an import uses when none is chosen. */
    public static final ImportMode DEFAULT = MERGE;

    private final String id;
    private final String label;

    ImportMode(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** {@code merge} or {@code replace}, as the CLI's {@code --merge} and {@code --replace} spell it. */
    public String id() {
        return id;
    }

    /** One line for the console's choice. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }
}
