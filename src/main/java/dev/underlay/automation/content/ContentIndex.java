package dev.underlay.automation.content;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable view of the installed packs, with their tasks, stages and workflows by name. */
public final class ContentIndex {
    private final Map<String, ContentPack> packs = new TreeMap<>();
    private final Map<String, Task> tasks = new TreeMap<>();
    private final Map<String, Stage> stages = new TreeMap<>();
    private final Map<String, Workflow> workflows = new TreeMap<>();

    public ContentIndex(List<ContentPack> installed) {
        for (ContentPack p : installed) {
            packs.put(p.name(), p);
            p.tasks().forEach(t -> tasks.put(t.name(), t));
            p.stages().forEach(s -> stages.put(s.name(), s));
            p.workflows().forEach(w -> workflows.put(w.name(), w));
        }
    }

    public static ContentIndex empty() {
        return new ContentIndex(List.of());
    }

    /** Packs by name. */
    public Map<String, ContentPack> packs() {
        return Collections.unmodifiableMap(packs);
    }

    public Map<String, Task> tasks() {
        return Collections.unmodifiableMap(tasks);
    }

    public Map<String, Stage> stages() {
        return Collections.unmodifiableMap(stages);
    }

    public Map<String, Workflow> workflows() {
        return Collections.unmodifiableMap(workflows);
    }

    public Optional<Task> task(String name) {
        return Optional.ofNullable(tasks.get(name));
    }

    /** The index with {@code pack} installed in place of the pack of its name. */
    public ContentIndex with(ContentPack pack) {
        java.util.ArrayList<ContentPack> all = new java.util.ArrayList<>(packs.values());
        all.removeIf(p -> p.name().equals(pack.name()));
        all.add(pack);
        return new ContentIndex(all);
    }
}
