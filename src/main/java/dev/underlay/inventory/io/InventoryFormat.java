package dev.underlay.inventory.io;

import java.nio.file.Path;
import java.util.Locale;

/** File formats the inventory imports and exports. Ansible covers both INI and YAML inventories. */
public enum InventoryFormat {
    JSON("json"),
    CSV("csv"),
    ANSIBLE("ansible");

    private final String id;

    InventoryFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static InventoryFormat parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (InventoryFormat f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "' (expected json, csv or ansible)");
    }

    /** Guesses from the file name: .json, .csv, else Ansible (.ini, .yml, .yaml, hosts, no extension). */
    public static InventoryFormat guess(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
            return JSON;
        }
        if (n.endsWith(".csv")) {
            return CSV;
        }
        return ANSIBLE;
    }
}
