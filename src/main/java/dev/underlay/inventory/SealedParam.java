package dev.underlay.inventory;

import java.util.Objects;

/**
 * A secure param value as stored: AES-GCM ciphertext with its tag, its nonce and the id of the key that sealed it,
 * for one owner and param (both bound into the ciphertext). Holds no plaintext; {@link #toString()} prints only
 * sizes, so a log line never carries even the ciphertext.
 */
public record SealedParam(ParamOwner owner, String param, String keyId, byte[] nonce, byte[] ciphertext) {
    public SealedParam {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(keyId, "keyId");
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** True when this row is the one of {@code owner}'s {@code param}. */
    public boolean isFor(ParamOwner o, String p) {
        return owner.equals(o) && param.equals(p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedParam s && s.owner.equals(owner) && s.param.equals(param) && s.keyId.equals(keyId)
                && java.util.Arrays.equals(s.nonce, nonce) && java.util.Arrays.equals(s.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, param, keyId, java.util.Arrays.hashCode(nonce));
    }

    @Override
    public String toString() {
        return "SealedParam[" + owner + ", " + param + ", keyId=" + keyId + ", " + ciphertext.length + " bytes sealed]";
    }
}
