package dev.underlay.inventory.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Credential;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes the whole inventory as one JSON document. Deterministic: entities in name order (the snapshot's maps are
 * sorted), lists and param maps in their stored order, every field always present, "\n" line ends. Values of
 * secure params are left out and listed under {@value InventoryJson#OMITTED}.
 */
final class JsonInventoryWriter {
    private final Inventory inv;
    private final SecretOmissions secure;
    private final java.nio.file.Path dataFolder;

    /** @param dataFolder the inventory's data folder, for {@link KeyFiles#portable}; may be null */
    JsonInventoryWriter(Inventory inv, java.nio.file.Path dataFolder) {
        this.inv = inv;
        this.secure = new SecretOmissions(inv);
        this.dataFolder = dataFolder;
    }

    /** Writes the document; returns the secure values left out, as "machine db01: db_password". */
    List<String> write(OutputStream out) throws IOException {
        DefaultIndenter nl = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(nl).withArrayIndenter(nl);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField(InventoryJson.FORMAT, InventoryJson.FORMAT_NAME);
            g.writeNumberField(InventoryJson.VERSION, InventoryJson.VERSION_NUMBER);
            g.writeArrayFieldStart("sites");
            for (Site s : inv.sites().values()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeStringField("description", s.description());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("racks");
            for (Rack r : inv.racks().values()) {
                g.writeStartObject();
                g.writeStringField("name", r.name());
                g.writeStringField("site", r.site());
                g.writeNumberField("height", r.heightU());
                g.writeStringField("row", r.row());
                g.writeNumberField("position", r.position());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("credentials");
            for (Credential c : inv.credentials().values()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("kind", c.kind().id());
                g.writeStringField("username", c.username());
                g.writeStringField("keyFile", KeyFiles.portable(c.keyFile(), dataFolder));
                g.writeStringField("description", c.description());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("paramDefinitions");
            for (ParamDefinition d : inv.paramDefinitions().values()) {
                g.writeStartObject();
                g.writeStringField("name", d.name());
                g.writeStringField("description", d.description());
                g.writeBooleanField("secure", d.secure());
                g.writeFieldName("schema");
                g.writeTree(d.schema());
                if (d.defaultValue() != null && !secure.isSecure(d.name())) {
                    g.writeFieldName("default");
                    g.writeTree(d.defaultValue());
                } else if (d.defaultValue() != null) {
                    secure.omitted.add("param " + d.name() + ": default");
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("profiles");
            for (Profile p : inv.profiles().values()) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeStringField("description", p.description());
                strings(g, "includes", p.includes());
                params(g, "profile " + p.name(), p.params());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("machines");
            for (Machine m : inv.machines().values()) {
                machine(g, m);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("clusters");
            for (Cluster c : inv.clusters().values()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("kind", c.kind());
                g.writeStringField("description", c.description());
                g.writeStringField("profile", c.profile() == null ? "" : c.profile());
                g.writeArrayFieldStart("members");
                for (ClusterMember cm : c.members()) {
                    g.writeStartObject();
                    g.writeStringField("machine", cm.machine());
                    g.writeStringField("role", cm.role());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, InventoryJson.OMITTED, secure.omitted);
            g.writeEndObject();
            g.writeRaw('\n');
        }
        return List.copyOf(secure.omitted);
    }

    private void machine(JsonGenerator g, Machine m) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", m.name());
        g.writeStringField("kind", m.kind().id());
        g.writeStringField("status", m.status().id());
        g.writeStringField("site", m.site());
        g.writeStringField("rack", m.rack());
        if (m.uPosition() == null) {
            g.writeNullField("u");
        } else {
            g.writeNumberField("u", m.uPosition());
        }
        g.writeNumberField("height", m.uHeight());
        g.writeStringField("face", m.face().id());
        g.writeStringField("address", m.address());
        g.writeNumberField("port", m.sshPort());
        g.writeStringField("user", m.sshUser());
        g.writeStringField("credential", m.credential());
        strings(g, "tags", m.tags());
        strings(g, "profiles", m.profiles());
        g.writeStringField("provider", m.cloudProvider());
        g.writeStringField("region", m.cloudRegion());
        g.writeStringField("instanceId", m.instanceId());
        params(g, "machine " + m.name(), m.params());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private void params(JsonGenerator g, String owner, Map<String, JsonNode> params) throws IOException {
        g.writeObjectFieldStart("params");
        for (Map.Entry<String, JsonNode> e : secure.visible(owner, params).entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeTree(e.getValue());
        }
        g.writeEndObject();
    }
}
