package dev.underlay.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.ParamOwner;
import dev.underlay.inventory.ParamSecrets;
import dev.underlay.inventory.SealedParam;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * {@link ParamSecrets} under the data folder's secrets key (the one credential secrets use): the value's JSON text,
 * AES-256-GCM, with a version label, the owner's kind and name and the param name as associated data, so a value
 * moved to another owner or param fails to decrypt instead of answering with another machine's secret.
 */
public final class EncryptedParamSecrets implements ParamSecrets {
    private static final String AAD_PREFIX = "underlay param secret v1\0";

    private final SealingKey key;

    public EncryptedParamSecrets(SealingKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public SealedParam seal(ParamOwner owner, String param, JsonNode value) {
        byte[] plain = Json.write(value).getBytes(StandardCharsets.UTF_8);
        try {
            SealingKey.Sealed s = key.seal(aad(owner, param), plain);
            return new SealedParam(owner, param, s.keyId(), s.nonce(), s.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new SecretsException("Cannot encrypt " + owner + "'s secure param " + param + ": "
                    + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public JsonNode open(SealedParam sealed) {
        String what = sealed.owner() + "'s secure param " + sealed.param();
        byte[] plain = null;
        try {
            plain = key.open(what, sealed.keyId(), aad(sealed.owner(), sealed.param()), sealed.nonce(),
                    sealed.ciphertext());
            return dev.underlay.inventory.JsonText.parse(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new SecretsException("The secret of " + what + " cannot be decrypted: the stored data is damaged "
                    + "or was copied from another param; set the value again.", e);
        } catch (GeneralSecurityException e) {
            throw new SecretsException("The secret of " + what + " cannot be decrypted: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // the parser's message would quote the plaintext
            throw new SecretsException("The secret of " + what + " decrypted to something that is not a value.", null);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static byte[] aad(ParamOwner owner, String param) {
        return (AAD_PREFIX + owner.kind().id() + "\0" + owner.name() + "\0" + param).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EncryptedParamSecrets[" + key.path() + "]";
    }
}
