package dev.underlay.inventory;

/**
 * One broken rule: which entity, which field, and a sentence a technician can act on.
 *
 * @param entity kind of entity, such as {@code machine} or {@code rack}
 * @param name   the entity's name as given (may be empty when the name itself is missing)
 * @param field  the field at fault, in the spelling used by files and forms ({@code u}, {@code rack}, ...)
 */
public record Violation(String entity, String name, String field, String message) {
    @Override
    public String toString() {
        return message;
    }
}
