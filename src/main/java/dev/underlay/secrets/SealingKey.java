package dev.underlay.secrets;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The one secrets key of a data folder, loaded once and shared by everything sealed under it (credential secrets,
 * secure param values): AES-256-GCM with a fresh 96-bit random nonce per seal and a 128-bit tag. The key file is
 * created for the first seal when nothing is sealed yet, and never silently recreated while anything sealed under
 * the old one is stored: {@code sealed} lists what would be lost, for the refusal to name.
 */
public final class SealingKey {
    static final int NONCE_BYTES = 12;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;

    private final SecretKeyFile file;
    private final List<Supplier<List<String>>> sealed = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private SecretKeyFile.LoadedKey key;

    public SealingKey(SecretKeyFile file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Registers a list of what is sealed under this key (for example the credentials with a stored secret). */
    public SealingKey sealedBy(Supplier<List<String>> what) {
        sealed.add(what);
        return this;
    }

    public Path path() {
        return file.path();
    }

    SecretKeyFile file() {
        return file;
    }

    /** Nonce and ciphertext (with tag) of {@code plain} under the key, bound to {@code aad}. */
    record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    Sealed seal(byte[] aad, byte[] plain) throws GeneralSecurityException {
        SecretKeyFile.LoadedKey k = key(true);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher c = Cipher.getInstance(CIPHER);
        c.init(Cipher.ENCRYPT_MODE, k.key(), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(aad);
        return new Sealed(k.id(), nonce, c.doFinal(plain));
    }

    /**
     * The plaintext of a sealed value; {@code what} names it in the refusal when it was sealed under another key.
     * A damaged or moved value throws {@link javax.crypto.AEADBadTagException}, for the caller to put in words.
     */
    byte[] open(String what, String keyId, byte[] aad, byte[] nonce, byte[] ciphertext)
            throws GeneralSecurityException {
        SecretKeyFile.LoadedKey k = key(false);
        if (!k.id().equals(keyId)) {
            throw new SecretsException("The secret of " + what + " cannot be decrypted: it was encrypted with key "
                    + keyId + " but " + file.path() + " holds key " + k.id() + " (the key file was replaced or "
                    + "belongs to another data folder).");
        }
        Cipher c = Cipher.getInstance(CIPHER);
        c.init(Cipher.DECRYPT_MODE, k.key(), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(aad);
        return c.doFinal(ciphertext);
    }

    /** Drops the loaded key, so that the next seal may create a new file if there is none. */
    synchronized void forget() {
        key = null;
    }

    /** The key, loaded once; created only for a first write when nothing is sealed under it. */
    private synchronized SecretKeyFile.LoadedKey key(boolean forWrite) {
        if (key == null) {
            if (forWrite && !file.exists()) {
                List<String> orphans = new ArrayList<>();
                sealed.forEach(s -> orphans.addAll(s.get()));
                if (!orphans.isEmpty()) {
                    throw new SecretsException("Cannot store the secret: the key file " + file.path()
                            + " is missing, and the " + orphans.size() + " stored secrets (" + String.join(", ",
                            orphans) + ") need it; restore it from a backup, or forget them all first.");
                }
                key = file.create();
            } else {
                key = file.load();
            }
        }
        return key;
    }

    @Override
    public String toString() {
        return "SealingKey[" + file.path() + "]";
    }
}
