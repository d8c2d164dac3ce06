package dev.underlay.ssh;

import java.time.Instant;
import java.util.Objects;

/**
 * A host key the inventory trusts for one endpoint, or, when revoked, refuses (at every endpoint).
 *
 * @param publicKey   the key in OpenSSH public key form, "ssh-ed25519 AAAA..."
 * @param fingerprint "SHA256:..." as OpenSSH prints it
 * @param source      how it got here: "scan" (accepted after review), "first-contact", "known_hosts"
 */
public record KnownHostKey(Endpoint endpoint, String keyType, String publicKey, String fingerprint, String source,
                           boolean revoked, Instant addedAt) {
    public KnownHostKey {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(addedAt, "addedAt");
        source = source == null ? "" : source;
    }

    /** The same key, revoked (added when it was first stored). */
    public KnownHostKey asRevoked() {
        return new KnownHostKey(endpoint, keyType, publicKey, fingerprint, source, true, addedAt);
    }

    /** "ssh-ed25519 SHA256:..." for messages. */
    public String describe() {
        return keyType + " " + fingerprint;
    }
}
