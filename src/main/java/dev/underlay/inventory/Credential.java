package dev.underlay.inventory;

import java.util.Objects;

/**
 * A named way to log in that machines refer to. The secret itself (password or key passphrase) is not part of
 * this record: it is kept encrypted by the SSH layer and never travels with inventory exports.
 *
 * @param keyFile path of an OpenSSH private key file for {@link CredentialKind#KEY}, else empty
 */
public record Credential(String name, CredentialKind kind, String username, String keyFile, String description) {
    public Credential {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        username = username == null ? "" : username;
        keyFile = keyFile == null ? "" : keyFile;
        description = description == null ? "" : description;
    }
}
