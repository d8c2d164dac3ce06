package dev.underlay.ssh;

import dev.underlay.inventory.CredentialSecrets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** Key generation, OpenSSH key files and an in-memory CredentialSecrets for the SSH tests. */
final class Fixtures {
    private Fixtures() {
    }

    static KeyPair ed25519() throws Exception {
        return KeyUtils.generateKeyPair("ssh-ed25519", 256);
    }

    static KeyPair ecdsa() throws Exception {
        return KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    }

    static KeyPair rsa() throws Exception {
        return KeyUtils.generateKeyPair("ssh-rsa", 2048);
    }

    /** Writes an OpenSSH private key file; encrypted (aes256-ctr, few bcrypt rounds) when a passphrase is given. */
    static Path writeKey(Path file, KeyPair kp, String passphrase) throws Exception {
        OpenSSHKeyEncryptionContext ctx = null;
        if (passphrase != null) {
            ctx = new OpenSSHKeyEncryptionContext();
            ctx.setPassword(passphrase);
            ctx.setCipherName("AES");
            ctx.setCipherMode("CTR");
            ctx.setCipherType("256");
            ctx.setKdfRounds(4);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "test", ctx, out);
        }
        return file;
    }

    /** CredentialSecrets in memory (the real one encrypts at rest; not needed here). */
    static final class MemorySecrets implements CredentialSecrets {
        private final Map<String, char[]> map = new ConcurrentHashMap<>();

        @Override
        public void put(String credential, char[] secret) {
            map.put(credential, secret.clone());
        }

        @Override
        public Optional<char[]> get(String credential) {
            char[] s = map.get(credential);
            return s == null ? Optional.empty() : Optional.of(s.clone());
        }

        @Override
        public void remove(String credential) {
            map.remove(credential);
        }
    }
}
