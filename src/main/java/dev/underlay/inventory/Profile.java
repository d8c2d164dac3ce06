package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered set of params with a name; a profile may include other profiles, which are consulted after its own
 * params. The profile named {@value #GLOBAL} always exists and is consulted last.
 */
public record Profile(String name, String description, List<String> includes, Map<String, JsonNode> params) {
    public static final String GLOBAL = "global";

    public Profile {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        includes = List.copyOf(includes);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
