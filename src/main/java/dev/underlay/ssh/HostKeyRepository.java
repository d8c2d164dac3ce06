package dev.underlay.ssh;

import java.util.List;

/** Storage of known host keys (JDBC in dev.underlay.ssh.repository). */
public interface HostKeyRepository {
    /** Every stored key. */
    List<KnownHostKey> all();

    /**
     * Writes the keys in one transaction: a key not stored for its endpoint is inserted; a revoked key whose
     * fingerprint is stored for its endpoint marks that row revoked; anything else already stored is left as it is.
     */
    void addAll(List<KnownHostKey> keys);

    /** Deletes the endpoint's trusted keys (its revoked keys stay); returns how many were removed. */
    int removeTrusted(Endpoint endpoint);
}
