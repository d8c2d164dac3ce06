package dev.underlay.inventory;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a change would break an inventory rule; nothing has been written. */
public class InventoryValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public InventoryValidationException(List<Violation> violations) {
        super(violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
