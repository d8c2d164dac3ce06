package dev.underlay.ssh;

import java.nio.file.Path;
import java.util.Objects;

/** How a target authenticates: an OpenSSH private key file, or a password kept in the credential secrets. */
public sealed interface SshAuth permits SshAuth.KeyFile, SshAuth.Password {

    /** The credential whose secret (passphrase or password) is looked up in CredentialSecrets, or "" for none. */
    String credential();

    /** Short name for messages: "publickey (key file /x/id_ed25519)" or "password (credential ops)". */
    String describe();

    /**
     * Public key authentication with an OpenSSH private key file (ed25519, ECDSA or RSA). An encrypted file's
     * passphrase comes from the credential's stored secret when there is one, else from the PassphraseProvider.
     */
    record KeyFile(Path path, String credential) implements SshAuth {
        public KeyFile {
            Objects.requireNonNull(path, "path");
            credential = credential == null ? "" : credential;
        }

        @Override
        public String describe() {
            return "publickey (key file " + path + ")";
        }
    }

    /** Password authentication; the password is the named credential's secret. */
    record Password(String credential) implements SshAuth {
        public Password {
            if (credential == null || credential.isBlank()) {
                throw new IllegalArgumentException("password authentication needs a credential name");
            }
        }

        @Override
        public String describe() {
            return "password (credential " + credential + ")";
        }
    }
}
