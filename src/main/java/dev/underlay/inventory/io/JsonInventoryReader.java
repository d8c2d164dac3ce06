package dev.underlay.inventory.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads the JSON document {@link JsonInventoryWriter} writes, keeping the line of every entity and field. */
final class JsonInventoryReader {
    static final Set<String> TOP = Set.of(InventoryJson.FORMAT, InventoryJson.VERSION, "sites", "racks",
            "credentials", "paramDefinitions", "profiles", "machines", "clusters", InventoryJson.OMITTED);

    private JsonInventoryReader() {
    }

    static ImportSource read(Path file) {
        ImportSource src = new ImportSource(file.toString());
        LocatedTree tree;
        try (InputStream in = Files.newInputStream(file); JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
            tree = LocatedTree.read(p);
        } catch (LocatedTree.DuplicateKeyException e) {
            src.problem(e.line, e.key, e.getMessage());
            return src;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            src.problem(line, "", "not valid JSON: " + e.getOriginalMessage());
            return src;
        } catch (IOException e) {
            src.problem(0, "", "cannot read the file: " + e.getMessage());
            return src;
        }
        JsonNode root = tree.root();
        if (!root.isObject()) {
            src.problem(1, "", "not an Underlay inventory: expected a JSON object with \"format\": \""
                    + InventoryJson.FORMAT_NAME + "\"");
            return src;
        }
        Fields top = new Fields(src, tree, root, "the document");
        if (!InventoryJson.FORMAT_NAME.equals(top.text(InventoryJson.FORMAT))) {
            src.problem(top.line(InventoryJson.FORMAT), InventoryJson.FORMAT, "not an Underlay inventory: expected "
                    + "\"format\": \"" + InventoryJson.FORMAT_NAME + "\"");
            return src;
        }
        Integer version = top.integer(InventoryJson.VERSION, null);
        if (version == null || version != InventoryJson.VERSION_NUMBER) {
            src.problem(top.line(InventoryJson.VERSION), InventoryJson.VERSION, "inventory version " + version
                    + " is not supported (this Underlay reads version " + InventoryJson.VERSION_NUMBER + ")");
            return src;
        }
        top.allowOnly(TOP);
        src.keptSecure.addAll(top.strings(InventoryJson.OMITTED));
        each(src, tree, root, "sites", "site", (f, name) -> src.entities.sites.add(
                new Site(name, f.text("description"))));
        each(src, tree, root, "racks", "rack", (f, name) -> src.entities.racks.add(new Rack(name, f.text("site"),
                f.integer("height", Rack.DEFAULT_HEIGHT_U), f.text("row"), f.integer("position", 0))));
        each(src, tree, root, "credentials", "credential", (f, name) -> src.entities.credentials.add(
                new Credential(name, f.choice("kind", CredentialKind::parse, CredentialKind.KEY),
                        f.text("username"), f.text("keyFile"), f.text("description"))));
        each(src, tree, root, "paramDefinitions", "param", (f, name) -> src.entities.paramDefinitions.add(
                new ParamDefinition(name, f.raw("schema") == null || f.raw("schema").isNull() ? null
                        : f.raw("schema"), f.raw("default"), f.text("description"), f.bool("secure"))));
        each(src, tree, root, "profiles", "profile", (f, name) -> src.entities.profiles.add(
                new Profile(name, f.text("description"), f.strings("includes"), f.params("params"))));
        each(src, tree, root, "machines", "machine", (f, name) -> src.entities.machines.add(machine(f, name)));
        each(src, tree, root, "clusters", "cluster", (f, name) -> src.entities.clusters.add(cluster(src, tree, f,
                name)));
        return src;
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

    private static void each(ImportSource src, LocatedTree tree, JsonNode root, String section, String entity,
                             BiConsumer<Fields, String> reader) {
        JsonNode list = root.get(section);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            src.problem(tree.line(root, section), section, section + " must be a list");
            return;
        }
        Set<String> known = InventoryJson.FIELDS.get(entity);
        for (JsonNode el : list) {
            if (!el.isObject()) {
                src.problem(tree.line(root, section), section, "each entry of " + section + " must be an object");
                continue;
            }
            String name = new Fields(src, tree, el, entity).name();
            if (name.isBlank()) {
                continue;
            }
            Fields f = new Fields(src, tree, el, entity + " " + name);
            f.allowOnly(known);
            if (src.define(entity, name, f.line(), f.lines())) {
                reader.accept(f, name);
            }
        }
    }
}
