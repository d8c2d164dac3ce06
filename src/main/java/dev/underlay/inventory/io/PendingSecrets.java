package dev.underlay.inventory.io;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Passwords an import met, held from planning until the plan is applied (then handed to the secret store) or
 * dropped. Deliberately opaque: no accessor returns a secret outside this package and {@link #toString()} shows
 * only the credential names, so a plan can be logged or printed safely.
 */
public final class PendingSecrets {
    static final PendingSecrets NONE = new PendingSecrets(Map.of());

    private final Map<String, char[]> byCredential;

    PendingSecrets(Map<String, char[]> byCredential) {
        this.byCredential = new LinkedHashMap<>(byCredential);
    }

    /** Names of the credentials whose password the plan carries. */
    public Set<String> credentials() {
        return Collections.unmodifiableSet(byCredential.keySet());
    }

    Map<String, char[]> secrets() {
        return byCredential;
    }

    /** Overwrites the held passwords; call when a plan is dropped without being applied. */
    public void clear() {
        byCredential.values().forEach(s -> Arrays.fill(s, '\0'));
    }

    @Override
    public String toString() {
        return "passwords for " + byCredential.keySet();
    }
}
