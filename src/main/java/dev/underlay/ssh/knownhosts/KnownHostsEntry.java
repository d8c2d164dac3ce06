package dev.underlay.ssh.knownhosts;

import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One key line of a known_hosts file: either plain host patterns or one hashed host, the key type as written,
 * the decoded key, and the comment. {@link #matches} applies OpenSSH's rules; what the marker means
 * (trust a CA, refuse a revoked key) is for the host-key store to decide.
 */
public final class KnownHostsEntry {
    private final int lineNumber;
    private final KnownHostsMarker marker;
    private final List<String> hostPatterns;
    private final HashedHost hashedHost;
    private final String keyType;
    private final PublicKey publicKey;
    private final String comment;

    KnownHostsEntry(int lineNumber, KnownHostsMarker marker, List<String> hostPatterns, HashedHost hashedHost,
                    String keyType, PublicKey publicKey, String comment) {
        this.lineNumber = lineNumber;
        this.marker = Objects.requireNonNull(marker, "marker");
        this.hostPatterns = List.copyOf(hostPatterns);
        this.hashedHost = hashedHost;
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.comment = comment == null ? "" : comment;
    }

    /** 1-based line in the source. */
    public int lineNumber() {
        return lineNumber;
    }

    public KnownHostsMarker marker() {
        return marker;
    }

    /** The comma-separated patterns as written ({@code !} kept), or empty for a hashed entry. */
    public List<String> hostPatterns() {
        return hostPatterns;
    }

    /** The hashed host, for entries written by {@code HashKnownHosts yes} or {@code ssh-keygen -H}. */
    public Optional<HashedHost> hashedHost() {
        return Optional.ofNullable(hashedHost);
    }

    public boolean isHashed() {
        return hashedHost != null;
    }

    /** The key type name as written, e.g. {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}. */
    public String keyType() {
        return keyType;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Whatever followed the key on the line, trimmed; empty when nothing did. */
    public String comment() {
        return comment;
    }

    /** {@code SHA256:...} as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        return KnownHostsFile.fingerprint(publicKey);
    }

    /**
     * True when this line applies to {@code host} on {@code port}, by OpenSSH's rules: the looked-up name is
     * {@code host} for port 22 and {@code [host]:port} otherwise, compared case-insensitively with each pattern
     * ({@code *}, {@code ?}); a matching negated pattern ({@code !}) rules the line out; a hashed entry matches
     * when the HMAC-SHA1 of that name equals the stored hash.
     */
    public boolean matches(String host, int port) {
        String name = HostPatterns.hostString(host, port);
        return hashedHost != null ? hashedHost.matches(name) : HostPatterns.matches(name, hostPatterns);
    }

    /** The host field as written in the file. */
    public String hostField() {
        return hashedHost != null ? hashedHost.toString() : String.join(",", hostPatterns);
    }

    @Override
    public String toString() {
        return "KnownHostsEntry[line " + lineNumber + (marker == KnownHostsMarker.NONE ? "" : " " + marker.text())
                + " " + hostField() + " " + keyType + " " + fingerprint() + "]";
    }
}
