package dev.underlay.inventory;

import java.util.Locale;

/** How a credential authenticates. */
public enum CredentialKind {
    KEY("key"),
    PASSWORD("password");

    private final String id;

    CredentialKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CredentialKind parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (CredentialKind k : values()) {
            if (k.id.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown credential kind '" + text + "' (expected key or password)");
    }

    @Override
    public String toString() {
        return id;
    }
}
