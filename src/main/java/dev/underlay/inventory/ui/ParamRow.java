package dev.underlay.inventory.ui;

/**
 * One line of a params table: name, value as shown (secure values masked), where it came from, and the profile
 * that set it (what a double-click opens), or empty when no profile did.
 */
public record ParamRow(String name, String value, String source, String profile) {
    public ParamRow(String name, String value, String source) {
        this(name, value, source, "");
    }
}
