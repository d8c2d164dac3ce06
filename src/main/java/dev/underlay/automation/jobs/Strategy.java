package dev.underlay.automation.jobs;

import java.util.Locale;

/** How the hosts of a wave go through the steps. */
public enum Strategy {
    /** Each host advances on its own: its next step starts as soon as its previous one ended. */
    FREE,
    /** Every host finishes a step before any starts the next (the kubernetes bring-up needs it). */
    LINEAR;

    public static Strategy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown strategy '" + text + "' (expected free or linear)");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
