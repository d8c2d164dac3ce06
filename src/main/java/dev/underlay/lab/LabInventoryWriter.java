package dev.underlay.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.Machine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes the lab's machines as an importable inventory file in the exporter's JSON format
 * ({@code {"format":"underlay-inventory","version":1,...}}). Kept small and separate so the field names can follow
 * the exporter's if they change.
 */
public final class LabInventoryWriter {
    private LabInventoryWriter() {
    }

    /** Writes the file atomically; {@code clientKey} is the key file the lab credential points at. */
    public static void write(List<Machine> machines, Path clientKey, Path file) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", "underlay-inventory");
        root.put("version", 1);
        root.putArray("sites").addObject().put("name", LabInventory.SITE)
                .put("description", "Simulated lab on 127.0.0.1");
        root.putArray("racks");
        root.putArray("credentials").addObject().put("name", DemoInventory.LAB_CREDENTIAL).put("kind", "key")
                .put("username", "root").put("keyFile", clientKey.toAbsolutePath().toString())
                .put("description", "Client key of the simulated lab");
        root.putArray("paramDefinitions");
        root.putArray("profiles");
        ArrayNode ms = root.putArray("machines");
        for (Machine m : machines) {
            ObjectNode o = ms.addObject();
            o.put("name", m.name());
            o.put("kind", m.kind().id());
            o.put("site", m.site());
            o.put("rack", m.rack());
            if (m.uPosition() == null) {
                o.putNull("uPosition");
            } else {
                o.put("uPosition", m.uPosition());
            }
            o.put("uHeight", m.uHeight());
            o.put("face", m.face().id());
            o.put("address", m.address());
            o.put("sshPort", m.sshPort());
            o.put("sshUser", m.sshUser());
            o.put("credential", m.credential());
            m.tags().forEach(o.putArray("tags")::add);
            m.profiles().forEach(o.putArray("profiles")::add);
            ObjectNode params = o.putObject("params");
            for (Map.Entry<String, JsonNode> e : m.params().entrySet()) {
                params.set(e.getKey(), e.getValue());
            }
            o.put("status", m.status().id());
            o.put("cloudProvider", m.cloudProvider());
            o.put("cloudRegion", m.cloudRegion());
            o.put("instanceId", m.instanceId());
        }
        root.putArray("clusters");
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
    }
}
