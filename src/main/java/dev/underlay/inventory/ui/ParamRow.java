package dev.underlay.inventory.ui;

/** One line of the resolved-params table: name, value as shown (secure values masked), and where it came from. */
public record ParamRow(String name, String value, String source) {
}
