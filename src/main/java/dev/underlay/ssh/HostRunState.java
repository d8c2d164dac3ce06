package dev.underlay.ssh;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where one host stands in a whole job: {@link #WAITING} for its turn (its wave, a free slot), {@link #ACTIVE}
 * between its first step's start and its last step's end, then {@link #DONE} (every step ok), {@link #FAILED},
 * {@link #CANCELLED}, {@link #SKIPPED} (never started: its wave never came) or {@link #INTERRUPTED}.
 */
public enum HostRunState {
    WAITING,
    ACTIVE,
    DONE,
    FAILED,
    CANCELLED,
    SKIPPED,
    INTERRUPTED;

    public boolean isFinal() {
        return this != WAITING && this != ACTIVE;
    }

    /** The states this one may move to. */
    public Set<HostRunState> next() {
        return switch (this) {
            case WAITING -> EnumSet.of(ACTIVE, FAILED, CANCELLED, SKIPPED, INTERRUPTED);
            case ACTIVE -> EnumSet.of(DONE, FAILED, CANCELLED, INTERRUPTED);
            default -> EnumSet.noneOf(HostRunState.class);
        };
    }

    /** Checks a transition; staying in the same non-final state is allowed. */
    public static HostRunState transition(HostRunState from, HostRunState to) {
        if ((from == to && !from.isFinal()) || from.next().contains(to)) {
            return to;
        }
        throw new IllegalStateException("a host that is " + from.id() + " in its job cannot become " + to.id()
                + (from.next().isEmpty() ? " (it is final)" : " (allowed: " + from.next().stream()
                        .map(HostRunState::id).collect(Collectors.joining(", ")) + ")"));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HostRunState parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
