package dev.underlay.inventory.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.underlay.inventory.CatalogService;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The editors of what machines are given: param definitions, profiles and clusters. */
final class ParamKinds {
    private ParamKinds() {
    }

    /** Param definitions: type as a JSON schema, default, description, secure. */
    static final class Definitions implements EditorKind<ParamDefinition> {
        @Override public String entity() { return "param"; }
        @Override public Map<String, ParamDefinition> records(Inventory inv) { return inv.paramDefinitions(); }

        @Override
        public List<EditorField> fields() {
            return List.of(EditorField.text("name", "Name", "ntp_servers"),
                    EditorField.area("schema", "Schema", "JSON Schema, such as {\"type\": \"array\", "
                            + "\"items\": {\"type\": \"string\"}}; empty for any value"),
                    EditorField.text("default", "Default", "empty for no default"),
                    EditorField.text("description", "Description", ""),
                    EditorField.check("secure", "Secure (sealed at rest, masked everywhere)"));
        }

        @Override
        public Map<String, String> text(Inventory inv, ParamDefinition d) {
            if (d == null) {
                return Map.of("secure", "false");
            }
            String schema = "";
            if (d.schema() != null && !d.schema().isNull()) {
                try {
                    schema = Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(d.schema());
                } catch (JsonProcessingException e) {
                    schema = d.schema().toString();
                }
            }
            return Map.of("name", d.name(), "schema", schema, "default", d.defaultValue() == null ? ""
                    : ParamLines.show(d.defaultValue()), "description", d.description(),
                    "secure", Boolean.toString(d.secure()));
        }

        @Override
        public ParamDefinition parse(Map<String, String> text, Map<String, String> errors) {
            JsonNode schema = null;
            String s = text.get("schema").strip();
            if (!s.isEmpty()) {
                try {
                    schema = Json.MAPPER.readTree(s);
                } catch (JsonProcessingException e) {
                    errors.put("schema", "The schema is not valid JSON (line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + ").");
                }
            }
            String def = text.get("default");
            return new ParamDefinition(text.get("name").strip(), schema, def.isBlank() ? null : ParamLines.value(def),
                    text.get("description").strip(), Boolean.parseBoolean(text.get("secure")));
        }

        @Override
        public String details(CatalogService catalog, Inventory inv, ParamDefinition d) {
            long machines = inv.machines().values().stream().filter(m -> m.params().containsKey(d.name())).count();
            List<String> profiles = inv.profiles().values().stream().filter(p -> p.params().containsKey(d.name()))
                    .map(Profile::name).toList();
            return "Set on " + PlaceKinds.count(machines, "machine") + (profiles.isEmpty() ? "" : " and in profiles "
                    + String.join(", ", profiles)) + ".";
        }
    }

    /** Profiles: description, included profiles in order, params in order. */
    static final class Profiles implements EditorKind<Profile> {
        @Override public String entity() { return "profile"; }
        @Override public Map<String, Profile> records(Inventory inv) { return inv.profiles(); }

        @Override
        public List<EditorField> fields() {
            return List.of(EditorField.text("name", "Name", "storage"),
                    EditorField.text("description", "Description", ""),
                    EditorField.text("includes", "Includes", "profiles consulted after this one's params, in order"),
                    EditorField.area("params", "Params", "one name = value a line; a value is JSON or plain text"));
        }

        @Override
        public Map<String, String> text(Inventory inv, Profile p) {
            if (p == null) {
                return Map.of();
            }
            return Map.of("name", p.name(), "description", p.description(), "includes",
                    String.join(", ", p.includes()), "params", ParamLines.format(p.params()));
        }

        @Override
        public Profile parse(Map<String, String> text, Map<String, String> errors) {
            ParamLines.Parsed params = ParamLines.parse(text.get("params"));
            if (!params.problems().isEmpty()) {
                errors.put("params", String.join("\n", params.problems()));
            }
            return new Profile(text.get("name").strip(), text.get("description").strip(),
                    ParamLines.names(text.get("includes")), params.params());
        }

        @Override
        public String details(CatalogService catalog, Inventory inv, Profile p) {
            if (p.name().equals(Profile.GLOBAL)) {
                return "Consulted last for every machine.";
            }
            long users = inv.machines().values().stream().filter(m -> m.profiles().contains(p.name())).count();
            List<String> by = Stream.concat(
                    inv.profiles().values().stream().filter(o -> o.includes().contains(p.name()))
                            .map(o -> "profile " + o.name()),
                    inv.clusters().values().stream().filter(c -> p.name().equals(c.profile()))
                            .map(c -> "cluster " + c.name())).toList();
            return "Used directly by " + PlaceKinds.count(users, "machine")
                    + (by.isEmpty() ? "" : "; included by " + String.join(", ", by)) + ".";
        }
    }

    /** Clusters: kind, description, cluster profile, members with their roles in order. */
    static final class Clusters implements EditorKind<Cluster> {
        @Override public String entity() { return "cluster"; }
        @Override public Map<String, Cluster> records(Inventory inv) { return inv.clusters(); }

        @Override
        public List<EditorField> fields() {
            return List.of(EditorField.text("name", "Name", "fra1-ceph"),
                    EditorField.text("kind", "Kind", "kubernetes"),
                    EditorField.text("description", "Description", ""),
                    EditorField.choice("profile", "Cluster profile", inv -> Stream.concat(Stream.of(""),
                            inv.profiles().keySet().stream().filter(n -> !n.equals(Profile.GLOBAL))).toList()),
                    EditorField.area("members", "Members", "one machine and its role a line, such as "
                            + "fra1-k8s-w01 worker"));
        }

        @Override
        public Map<String, String> text(Inventory inv, Cluster c) {
            if (c == null) {
                return Map.of();
            }
            return Map.of("name", c.name(), "kind", c.kind(), "description", c.description(), "profile",
                    c.profile() == null ? "" : c.profile(), "members", c.members().stream()
                            .map(m -> m.machine() + " " + m.role()).collect(Collectors.joining("\n")));
        }

        @Override
        public Cluster parse(Map<String, String> text, Map<String, String> errors) {
            List<ClusterMember> members = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            String[] lines = text.get("members").split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String[] w = lines[i].strip().split("\\s+");
                if (w.length == 1 && w[0].isEmpty()) {
                    continue;
                }
                if (w.length != 2) {
                    problems.add("line " + (i + 1) + ": write the machine and its role, such as fra1-k8s-w01 worker");
                } else {
                    members.add(new ClusterMember(w[0], w[1]));
                }
            }
            if (!problems.isEmpty()) {
                errors.put("members", String.join("\n", problems));
            }
            return new Cluster(text.get("name").strip(), text.get("kind").strip(), text.get("description").strip(),
                    text.get("profile").strip(), members);
        }

        @Override
        public String details(CatalogService catalog, Inventory inv, Cluster c) {
            Map<String, Long> roles = new LinkedHashMap<>();
            c.members().forEach(m -> roles.merge(m.role(), 1L, Long::sum));
            long down = c.members().stream().map(m -> inv.machines().get(m.machine()))
                    .filter(m -> m == null || m.status() != dev.underlay.inventory.MachineStatus.IN_USE).count();
            return PlaceKinds.count(c.members().size(), "member") + (roles.isEmpty() ? "" : " ("
                    + roles.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", ")) + ")") + "; " + down + " not in use.";
        }
    }
}
