package dev.underlay.inventory;

import java.util.Optional;

/**
 * Secrets of credentials (passwords, key passphrases), kept encrypted at rest outside the inventory rows.
 * Callers clear the arrays they pass in and get back when done with them.
 */
public interface CredentialSecrets {
    /**
     * No secrets at all, for runs that authenticate with unencrypted key files only (a rehearsal on lab twins, the
     * benchmarks): nothing is found, and storing one is refused.
     */
    CredentialSecrets NONE = new CredentialSecrets() {
        @Override
        public void put(String credential, char[] secret) {
            throw new UnsupportedOperationException("this run stores no secrets (it uses unencrypted keys only)");
        }

        @Override
        public Optional<char[]> get(String credential) {
            return Optional.empty();
        }

        @Override
        public void remove(String credential) {
            // nothing stored
        }
    };

    /** Stores (or replaces) the secret of the named credential. */
    void put(String credential, char[] secret);

    /** The secret of the named credential, if one is stored. */
    Optional<char[]> get(String credential);

    /** Forgets the secret of the named credential; no error when there is none. */
    void remove(String credential);

    /** The credentials that have a secret stored, without decrypting any (the console shows only that one is). */
    default java.util.List<String> credentialsWithSecrets() {
        return java.util.List.of();
    }
}
