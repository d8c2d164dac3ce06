package dev.underlay.inventory;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which side of a rack a machine is mounted on; full-depth machines take both. */
public enum Face {
    FRONT("front"),
    REAR("rear"),
    FULL_DEPTH("full-depth");

    private final String id;

    Face(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True when two machines on these faces would collide at the same U. */
    public boolean collidesWith(Face other) {
        return this == FULL_DEPTH || other == FULL_DEPTH || this == other;
    }

    public static Face parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("fulldepth") || t.equals("full")) {
            return FULL_DEPTH;
        }
        for (Face f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown face '" + text + "' (expected one of "
                + Arrays.stream(values()).map(Face::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
