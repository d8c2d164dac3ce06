package dev.underlay.ssh;

import java.security.PublicKey;
import java.util.List;

/**
 * One line of an OpenSSH known_hosts file, as the import needs it. Adapter target for
 * {@code dev.underlay.ssh.knownhosts.KnownHostsFile}'s entries (the parser lives there; this package does not
 * parse known_hosts itself).
 */
public interface KnownHostsEntry {
    /** Line marker. */
    enum Marker { NONE, REVOKED, CERT_AUTHORITY }

    /** Line number in the file, for notes. */
    int line();

    /** The host patterns as written ("web1", "[10.0.0.5]:2222", "*.lab", "!x", or "|1|salt|hash"). */
    List<String> hostPatterns();

    /** True when the host part is hashed (HashKnownHosts): names cannot be listed, only matched. */
    boolean hashed();

    /** OpenSSH matching: patterns, negations, hashes, and the port rule of "[host]:port". */
    boolean matches(String host, int port);

    PublicKey key();

    Marker marker();
}
