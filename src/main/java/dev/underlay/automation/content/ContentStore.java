package dev.underlay.automation.content;

import java.util.List;

/**
 * Where installed content packs live (implemented by {@code automation.repository.JdbcContentRepository}). Each
 * method is one transaction.
 */
public interface ContentStore {
    /** Every installed pack, by name. */
    List<ContentPack> packs();

    /**
     * Installs {@code pack}, replacing the installed pack of that name (its tasks, stages and workflows go with it).
     */
    void install(ContentPack pack);

    /** Removes a pack and its content; false when it was not installed. */
    boolean remove(String name);
}
