package dev.underlay.automation.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tasks in order, with params and profiles of its own: they resolve after the machine's own params and profiles
 * and before its clusters' profiles, so a stage can set what a machine has not ({@code ParamResolver}).
 */
public record Stage(String name, String description, List<String> tasks, Map<String, JsonNode> params,
                    List<String> profiles, String pack) {
    public Stage {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        tasks = List.copyOf(tasks);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        profiles = List.copyOf(profiles);
        pack = pack == null ? "" : pack;
    }

    /** The same stage with another pack name. */
    public Stage inPack(String p) {
        return new Stage(name, description, tasks, params, profiles, p);
    }
}
