package dev.underlay.inventory.ui;

import dev.underlay.inventory.Inventory;
import java.util.List;
import java.util.function.Function;

/**
 * One field of a catalog editor's form.
 *
 * @param id      the field's id: the {@code Violation#field()} whose refusals show beside it, and part of the node id
 * @param choices for {@link Type#CHOICE}: the values to pick from (names in the inventory, or fixed words)
 * @param hint    shown in the empty field, or under a text area
 * @param when    the field is shown only while another field has a value ({@code kind=key}), or empty: always
 */
public record EditorField(String id, String label, Type type, Function<Inventory, List<String>> choices,
                          String hint, String when) {
    public EditorField(String id, String label, Type type, Function<Inventory, List<String>> choices, String hint) {
        this(id, label, type, choices, hint, "");
    }

    /** This field, shown only while {@code field} holds {@code value}. */
    EditorField onlyWhen(String field, String value) {
        return new EditorField(id, label, type, choices, hint, field + "=" + value);
    }

    /** How a field is edited. */
    public enum Type {
        /** One line of text. */
        TEXT,
        /** Several lines (params, members, a schema). */
        AREA,
        /** One of a list of values. */
        CHOICE,
        /** Yes or no ({@code "true"} or {@code "false"} as text). */
        CHECK,
        /** A secret: typed, never shown, cleared after a save. */
        SECRET,
        /** A file path, typed or chosen. */
        FILE
    }

    static EditorField text(String id, String label, String hint) {
        return new EditorField(id, label, Type.TEXT, inv -> List.of(), hint);
    }

    static EditorField area(String id, String label, String hint) {
        return new EditorField(id, label, Type.AREA, inv -> List.of(), hint);
    }

    static EditorField choice(String id, String label, Function<Inventory, List<String>> choices) {
        return new EditorField(id, label, Type.CHOICE, choices, "");
    }

    static EditorField check(String id, String label) {
        return new EditorField(id, label, Type.CHECK, inv -> List.of(), "");
    }
}
