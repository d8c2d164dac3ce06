package dev.underlay.inventory.io;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names of the JSON inventory document (format "underlay-inventory", version 1), shared by reader and writer. */
final class InventoryJson {
    static final String FORMAT = "format";
    static final String FORMAT_NAME = "underlay-inventory";
    static final String VERSION = "version";
    static final int VERSION_NUMBER = 1;
    static final String OMITTED = "omittedSecureParams";

    static final Set<String> MEMBER_FIELDS = set("machine", "role");

    /** Fields of each entity, in the order they are written. */
    static final Map<String, Set<String>> FIELDS = Map.of(
            "site", set("name", "description"),
            "rack", set("name", "site", "height", "row", "position"),
            "credential", set("name", "kind", "username", "keyFile", "description"),
            "param", set("name", "description", "secure", "schema", "default"),
            "profile", set("name", "description", "includes", "params"),
            "machine", set("name", "kind", "status", "site", "rack", "u", "height", "face", "address", "port",
                    "user", "credential", "tags", "profiles", "provider", "region", "instanceId", "params"),
            "cluster", set("name", "kind", "description", "profile", "members"));

    private InventoryJson() {
    }

    private static Set<String> set(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
