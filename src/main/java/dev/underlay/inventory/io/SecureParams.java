package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.ParamDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drops the values of secure params from what an export writes, remembering what was left out. */
final class SecureParams {
    final List<String> omitted = new ArrayList<>();
    private final Inventory inv;

    SecureParams(Inventory inv) {
        this.inv = inv;
    }

    boolean isSecure(String param) {
        ParamDefinition d = inv.paramDefinitions().get(param);
        return d != null && d.secure();
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
