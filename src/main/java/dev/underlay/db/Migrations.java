package dev.underlay.db;

/**
 * Where Flyway finds each database's migrations (decision 0032): {@code db/migration} holds the ones both databases
 * share (V3 on), {@code db/h2} and {@code db/postgresql} each its own V1 and V2. The vendor folders are outside
 * {@code db/migration} because Flyway scans a location's subfolders.
 */
public enum Migrations {
    H2("classpath:db/h2"),
    POSTGRESQL("classpath:db/postgresql");

    /** The migrations every database runs. */
    public static final String SHARED = "classpath:db/migration";

    private final String own;

    Migrations(String own) {
        this.own = own;
    }

    /** Flyway's {@code locations} for this database. */
    public String[] locations() {
        return new String[] {SHARED, own};
    }
}
