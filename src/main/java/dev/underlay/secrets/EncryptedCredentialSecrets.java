package dev.underlay.secrets;

import dev.underlay.inventory.CredentialSecrets;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;

/**
 * {@link CredentialSecrets} encrypted at rest: AES-256-GCM under the key of a {@link SecretKeyFile}, a fresh
 * 96-bit random nonce per write, and the credential name as associated data, so that a row copied onto another
 * credential fails to decrypt instead of handing out the wrong password. The repository only ever sees
 * ciphertext. See docs/decisions/0002-credential-secrets-at-rest.md.
 *
 * <p>The key file is created on the first {@link #put} when no secret is stored yet; it is never silently
 * recreated while secrets sealed under the old one exist.
 */
public final class EncryptedCredentialSecrets implements CredentialSecrets {
    private static final String AAD_PREFIX = "underlay credential secret v1\0";

    private final SealingKey key;
    private final CredentialSecretRepository repository;

    /** Secrets under a key of their own (the key refuses to be recreated while these secrets exist). */
    public EncryptedCredentialSecrets(SecretKeyFile keyFile, CredentialSecretRepository repository) {
        this(new SealingKey(keyFile), repository);
    }

    /** Secrets under a key shared with other sealed values (secure params). */
    public EncryptedCredentialSecrets(SealingKey key, CredentialSecretRepository repository) {
        this.key = Objects.requireNonNull(key, "key");
        this.repository = Objects.requireNonNull(repository, "repository");
        key.sealedBy(repository::credentials);
    }

    @Override
    public void put(String credential, char[] secret) {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(secret, "secret");
        byte[] plain = utf8(secret);
        try {
            SealingKey.Sealed s = key.seal(aad(credential), plain);
            repository.save(new SealedSecret(credential, s.keyId(), s.nonce(), s.ciphertext()));
        } catch (GeneralSecurityException e) {
            throw new SecretsException("Cannot encrypt the secret of credential '" + credential + "': "
                    + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public Optional<char[]> get(String credential) {
        Optional<SealedSecret> row = repository.find(credential);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        SealedSecret sealed = row.get();
        byte[] plain = null;
        try {
            plain = key.open("credential '" + credential + "'", sealed.keyId(), aad(credential), sealed.nonce(),
                    sealed.ciphertext());
            return Optional.of(chars(plain, credential));
        } catch (AEADBadTagException e) {
            throw new SecretsException("The secret of credential '" + credential + "' cannot be decrypted: the "
                    + "stored data is damaged or was copied from another credential; enter the secret again.", e);
        } catch (GeneralSecurityException e) {
            throw new SecretsException("The secret of credential '" + credential + "' cannot be decrypted: "
                    + e.getMessage(), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    @Override
    public void remove(String credential) {
        repository.delete(credential);
    }

    /** Names of the credentials that have a stored secret (no key needed). */
    public List<String> credentialsWithSecrets() {
        return repository.credentials();
    }

    /**
     * Forgets every stored secret: the way out when the key file is lost for good. The next {@link #put} then
     * creates a new key file if there is none (a damaged one must be moved away by the user first).
     *
     * @return how many secrets were forgotten
     */
    public synchronized int forgetAll() {
        key.forget();
        return repository.deleteAll();
    }

    private static byte[] aad(String credential) {
        return (AAD_PREFIX + credential).getBytes(StandardCharsets.UTF_8);
    }

    /** UTF-8 bytes of the secret without going through an immutable String. */
    private static byte[] utf8(char[] secret) {
        ByteBuffer buf = null;
        try {
            buf = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(secret));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new SecretsException("The secret contains an unpaired surrogate character and cannot be stored.", e);
        } finally {
            if (buf != null && buf.hasArray()) {
                Arrays.fill(buf.array(), (byte) 0);
            }
        }
    }

    private static char[] chars(byte[] plain, String credential) {
        CharBuffer buf = null;
        try {
            buf = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plain));
            char[] out = new char[buf.remaining()];
            buf.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new SecretsException("The secret of credential '" + credential + "' decrypted to invalid text.", e);
        } finally {
            if (buf != null && buf.hasArray()) {
                Arrays.fill(buf.array(), '\0');
            }
        }
    }

    @Override
    public String toString() {
        return "EncryptedCredentialSecrets[" + key.path() + "]";
    }
}
