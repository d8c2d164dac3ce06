package dev.underlay.secrets;

import java.util.List;
import java.util.Optional;

/** Storage of sealed credential secrets; sees ciphertext only, never a key or a plaintext. */
public interface CredentialSecretRepository {
    /** Inserts or replaces the row of {@code secret.credential()}. */
    void save(SealedSecret secret);

    Optional<SealedSecret> find(String credential);

    /** Deletes the row; true when there was one. */
    boolean delete(String credential);

    /** Deletes every row; returns how many there were. */
    int deleteAll();

    /** Names of the credentials that have a stored secret, sorted. */
    List<String> credentials();
}
