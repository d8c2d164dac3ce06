package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an automation stage adds to the resolution of a machine's params: its own params, then its profiles in order,
 * consulted after the machine's own params and profiles and before its clusters' profiles ({@link ParamResolver}).
 * Kept here so the inventory resolves params in one walk without knowing the automation model.
 */
public record StageParams(String stage, Map<String, JsonNode> params, List<String> profiles) {
    /** No stage: a machine's params outside any job. */
    public static final StageParams NONE = new StageParams("", Map.of(), List.of());

    public StageParams {
        Objects.requireNonNull(stage, "stage");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        profiles = List.copyOf(profiles);
    }
}
