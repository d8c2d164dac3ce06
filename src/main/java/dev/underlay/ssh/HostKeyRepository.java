package dev.underlay.ssh;

import java.util.List;

/** Storage of known host keys (JDBC in dev.underlay.ssh.repository). */
public interface HostKeyRepository {
    /** Every stored key. */
    List<KnownHostKey> all();

    /** Adds the keys in one transaction; a key already stored for its endpoint is left as it is. */
    void addAll(List<KnownHostKey> keys);

    /** Deletes every key of the endpoint; returns how many were removed. */
    int removeAll(Endpoint endpoint);
}
