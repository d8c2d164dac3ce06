package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;

/** A param's effective value for one machine, with where it came from and whether it must be masked. */
public record ResolvedParam(String name, JsonNode value, ParamSource source, boolean secure) {
    public static final String MASK = "********";

    /** The value as text for display: strings unquoted, secure values masked. */
    public String displayValue() {
        if (secure) {
            return MASK;
        }
        return value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
    }
}
