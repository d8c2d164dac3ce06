package dev.underlay.secrets;

import java.util.Objects;

/**
 * One credential's secret as stored: AES-GCM ciphertext (with its tag), the nonce it was sealed with, and the id
 * of the key that sealed it. Holds no plaintext; {@link #toString()} still prints only sizes, so that a log line
 * never carries even the ciphertext.
 *
 * @param credential the credential name, also the associated data the ciphertext is bound to
 * @param keyId      id of the key file's key ({@link SecretKeyFile.LoadedKey#id()})
 */
public record SealedSecret(String credential, String keyId, byte[] nonce, byte[] ciphertext) {
    public SealedSecret {
        Objects.requireNonNull(credential, "credential");
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

    @Override
    public String toString() {
        return "SealedSecret[credential=" + credential + ", keyId=" + keyId + ", " + ciphertext.length
                + " bytes sealed]";
    }
}
