-- Known SSH host keys per address and port (the inventory's own known_hosts). A host may have one valid key per
-- key type; revoked keys (OpenSSH @revoked) are kept to refuse them. Keys are public: nothing secret here.
CREATE TABLE ssh_host_key (
    address     VARCHAR(400) NOT NULL,
    port        INT NOT NULL,
    key_type    VARCHAR(100) NOT NULL,
    public_key  VARCHAR(16000) NOT NULL,
    fingerprint VARCHAR(100) NOT NULL,
    source      VARCHAR(40) NOT NULL,
    revoked     BOOLEAN NOT NULL DEFAULT FALSE,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (address, port, fingerprint)
);
