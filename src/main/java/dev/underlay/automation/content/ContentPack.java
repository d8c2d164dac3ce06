package dev.underlay.automation.content;

import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import java.util.List;
import java.util.Objects;

/**
 * A bundle of automation content, imported and exported as one YAML file. Its param definitions and profiles are
 * installed into the inventory (where machines can use the profiles and every value is schema-checked); its
 * tasks, stages and workflows into the content tables. Names of tasks, stages and workflows are unique across packs.
 *
 * @param prerequisites names of packs that must be installed first
 */
public record ContentPack(String name, String version, String description, List<String> prerequisites,
                          List<ParamDefinition> params, List<Profile> profiles, List<Task> tasks, List<Stage> stages,
                          List<Workflow> workflows) {
    public ContentPack {
        Objects.requireNonNull(name, "name");
        version = version == null ? "" : version;
        description = description == null ? "" : description;
        prerequisites = List.copyOf(prerequisites);
        params = List.copyOf(params);
        profiles = List.copyOf(profiles);
        tasks = tasks.stream().map(t -> t.inPack(name)).toList();
        stages = stages.stream().map(s -> s.inPack(name)).toList();
        workflows = workflows.stream().map(w -> w.inPack(name)).toList();
    }

    /** "facts 1.2.0". */
    public String title() {
        return version.isEmpty() ? name : name + " " + version;
    }
}
