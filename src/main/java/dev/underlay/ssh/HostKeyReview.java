package dev.underlay.ssh;

import java.security.PublicKey;
import java.util.List;

/**
 * One row of a host key review: what the target presented and how it compares with the store.
 *
 * @param keyType           type of the presented key, "" when none was obtained
 * @param fingerprint       SHA256 fingerprint of the presented key, "" when none was obtained
 * @param knownFingerprints for CHANGED: the stored keys ("type SHA256:..."); for KNOWN/REVOKED the matching one
 * @param publicKey         the presented key (what {@link SshTransport#accept(List)} stores), null when FAILED
 * @param message           one sentence for the review table
 */
public record HostKeyReview(String name, Endpoint endpoint, HostKeyStatus status, String keyType,
                            String fingerprint, List<String> knownFingerprints, PublicKey publicKey,
                            String message) {
    public HostKeyReview {
        knownFingerprints = List.copyOf(knownFingerprints);
    }
}
