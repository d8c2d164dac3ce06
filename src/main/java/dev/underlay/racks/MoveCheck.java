package dev.underlay.racks;

import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the inventory's rules say of one move before it is made: nothing (it may be saved) or why not.
 *
 * @param read the machine as the view read it
 * @param to   where it would go
 */
public record MoveCheck(Machine read, Placement to, List<Violation> violations) {
    public MoveCheck {
        violations = List.copyOf(violations);
    }

    public boolean allowed() {
        return violations.isEmpty();
    }

    /** True when the move would leave the machine where it is. */
    public boolean unchanged() {
        return Placement.of(read).equals(to);
    }

    /** The refusal in one sentence (the rules' own words), or empty when allowed. */
    public String message() {
        return violations.stream().map(Violation::message).distinct().collect(Collectors.joining("; "));
    }
}
