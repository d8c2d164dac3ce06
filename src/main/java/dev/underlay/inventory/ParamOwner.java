package dev.underlay.inventory;

import java.util.Objects;

/**
 * What holds a param value: a machine, a profile (the global one included), or a param definition (its default).
 * Sealed values are stored per owner and param, and bound to both, so a value copied to another owner fails to
 * decrypt instead of handing out the wrong secret.
 */
public record ParamOwner(Kind kind, String name) {
    /** Kinds of owner; {@link #id()} is what the database stores. */
    public enum Kind {
        MACHINE("machine"), PROFILE("profile"), DEFINITION("param");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind parse(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown param owner kind '" + id + "'");
        }
    }

    public ParamOwner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static ParamOwner machine(String name) {
        return new ParamOwner(Kind.MACHINE, name);
    }

    public static ParamOwner profile(String name) {
        return new ParamOwner(Kind.PROFILE, name);
    }

    public static ParamOwner definition(String name) {
        return new ParamOwner(Kind.DEFINITION, name);
    }

    /** The owner of a resolved value: the machine, the profile it came from, or the definition for a default. */
    public static ParamOwner of(ParamSource source, String param) {
        return switch (source.kind()) {
            case MACHINE -> machine(source.name());
            case PROFILE, STAGE_PROFILE, CLUSTER_PROFILE, GLOBAL -> profile(source.name());
            // a content pack may not put a secure value into a stage's own params: nothing there is ever sealed
            case STAGE -> throw new IllegalArgumentException("stage " + source.name() + " holds no sealed values");
            case DEFAULT -> definition(param);
        };
    }

    /** As in messages: {@code machine db01}, {@code profile web}, {@code param db_password}. */
    @Override
    public String toString() {
        return kind.id + " " + name;
    }
}
