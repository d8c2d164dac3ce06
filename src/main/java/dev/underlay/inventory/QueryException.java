package dev.underlay.inventory;

/** A machine query that cannot be understood; the message says where and why. */
public class QueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message);
    }
}
