package dev.underlay.ssh;

import dev.underlay.inventory.CredentialSecrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Private keys loaded from OpenSSH key files, decrypted once and kept in memory for the transport's lifetime, so a
 * passphrase is asked once however many hosts use the key. Loading (file I/O, bcrypt, a prompt) runs on the
 * blocking executor, never on an I/O thread. Concurrent requests for one file share one load.
 */
final class Identities {
    private static final int MAX_PASSPHRASE_ATTEMPTS = 3;

    private final CredentialSecrets secrets;
    private final PassphraseProvider passphrases;
    private final Executor blocking;
    private final Map<Path, CompletableFuture<KeyPair>> cache = new ConcurrentHashMap<>();

    Identities(CredentialSecrets secrets, PassphraseProvider passphrases, Executor blocking) {
        this.secrets = secrets;
        this.passphrases = passphrases;
        this.blocking = blocking;
    }

    CompletableFuture<KeyPair> load(SshAuth.KeyFile auth) {
        Path path = auth.path().toAbsolutePath().normalize();
        CompletableFuture<KeyPair> f = cache.computeIfAbsent(path,
                p -> CompletableFuture.supplyAsync(() -> read(p, auth.credential()), blocking));
        // a failed load (wrong passphrase, missing file) is asked again by the next job, not cached forever
        f.whenComplete((k, e) -> {
            if (e != null) {
                cache.remove(path, f);
            }
        });
        return f;
    }

    void clear() {
        cache.clear();
    }

    private KeyPair read(Path path, String credential) {
        if (!Files.isReadable(path)) {
            throw new SshFailure(FailureKind.KEY_FILE, "cannot read the private key file " + path
                    + (Files.exists(path) ? " (permission denied)." : " (no such file)."));
        }
        AtomicBoolean asked = new AtomicBoolean();
        FilePasswordProvider provider = new FilePasswordProvider() {
            @Override
            public String getPassword(SessionContext session, NamedResource resource, int retry) {
                Optional<char[]> secret = Optional.empty();
                if (retry == 0 && !credential.isEmpty()) {
                    secret = secrets.get(credential);
                }
                if (secret.isEmpty()) {
                    asked.set(true);
                    secret = passphrases.passphrase(path, retry);
                }
                if (secret.isEmpty()) {
                    return null;
                }
                char[] chars = secret.get();
                String s = new String(chars);
                Arrays.fill(chars, '\0');
                return s;
            }

            @Override
            public ResourceDecodeResult handleDecodeAttemptResult(SessionContext session, NamedResource resource,
                                                                  int retry, String password, Exception err) {
                if (err == null) {
                    return ResourceDecodeResult.TERMINATE;
                }
                return retry + 1 < MAX_PASSPHRASE_ATTEMPTS && password != null
                        ? ResourceDecodeResult.RETRY : ResourceDecodeResult.TERMINATE;
            }
        };
        try (InputStream in = Files.newInputStream(path)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(path.toString()),
                    in, provider);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new SshFailure(FailureKind.KEY_FILE, "the file " + path + " holds no private key.");
            }
            return it.next();
        } catch (SshFailure f) {
            throw f;
        } catch (NoSuchFileException e) {
            throw new SshFailure(FailureKind.KEY_FILE, "cannot read the private key file " + path + " (no such file).");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String why = asked.get() || e.getMessage() != null && e.getMessage().toLowerCase().contains("password")
                    ? "the passphrase is wrong or was not given" : "not a readable OpenSSH private key: " + e.getMessage();
            throw new SshFailure(FailureKind.KEY_FILE, "cannot use the private key file " + path + " (" + why + ").");
        }
    }
}
