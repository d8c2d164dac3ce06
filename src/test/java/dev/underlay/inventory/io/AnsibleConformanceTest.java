package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.db.Database;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.ResolvedParam;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our import against {@code ansible-inventory} itself: each inventory under {@code src/test/resources/ansible}
 * (every form Ansible's inventory documentation shows) comes with what ansible-inventory 2.14 printed for it,
 * {@code FILE.list.json} (each host's vars as Ansible resolves them) and {@code FILE.export.json} (group vars in their
 * groups). The import must give the same hosts, addresses, ports and users, the groups as tags, and params that
 * resolve to Ansible's values; and each group's vars as the profile of its name. Needs no Ansible: the outputs are
 * committed ({@code regenerate.sh} rewrites them); {@code -Dunderlay.ansible=true} checks them against the
 * installed ansible-inventory.
 */
class AnsibleConformanceTest {
    /** Vars that become machine fields, not params (what AnsibleMapper takes out). */
    private static final Set<String> CONNECTION = Set.of("ansible_host", "ansible_ssh_host", "ansible_port",
            "ansible_ssh_port", "ansible_user", "ansible_ssh_user", "ansible_ssh_private_key_file",
            "ansible_private_key_file", "ansible_password", "ansible_ssh_pass", "ansible_ssh_password");

    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = AnsibleConformanceTest.class.getResourceAsStream("/ansible/" + name)) {
            assertNotNull(in, "test resource ansible/" + name);
            Files.copy(in, f);
        }
        return f;
    }

    private JsonNode expected(String name) throws IOException {
        return Json.MAPPER.readTree(Files.readString(copy(name)));
    }

    private Inventory imported(Path file) {
        try (Database db = Database.open(dir.resolve("data-" + file.getFileName()))) {
            InventoryImporter importer = new InventoryImporter(new InventoryService(new JdbcInventoryStore(db)));
            ImportPlan plan = importer.plan(file, InventoryFormat.ANSIBLE);
            assertTrue(plan.ok(), plan.problems().toString());
            return importer.apply(plan);
        }
    }

    /** Each host and the groups it is in, directly or through children, as ansible-inventory lists them. */
    private static Map<String, Set<String>> membership(JsonNode list) {
        Map<String, Set<String>> direct = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            if (g.getKey().equals("_meta")) {
                continue;
            }
            g.getValue().path("hosts").forEach(h -> direct.computeIfAbsent(h.asText(), k -> new TreeSet<>())
                    .add(g.getKey()));
            List<String> kids = new java.util.ArrayList<>();
            g.getValue().path("children").forEach(c -> kids.add(c.asText()));
            children.put(g.getKey(), kids);
        }
        Map<String, Set<String>> out = new TreeMap<>();
        for (Map.Entry<String, Set<String>> h : direct.entrySet()) {
            Set<String> all = new TreeSet<>(h.getValue());
            boolean grew = true;
            for (int round = 0; grew && round < 100; round++) {
                grew = false;
                for (Map.Entry<String, List<String>> p : children.entrySet()) {
                    if (!all.contains(p.getKey()) && p.getValue().stream().anyMatch(all::contains)) {
                        grew = all.add(p.getKey());
                    }
                }
            }
            all.remove(AnsibleModel.ALL);
            all.remove(AnsibleModel.UNGROUPED);
            out.put(h.getKey(), all);
        }
        return out;
    }

    private static JsonNode first(JsonNode vars, String... names) {
        for (String n : names) {
            if (vars.has(n)) {
                return vars.get(n);
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs-forms.ini", "docs-forms.yml", "edge-cases.ini", "edge-cases.yml"})
    void importAgreesWithAnsibleInventoryList(String name) throws IOException {
        JsonNode list = expected(name + ".list.json");
        Inventory inv = imported(copy(name));
        Map<String, Set<String>> groups = membership(list);
        assertEquals(groups.keySet(), new TreeSet<>(inv.machines().keySet()), "hosts");
        JsonNode hostvars = list.path("_meta").path("hostvars");
        for (String host : groups.keySet()) {
            Machine m = inv.machines().get(host);
            JsonNode vars = hostvars.path(host);
            String where = name + ", host " + host;
            assertEquals(groups.get(host), new TreeSet<>(m.tags()), where + ": its groups as tags");
            JsonNode address = first(vars, "ansible_ssh_host", "ansible_host");
            assertEquals(address == null ? host : address.asText(), m.address(), where + ": address");
            JsonNode port = first(vars, "ansible_ssh_port", "ansible_port");
            assertEquals(port == null ? Machine.DEFAULT_SSH_PORT : port.asInt(), m.sshPort(), where + ": port");
            JsonNode user = first(vars, "ansible_ssh_user", "ansible_user");
            assertEquals(user == null ? "" : user.asText(), m.sshUser(), where + ": user");
            Map<String, JsonNode> want = new TreeMap<>();
            vars.fields().forEachRemaining(e -> {
                if (!CONNECTION.contains(e.getKey())) {
                    want.put(e.getKey(), e.getValue());
                }
            });
            Map<String, JsonNode> got = new TreeMap<>();
            for (ResolvedParam p : ParamResolver.resolve(inv, m).values()) {
                got.put(p.name(), p.value());
            }
            assertEquals(want, got, where + ": params as resolved");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs-forms.ini", "docs-forms.yml", "edge-cases.ini", "edge-cases.yml"})
    void groupVarsBecomeAProfilePerGroupAndHostVarsTheMachinesOwnParams(String name) throws IOException {
        JsonNode export = expected(name + ".export.json");
        Inventory inv = imported(copy(name));
        Set<String> withVars = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = export.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            Map<String, JsonNode> want = new TreeMap<>();
            g.getValue().path("vars").fields().forEachRemaining(e -> {
                // the priority orders a host's profiles; it is no param
                if (!CONNECTION.contains(e.getKey()) && !e.getKey().equals(AnsibleModel.PRIORITY)) {
                    want.put(e.getKey(), e.getValue());
                }
            });
            if (g.getKey().equals("_meta") || want.isEmpty()) {
                continue;
            }
            withVars.add(g.getKey());
            Profile p = inv.profiles().get(g.getKey());
            assertNotNull(p, name + ": group " + g.getKey() + " has vars, so a profile");
            assertEquals(want, new TreeMap<>(p.params()), name + ": profile " + g.getKey());
        }
        JsonNode hostvars = export.path("_meta").path("hostvars");
        for (Machine m : inv.machines().values()) {
            Map<String, JsonNode> want = new TreeMap<>();
            hostvars.path(m.name()).fields().forEachRemaining(e -> {
                if (!CONNECTION.contains(e.getKey())) {
                    want.put(e.getKey(), e.getValue());
                }
            });
            assertEquals(want, new TreeMap<>(m.params()), name + ": machine " + m.name() + "'s own params");
            assertTrue(withVars.containsAll(m.profiles().stream().filter(p -> !p.equals(Profile.GLOBAL)).toList()),
                    name + ": machine " + m.name() + " gets only profiles of groups with vars: " + m.profiles());
        }
    }

    @ParameterizedTest
    @EnabledIfSystemProperty(named = "underlay.ansible", matches = "true")
    @ValueSource(strings = {"docs-forms.ini", "docs-forms.yml", "edge-cases.ini", "edge-cases.yml"})
    void committedExpectationsAreWhatAnsibleInventoryPrintsNow(String name) throws Exception {
        Path file = copy(name);
        for (String mode : List.of("list", "export")) {
            ProcessBuilder pb = new ProcessBuilder(mode.equals("list")
                    ? List.of("ansible-inventory", "-i", file.toString(), "--list")
                    : List.of("ansible-inventory", "-i", file.toString(), "--list", "--export"));
            pb.environment().put("ANSIBLE_INVENTORY_ENABLED", "ini,yaml");
            Path out = dir.resolve(name + "." + mode + ".now");
            Process p = pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ansible-inventory finished");
            assertEquals(0, p.exitValue());
            assertEquals(expected(name + "." + mode + ".json"), Json.MAPPER.readTree(Files.readString(out)),
                    name + ": run regenerate.sh and look at the difference");
        }
    }
}
