package dev.underlay.ssh;

import java.util.List;

/**
 * What {@link HostKeyStore#save} did with one key it was given.
 *
 * @param key    the key as given (its endpoint, type, fingerprint, source, revoked flag)
 * @param result what became of it
 * @param stored the stored key that decided it: for {@link Result#CONFLICT} the stored key of the same type, for
 *               {@link Result#UNTRUSTED} the trusted row now revoked, for {@link Result#REFUSED_REVOKED} the
 *               revoked row (possibly of another endpoint); otherwise null
 */
public record HostKeyChange(KnownHostKey key, Result result, KnownHostKey stored) {
    /** The outcomes of a save. */
    public enum Result {
        /** A trusted key new to its endpoint: stored. */
        ADDED,
        /** A revoked key not stored before for its endpoint: stored as revoked. */
        REVOKED,
        /** A revoked key that was stored as trusted for its endpoint: that row is now revoked. */
        UNTRUSTED,
        /** Already stored as given (or already revoked): nothing written. */
        UNCHANGED,
        /** A trusted key while another valid key of the same type is stored for the endpoint: not stored. */
        CONFLICT,
        /** A trusted key that is revoked (for this or any endpoint): not stored, never trusted again. */
        REFUSED_REVOKED
    }

    /** How many of {@code changes} had {@code result}. */
    public static int count(List<HostKeyChange> changes, Result result) {
        return (int) changes.stream().filter(c -> c.result() == result).count();
    }
}
