package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.inventory.Credential;
import dev.underlay.inventory.CredentialKind;
import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleImportTest {
    static final String INI = """
            # edge hosts
            jump01 ansible_host=192.0.2.10

            [web]
            web[01:03].example.com ansible_user=deploy
            web-special ansible_host=10.0.0.9 ansible_port=2222 http_port=8080 motd="hello world"

            [db]
            db[a:b] ansible_ssh_private_key_file=~/.ssh/db_ed25519.key ansible_user=postgres

            [legacy]
            old01 ansible_user=admin ansible_password=s3cret

            [web:vars]
            http_port=80
            max_clients=200

            [prod:children]
            web
            db

            [prod:vars]
            env=prod
            ntp_servers=["10.0.0.1", "10.0.0.2"]

            [all:vars]
            dns=1.1.1.1
            """;

    static final String YAML = """
            all:
              vars:
                dns: 1.1.1.1
              hosts:
                jump01:
                  ansible_host: 192.0.2.10
              children:
                prod:
                  vars:
                    env: prod
                    replicas: 3
                    debug: false
                  children:
                    web:
                      hosts:
                        web[01:03].example.com:
                          ansible_user: deploy
                        web-special:
                          ansible_host: 10.0.0.9
                          ansible_port: 2222
                          http_port: 8080
                      vars:
                        http_port: 80
                    db:
                      hosts:
                        db[a:b]:
                          ansible_ssh_private_key_file: ~/.ssh/db_ed25519.key
                          ansible_user: postgres
                legacy:
                  hosts:
                    old01:
                      ansible_user: admin
                      ansible_password: s3cret
            """;

    /** A secret store in memory, standing in for the encrypted one. */
    static final class MapSecrets implements CredentialSecrets {
        final Map<String, char[]> map = new HashMap<>();

        @Override
        public void put(String credential, char[] secret) {
            map.put(credential, secret.clone());
        }

        @Override
        public Optional<char[]> get(String credential) {
            return Optional.ofNullable(map.get(credential)).map(char[]::clone);
        }

        @Override
        public void remove(String credential) {
            map.remove(credential);
        }
    }

    @TempDir
    Path dir;
    Database db;
    InventoryService service;
    MapSecrets secrets = new MapSecrets();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        service = new InventoryService(new JdbcInventoryStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Inventory importFile(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        InventoryImporter importer = new InventoryImporter(service, secrets);
        ImportPlan plan = importer.plan(f, InventoryFormat.ANSIBLE);
        assertTrue(plan.ok(), plan.problems().toString());
        assertFalse(plan.toString().contains("s3cret"), "a plan never shows a password");
        return importer.apply(plan);
    }

    private void assertCommon(Inventory inv) {
        assertEquals(List.of("dba", "dbb", "jump01", "old01", "web-special", "web01.example.com",
                "web02.example.com", "web03.example.com"), List.copyOf(inv.machines().keySet()));
        Machine web = inv.machines().get("web02.example.com");
        assertEquals(List.of("web", "prod"), web.tags());
        assertEquals(List.of("web", "prod", "all"), web.profiles());
        assertEquals("deploy", web.sshUser());
        assertEquals("web02.example.com", web.address());
        Machine special = inv.machines().get("web-special");
        assertEquals("10.0.0.9", special.address());
        assertEquals(2222, special.sshPort());
        assertEquals(8080, special.params().get("http_port").intValue());
        assertFalse(special.params().containsKey("ansible_port"));
        Machine jump = inv.machines().get("jump01");
        assertEquals(List.of(), jump.tags());
        assertEquals(List.of("all"), jump.profiles());
        assertEquals("192.0.2.10", jump.address());
        Machine dba = inv.machines().get("dba");
        assertEquals("postgres", dba.sshUser());
        Credential key = inv.credentials().get(dba.credential());
        assertEquals(new Credential("ansible-key-db_ed25519-postgres", CredentialKind.KEY, "postgres",
                "~/.ssh/db_ed25519.key", "from Ansible ansible_ssh_private_key_file"), key);
        assertEquals(dba.credential(), inv.machines().get("dbb").credential());
        Machine old = inv.machines().get("old01");
        assertEquals(List.of("legacy"), old.tags());
        Credential pw = inv.credentials().get(old.credential());
        assertEquals(CredentialKind.PASSWORD, pw.kind());
        assertEquals("admin", pw.username());
        assertTrue(old.params().isEmpty(), "password never in params: " + old.params());
        assertArrayEquals("s3cret".toCharArray(), secrets.get(pw.name()).orElseThrow());
        assertEquals(Json.lenient("80"), inv.profiles().get("web").params().get("http_port"));
        assertEquals("prod", inv.profiles().get("prod").params().get("env").asText());
        assertEquals("1.1.1.1", inv.profiles().get("all").params().get("dns").asText());
        // child group vars win over the parent's, host vars over both
        var resolved = dev.underlay.inventory.ParamResolver.resolve(inv, web);
        assertEquals("profile web", resolved.get("http_port").source().describe());
        assertEquals("profile prod", resolved.get("env").source().describe());
    }

    @Test
    void iniInventoryBecomesMachinesTagsProfilesAndCredentials() throws IOException {
        Inventory inv = importFile("hosts", INI);
        assertCommon(inv);
        assertEquals("hello world", inv.machines().get("web-special").params().get("motd").asText());
        assertEquals(200, inv.profiles().get("web").params().get("max_clients").intValue());
        assertTrue(inv.profiles().get("prod").params().get("ntp_servers").isArray());
    }

    @Test
    void yamlInventoryKeepsTypes() throws IOException {
        Inventory inv = importFile("inventory.yml", YAML);
        assertCommon(inv);
        assertTrue(inv.profiles().get("prod").params().get("replicas").isInt());
        assertTrue(inv.profiles().get("prod").params().get("debug").isBoolean());
    }

    @Test
    void rangesKeepZeroPaddingAndLetters() {
        assertEquals(List.of("node08", "node09", "node10"), AnsibleHostPatterns.expand("node[08:10]"));
        assertEquals(List.of("r1-a", "r1-b", "r2-a", "r2-b"), AnsibleHostPatterns.expand("r[1:2]-[a:b]"));
        assertEquals(List.of("n0", "n2", "n4"), AnsibleHostPatterns.expand("n[0:4:2]"));
    }

    @Test
    void passwordWithoutSecretStoreIsRefusedAtItsLine() throws IOException {
        Path f = dir.resolve("hosts.ini");
        Files.writeString(f, INI);
        ImportPlan p = new InventoryImporter(service).plan(f, InventoryFormat.ANSIBLE);
        assertFalse(p.ok());
        ImportProblem pr = p.problems().get(0);
        assertEquals(12, pr.line());
        assertEquals("ansible_password", pr.field());
        assertTrue(pr.message().contains("no secret store"), pr.message());
        assertFalse(pr.toString().contains("s3cret"));
    }

    @Test
    void badYamlIsRefusedWithItsLine() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "all:\n  hosts:\n    a: {\n    b: 1\n  vars: [\n");
        ImportPlan p = new InventoryImporter(service).plan(f, InventoryFormat.ANSIBLE);
        assertFalse(p.ok());
        assertTrue(p.problems().get(0).message().startsWith("not valid YAML"), p.problems().toString());
        assertTrue(p.problems().get(0).line() > 0, p.problems().toString());
    }

    @Test
    void badRangeAndBadPortAreRefusedWithLineAndField() throws IOException {
        Path f = dir.resolve("r.ini");
        Files.writeString(f, "[web]\nweb[09:01]\nweb5 ansible_port=ssh\n");
        ImportPlan p = new InventoryImporter(service).plan(f, InventoryFormat.ANSIBLE);
        assertEquals(2, p.problems().get(0).line(), p.problems().toString());
        assertTrue(p.problems().get(0).message().contains("counts down"));
        Files.writeString(f, "[web]\nweb5 ansible_port=ssh\n");
        p = new InventoryImporter(service).plan(f, InventoryFormat.ANSIBLE);
        assertEquals("ansible_port", p.problems().get(0).field());
        assertEquals(2, p.problems().get(0).line());
    }

    @Test
    void reimportUpdatesWithoutLosingRackPlacement() throws IOException {
        importFile("hosts", INI);
        Path f = dir.resolve("hosts2");
        Files.writeString(f, "[web]\nweb01.example.com ansible_host=10.1.1.1\n");
        InventoryImporter importer = new InventoryImporter(service, secrets);
        ImportPlan p = importer.plan(f, InventoryFormat.ANSIBLE);
        assertEquals(List.of("machine web01.example.com"), p.changed());
        Inventory inv = importer.apply(p);
        Machine web = inv.machines().get("web01.example.com");
        assertEquals("10.1.1.1", web.address());
        assertEquals("deploy", web.sshUser());
        assertEquals(List.of("web", "prod"), web.tags());
    }
}
