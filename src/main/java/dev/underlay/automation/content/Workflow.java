package dev.underlay.automation.content;

import java.util.List;
import java.util.Objects;

/** Stages in order: what a job runs on each machine of its target. */
public record Workflow(String name, String description, List<String> stages, String pack) {
    public Workflow {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        stages = List.copyOf(stages);
        pack = pack == null ? "" : pack;
    }

    /** The same workflow with another pack name. */
    public Workflow inPack(String p) {
        return new Workflow(name, description, stages, p);
    }
}
