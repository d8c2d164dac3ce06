package dev.underlay.inventory.ui;

import dev.underlay.inventory.CatalogService;
import dev.underlay.inventory.Inventory;
import java.util.List;
import java.util.Map;

/**
 * What a catalog editor edits: one entity (site, rack, credential, param, profile, cluster), its form fields, and
 * how its records become text and back. Pure: no JavaFX, no I/O but what {@link #save} and {@link #details} do,
 * which run on the task runner.
 *
 * @param <T> the record type
 */
public interface EditorKind<T> {
    /** The entity's word in refusals ({@code rack}); also the prefix of the editor's node ids. */
    String entity();

    /** The records by name, in the order the list shows them. */
    Map<String, T> records(Inventory inv);

    List<EditorField> fields();

    /** The text of each field for a record (or for a new one when {@code t} is null). */
    Map<String, String> text(Inventory inv, T t);

    /**
     * The record the fields describe; a field that does not parse gets its sentence in {@code errors} (by field
     * id) and the result is then ignored.
     */
    T parse(Map<String, String> text, Map<String, String> errors);

    /** What is worth knowing about a record beside its fields (who uses it); on the task runner. */
    default String details(CatalogService catalog, Inventory inv, T t) {
        return "";
    }

    /** Writes a new ({@code read} null) or changed record; {@code secret} is the typed secret or empty. */
    default Inventory save(CatalogService catalog, T read, T value, char[] secret) {
        return catalog.save(read, value);
    }
}
