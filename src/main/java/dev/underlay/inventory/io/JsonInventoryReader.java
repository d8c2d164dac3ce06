package dev.underlay.inventory.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Credential;
import dev.underlay.inventory.CredentialKind;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the JSON document {@link JsonInventoryWriter} writes, keeping the line of every entity and field. */
final class JsonInventoryReader {
    static final Set<String> TOP = Set.of(InventoryJson.FORMAT, InventoryJson.VERSION, "sites", "racks",
            "credentials", "paramDefinitions", "profiles", "machines", "clusters", InventoryJson.OMITTED);
    /** Sections of the document and the entity each holds. */
    private static final Map<String, String> SECTIONS = Map.of("sites", "site", "racks", "rack", "credentials",
            "credential", "paramDefinitions", "param", "profiles", "profile", "machines", "machine", "clusters",
            "cluster");
    private static final String NOT_INVENTORY = "not an Underlay inventory: expected a JSON object with \"format\": \""
            + InventoryJson.FORMAT_NAME + "\"";

    private JsonInventoryReader() {
    }

    /**
     * Reads the file one entity at a time: a 100,000-machine file never exists as one tree, only as the entities
     * it becomes and a compact record of their lines.
     */
    static ImportSource read(Path file) {
        ImportSource src = new ImportSource(file.toString());
        Map<String, LocatedTree> top = new HashMap<>();
        Map<String, Integer> topLines = new HashMap<>();
        byte[] text;
        try {
            text = TextFile.readUtf8(file);
        } catch (TextFile.NotTextException e) {
            src.problem(e.line, "", e.getMessage());
            return src;
        } catch (IOException e) {
            src.problem(0, "", "cannot read the file: " + TextFile.why(e));
            return src;
        }
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                src.problem(Math.max(1, lineOf(p)), "", NOT_INVENTORY);
                return src;
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int line = lineOf(p);
                if (topLines.put(field, line) != null) {
                    src.problem(line, field, "key '" + field + "' appears twice in the document");
                }
                t = p.nextToken();
                String entity = SECTIONS.get(field);
                if (entity != null && t == JsonToken.START_ARRAY) {
                    section(src, p, field, entity);
                } else {
                    top.put(field, LocatedTree.readValue(p, t));
                }
            }
            if (t == JsonToken.END_OBJECT && p.nextToken() != null) {
                src.problem(lineOf(p), "", "more follows the end of the inventory object; a file holds one "
                        + "inventory");
            }
        } catch (LocatedTree.DuplicateKeyException e) {
            src.stop(e.line, e.key, e.getMessage());
            return src;
        } catch (JsonProcessingException e) {
            src.stop(JsonSyntax.line(e), "", JsonSyntax.describe(e));
            return src;
        } catch (IOException e) {
            src.stop(0, "", "cannot read the file: " + TextFile.why(e));
            return src;
        }
        checkHeader(src, top, topLines);
        return src;
    }

    private static void checkHeader(ImportSource src, Map<String, LocatedTree> top, Map<String, Integer> lines) {
        LocatedTree format = top.get(InventoryJson.FORMAT);
        if (format == null || !InventoryJson.FORMAT_NAME.equals(format.root().asText())) {
            src.problems.clear();
            src.stopped = true;
            src.problem(lines.getOrDefault(InventoryJson.FORMAT, 1), InventoryJson.FORMAT, NOT_INVENTORY);
            return;
        }
        LocatedTree version = top.get(InventoryJson.VERSION);
        if (version == null || !version.root().isInt() || version.root().intValue() != InventoryJson.VERSION_NUMBER) {
            src.problems.clear();
            src.stopped = true;
            src.problem(lines.getOrDefault(InventoryJson.VERSION, 1), InventoryJson.VERSION, "inventory version "
                    + (version == null ? "missing" : version.root().toString()) + " is not supported (this "
                    + "Underlay reads version " + InventoryJson.VERSION_NUMBER + ")");
            return;
        }
        for (String f : lines.keySet()) {
            if (!TOP.contains(f)) {
                src.problem(lines.get(f), f, "unknown key '" + f + "' (known: " + String.join(", ", TOP) + ")");
            } else if (SECTIONS.containsKey(f) && top.containsKey(f) && !top.get(f).root().isNull()) {
                src.problem(lines.get(f), f, f + " must be a list");
            }
        }
        LocatedTree omitted = top.get(InventoryJson.OMITTED);
        if (omitted != null && omitted.root().isArray()) {
            omitted.root().forEach(n -> src.keptSecure.add(n.asText()));
        }
    }

    private static int lineOf(JsonParser p) {
        return p.currentTokenLocation() == null ? 0 : p.currentTokenLocation().getLineNr();
    }

    private static void section(ImportSource src, JsonParser p, String section, String entity) throws IOException {
        Set<String> known = InventoryJson.FIELDS.get(entity);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            int line = lineOf(p);
            LocatedTree tree = LocatedTree.readValue(p, t);
            JsonNode el = tree.root();
            if (!el.isObject()) {
                src.problem(line, section, "each entry of " + section + " must be an object");
                continue;
            }
            String name = new Fields(src, tree, el, entity).name();
            if (name.isBlank()) {
                continue;
            }
            Fields f = new Fields(src, tree, el, entity + " " + name);
            f.allowOnly(known);
            if (src.define(entity, name, f.origin())) {
                if (entity.equals("machine") && el.size() < known.size()) {
                    // only a machine that leaves fields out is noted (an export states them all)
                    Set<String> keys = new java.util.HashSet<>();
                    el.fieldNames().forEachRemaining(keys::add);
                    src.stated.put("machine " + name, keys);
                }
                read(src, tree, f, entity, name);
            }
        }
    }

    private static void read(ImportSource src, LocatedTree tree, Fields f, String entity, String name) {
        switch (entity) {
            case "site" -> src.entities.sites.add(new Site(name, f.text("description")));
            case "rack" -> src.entities.racks.add(new Rack(name, f.text("site"),
                    f.integer("height", Rack.DEFAULT_HEIGHT_U), f.text("row"), f.integer("position", 0)));
            case "credential" -> src.entities.credentials.add(new Credential(name,
                    f.choice("kind", CredentialKind::parse, CredentialKind.KEY), f.text("username"),
                    f.text("keyFile"), f.text("description")));
            case "param" -> src.entities.paramDefinitions.add(new ParamDefinition(name,
                    f.raw("schema") == null || f.raw("schema").isNull() ? null : f.raw("schema"), f.raw("default"),
                    f.text("description"), f.bool("secure")));
            case "profile" -> src.entities.profiles.add(new Profile(name, f.text("description"),
                    f.strings("includes"), f.params("params")));
            case "machine" -> src.entities.machines.add(machine(f, name));
            case "cluster" -> src.entities.clusters.add(cluster(src, tree, f, name));
            default -> throw new IllegalStateException("no reader for " + entity);
        }
    }

    private static Machine machine(Fields f, String name) {
        return Machine.builder(name)
                .kind(f.choice("kind", MachineKind::parse, MachineKind.BARE_METAL))
                .site(f.text("site"))
                .rack(f.text("rack"))
                .uPosition(f.integer("u", null))
                .uHeight(f.integer("height", 1))
                .face(f.choice("face", Face::parse, Face.FRONT))
                .address(f.text("address"))
                .sshPort(f.integer("port", Machine.DEFAULT_SSH_PORT))
                .sshUser(f.text("user"))
                .credential(f.text("credential"))
                .status(f.choice("status", MachineStatus::parse, MachineStatus.NEW))
                .tags(f.strings("tags"))
                .profiles(f.strings("profiles"))
                .cloudProvider(f.text("provider"))
                .cloudRegion(f.text("region"))
                .instanceId(f.text("instanceId"))
                .params(f.params("params"))
                .build();
    }

    private static Cluster cluster(ImportSource src, LocatedTree tree, Fields f, String name) {
        List<ClusterMember> members = new ArrayList<>();
        JsonNode ms = f.raw("members");
        if (ms != null && ms.isArray()) {
            for (JsonNode m : ms) {
                Fields mf = new Fields(src, tree, m, "member of cluster " + name);
                if (!m.isObject()) {
                    src.problem(f.line("members"), "members", "cluster " + name + ": each member is an object "
                            + "with machine and role");
                    continue;
                }
                mf.allowOnly(InventoryJson.MEMBER_FIELDS);
                members.add(new ClusterMember(mf.text("machine"), mf.text("role")));
            }
        } else if (ms != null && !ms.isNull()) {
            src.problem(f.line("members"), "members", "cluster " + name + ": members must be a list");
        }
        return new Cluster(name, f.text("kind"), f.text("description"), f.text("profile"), members);
    }
}
