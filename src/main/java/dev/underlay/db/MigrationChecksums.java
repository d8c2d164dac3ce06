package dev.underlay.db;

/**
 * The checksum Flyway records for each of this build's migrations (CRC32 of the file's lines without their line
 * breaks), so that the open that skips Flyway still notices a history that does not match the migrations, as
 * Flyway's validation would (decision 0033). Constants, not computed: reading the ten files from the jar at each
 * open cost the CLI 60-70 ms of CPU (the jar URL machinery it otherwise never loads). {@code SchemaFastPathTest}
 * fails when a migration is added or changed without its line here.
 */
final class MigrationChecksums {
    /** By version, from 1 up to {@link Database#SCHEMA_VERSION}. */
    private static final int[] BY_VERSION = {
            -51669089, // V1__inventory.sql
            185150165, // V2__credential_secrets.sql
            73368830, // V3__ssh.sql
            20291929, // V4__param_secrets.sql
            1984446743, // V5__automation_content.sql
            -391030813, // V6__jobs.sql
            945128955, // V7__facts_health.sql
            -104343571, // V8__job_output_without_host_index.sql
            -1561964655, // V9__job_output_chunks.sql
            512752891, // V10__task_continue_on_failure.sql
    };

    /** PostgreSQL's own V1 and V2 ({@code db/postgresql}); V3 on are the shared files above. */
    private static final int[] POSTGRESQL_OWN = {
            1535311380, // V1__inventory.sql
            1183873898, // V2__credential_secrets.sql
    };

    private MigrationChecksums() {
    }

    /** The checksum of this build's H2 migration {@code version}, or {@code null} when it carries none. */
    static Integer of(int version) {
        return of(Dialect.H2, version);
    }

    /** The checksum of this build's migration {@code version} for {@code dialect}, or {@code null}. */
    static Integer of(Dialect dialect, int version) {
        if (dialect == Dialect.POSTGRESQL && version >= 1 && version <= POSTGRESQL_OWN.length) {
            return POSTGRESQL_OWN[version - 1];
        }
        return version >= 1 && version <= BY_VERSION.length ? BY_VERSION[version - 1] : null;
    }
}
