-- Inventory schema. Natural keys (names) throughout: imports and exports speak names, and renames cascade.
CREATE TABLE settings (
    name  VARCHAR(200) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);

CREATE TABLE site (
    name        VARCHAR(200) PRIMARY KEY,
    description VARCHAR(4000) NOT NULL DEFAULT ''
);

CREATE TABLE rack (
    name      VARCHAR(200) PRIMARY KEY,
    site      VARCHAR(200) NOT NULL REFERENCES site(name) ON UPDATE CASCADE,
    height_u  INT NOT NULL DEFAULT 42,
    row_name  VARCHAR(200) NOT NULL DEFAULT '',
    position  INT NOT NULL DEFAULT 0
);

CREATE TABLE credential (
    name        VARCHAR(200) PRIMARY KEY,
    kind        VARCHAR(20) NOT NULL,
    username    VARCHAR(200) NOT NULL DEFAULT '',
    key_file    VARCHAR(4000) NOT NULL DEFAULT '',
    description VARCHAR(4000) NOT NULL DEFAULT ''
);

CREATE TABLE param_definition (
    name          VARCHAR(200) PRIMARY KEY,
    schema_json   CLOB,
    default_json  CLOB,
    description   VARCHAR(4000) NOT NULL DEFAULT '',
    secure        BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE profile (
    name        VARCHAR(200) PRIMARY KEY,
    description VARCHAR(4000) NOT NULL DEFAULT ''
);

CREATE TABLE profile_include (
    profile  VARCHAR(200) NOT NULL REFERENCES profile(name) ON UPDATE CASCADE ON DELETE CASCADE,
    ordinal  INT NOT NULL,
    included VARCHAR(200) NOT NULL,
    PRIMARY KEY (profile, ordinal)
);

CREATE TABLE profile_param (
    profile    VARCHAR(200) NOT NULL REFERENCES profile(name) ON UPDATE CASCADE ON DELETE CASCADE,
    ordinal    INT NOT NULL,
    name       VARCHAR(200) NOT NULL,
    value_json CLOB NOT NULL,
    PRIMARY KEY (profile, name)
);

CREATE TABLE machine (
    name           VARCHAR(200) PRIMARY KEY,
    kind           VARCHAR(20) NOT NULL,
    site           VARCHAR(200) NOT NULL DEFAULT '',
    rack           VARCHAR(200) NOT NULL DEFAULT '',
    u_position     INT,
    u_height       INT NOT NULL DEFAULT 1,
    face           VARCHAR(20) NOT NULL DEFAULT 'front',
    address        VARCHAR(400) NOT NULL DEFAULT '',
    ssh_port       INT NOT NULL DEFAULT 22,
    ssh_user       VARCHAR(200) NOT NULL DEFAULT '',
    credential     VARCHAR(200) NOT NULL DEFAULT '',
    status         VARCHAR(20) NOT NULL DEFAULT 'new',
    cloud_provider VARCHAR(200) NOT NULL DEFAULT '',
    cloud_region   VARCHAR(200) NOT NULL DEFAULT '',
    instance_id    VARCHAR(200) NOT NULL DEFAULT '',
    tags           VARCHAR(4000) NOT NULL DEFAULT '',
    profiles       VARCHAR(4000) NOT NULL DEFAULT '',
    params_json    CLOB NOT NULL DEFAULT '{}'
);

CREATE TABLE cluster (
    name        VARCHAR(200) PRIMARY KEY,
    kind        VARCHAR(100) NOT NULL DEFAULT '',
    description VARCHAR(4000) NOT NULL DEFAULT '',
    profile     VARCHAR(200) NOT NULL DEFAULT ''
);

CREATE TABLE cluster_member (
    cluster  VARCHAR(200) NOT NULL REFERENCES cluster(name) ON UPDATE CASCADE ON DELETE CASCADE,
    ordinal  INT NOT NULL,
    machine  VARCHAR(200) NOT NULL REFERENCES machine(name) ON UPDATE CASCADE ON DELETE CASCADE,
    role     VARCHAR(200) NOT NULL,
    PRIMARY KEY (cluster, ordinal)
);

INSERT INTO profile(name, description) VALUES ('global', 'Consulted last, for every machine');
