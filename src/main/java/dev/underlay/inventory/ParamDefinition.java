package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Declares a param: its type as a JSON schema, a default, and whether it is secure (masked everywhere).
 *
 * @param defaultValue may be {@code null} (no default)
 */
public record ParamDefinition(String name, JsonNode schema, JsonNode defaultValue, String description, boolean secure) {
    public ParamDefinition {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
