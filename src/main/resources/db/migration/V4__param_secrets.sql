-- Values of secure params (docs/decisions/0002 and 0006), sealed with AES-256-GCM under the same key as credential
-- secrets, with the owner and param name as associated data. The params JSON of the owner keeps only the mask
-- '********' for such a param: no plaintext column, ever.
-- owner_kind is 'machine', 'profile' or 'param' (a definition's default). No foreign key, as for credential_secret:
-- the owner's name is bound into the ciphertext, so a cascaded rename would make the value undecryptable; the
-- inventory store carries values to a renamed machine (sealed again) and deletes them with their owner, in the
-- same transaction as the owner's row.
-- BYTEA: PostgreSQL's binary type, which H2 also accepts (as BINARY VARYING); VARBINARY is not PostgreSQL.
CREATE TABLE param_secret (
    owner_kind  VARCHAR(20) NOT NULL,
    owner       VARCHAR(200) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    key_id      VARCHAR(64) NOT NULL,
    nonce       BYTEA NOT NULL,
    ciphertext  BYTEA NOT NULL,
    PRIMARY KEY (owner_kind, owner, name)
);
