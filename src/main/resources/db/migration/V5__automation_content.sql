-- Automation content (issue 13): installed content packs and their tasks, stages and workflows. A pack's param
-- definitions and profiles live in the inventory's tables (machines use them, their schemas are enforced there);
-- the pack keeps their definitions as written (params_json, profiles_json) so an export gives the pack back.
-- Portable SQL (PostgreSQL next): VARCHAR(1000000) instead of CLOB/TEXT for long text, no H2-only syntax.
-- ordinal keeps the file's order within a pack. Names of tasks, stages and workflows are unique across packs;
-- deleting a pack deletes its content.
CREATE TABLE content_pack (
    name          VARCHAR(200) PRIMARY KEY,
    version       VARCHAR(100) NOT NULL DEFAULT '',
    description   VARCHAR(4000) NOT NULL DEFAULT '',
    prerequisites VARCHAR(4000) NOT NULL DEFAULT '[]',
    params_json   VARCHAR(1000000) NOT NULL DEFAULT '[]',
    profiles_json VARCHAR(1000000) NOT NULL DEFAULT '[]',
    installed_at  TIMESTAMP NOT NULL
);

CREATE TABLE automation_task (
    name            VARCHAR(200) PRIMARY KEY,
    pack            VARCHAR(200) NOT NULL REFERENCES content_pack(name) ON DELETE CASCADE,
    ordinal         INT NOT NULL,
    description     VARCHAR(4000) NOT NULL DEFAULT '',
    required_params VARCHAR(4000) NOT NULL DEFAULT '[]',
    optional_params VARCHAR(4000) NOT NULL DEFAULT '[]',
    publishes       VARCHAR(4000) NOT NULL DEFAULT '[]',
    timeout_ms      BIGINT,
    retries         INT NOT NULL DEFAULT 0,
    backoff_ms      BIGINT NOT NULL DEFAULT 0,
    incomplete_exit INT NOT NULL DEFAULT -1,
    reboot_exit     INT NOT NULL DEFAULT -1
);

CREATE TABLE task_template (
    task        VARCHAR(200) NOT NULL REFERENCES automation_task(name) ON DELETE CASCADE,
    ordinal     INT NOT NULL,
    name        VARCHAR(200) NOT NULL DEFAULT '',
    kind        VARCHAR(10) NOT NULL,
    path        VARCHAR(4000) NOT NULL DEFAULT '',
    file_mode   VARCHAR(10) NOT NULL DEFAULT '',
    file_owner  VARCHAR(200) NOT NULL DEFAULT '',
    body        VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (task, ordinal)
);

CREATE TABLE automation_stage (
    name        VARCHAR(200) PRIMARY KEY,
    pack        VARCHAR(200) NOT NULL REFERENCES content_pack(name) ON DELETE CASCADE,
    ordinal     INT NOT NULL,
    description VARCHAR(4000) NOT NULL DEFAULT '',
    params_json VARCHAR(1000000) NOT NULL DEFAULT '{}',
    profiles    VARCHAR(4000) NOT NULL DEFAULT '[]'
);

CREATE TABLE stage_task (
    stage   VARCHAR(200) NOT NULL REFERENCES automation_stage(name) ON DELETE CASCADE,
    ordinal INT NOT NULL,
    task    VARCHAR(200) NOT NULL,
    PRIMARY KEY (stage, ordinal)
);

CREATE TABLE automation_workflow (
    name        VARCHAR(200) PRIMARY KEY,
    pack        VARCHAR(200) NOT NULL REFERENCES content_pack(name) ON DELETE CASCADE,
    ordinal     INT NOT NULL,
    description VARCHAR(4000) NOT NULL DEFAULT ''
);

CREATE TABLE workflow_stage (
    workflow VARCHAR(200) NOT NULL REFERENCES automation_workflow(name) ON DELETE CASCADE,
    ordinal  INT NOT NULL,
    stage    VARCHAR(200) NOT NULL,
    PRIMARY KEY (workflow, ordinal)
);
