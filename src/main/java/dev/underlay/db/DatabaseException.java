package dev.underlay.db;

/** The database could not be opened, migrated or used; the message is a sentence for the user. */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
