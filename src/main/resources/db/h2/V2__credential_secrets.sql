-- Secrets of credentials (passwords, key passphrases), encrypted with AES-256-GCM under a key kept outside the
-- database (<data folder>/secrets.key, see docs/decisions/0002). No plaintext column, ever.
-- No foreign key to credential(name) on purpose: the credential name is the associated data of the ciphertext,
-- so a cascaded rename would silently make a secret undecryptable, and a delete-and-reinsert of credentials
-- (an import) would lose every secret. Callers remove the secret when they delete the credential.
CREATE TABLE credential_secret (
    credential  VARCHAR(200) PRIMARY KEY,
    key_id      VARCHAR(64) NOT NULL,
    nonce       VARBINARY(12) NOT NULL,
    ciphertext  VARBINARY(65536) NOT NULL
);
