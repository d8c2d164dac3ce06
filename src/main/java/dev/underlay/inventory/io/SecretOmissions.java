package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.SecureParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops the values of secure params ({@link SecureParams}) from what an export writes, remembering what was left
 * out as "owner: param", so that the JSON export can list them and its re-import keeps the stored values.
 */
final class SecretOmissions {
    final List<String> omitted = new ArrayList<>();
    private final Inventory inv;
    private final Map<String, Boolean> secure = new java.util.HashMap<>(); // few names, many machines

    SecretOmissions(Inventory inv) {
        this.inv = inv;
    }

    boolean isSecure(String param) {
        return secure.computeIfAbsent(param, n -> SecureParams.isSecure(inv, n));
    }

    /** The params without secure ones; each one left out is noted as "owner: param". */
    Map<String, JsonNode> visible(String owner, Map<String, JsonNode> params) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : params.entrySet()) {
            if (isSecure(e.getKey())) {
                omitted.add(owner + ": " + e.getKey());
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
