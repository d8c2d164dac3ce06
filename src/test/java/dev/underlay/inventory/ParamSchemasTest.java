package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.db.Database;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A param definition's JSON Schema is enforced wherever a value is set, with the param, value and rule named. */
class ParamSchemasTest {
    @TempDir
    Path dir;
    Database db;
    InventoryService service;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        service = new InventoryService(new JdbcInventoryStore(db));
        service.apply(DemoInventory.changes(dir.resolve("key")));
        InventoryChanges ch = new InventoryChanges();
        ch.paramDefinitions.add(new ParamDefinition("bmc_port", Json.parse(
                "{\"type\":\"integer\",\"minimum\":1,\"maximum\":65535}"), IntNode.valueOf(623), "", false));
        ch.paramDefinitions.add(new ParamDefinition("pkg_manager", Json.parse("{\"enum\":[\"apt\",\"dnf\"]}"),
                null, "", false));
        ch.paramDefinitions.add(new ParamDefinition("ntp_server", Json.parse(
                "{\"type\":\"string\",\"format\":\"ipv4\"}"), null, "", false));
        service.apply(ch);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Machine with(Machine m, String key, JsonNode value) {
        Map<String, JsonNode> p = new LinkedHashMap<>(m.params());
        p.put(key, value);
        return m.toBuilder().params(p).build();
    }

    private String refusal(Runnable write) {
        var e = assertThrows(InventoryValidationException.class, write::run);
        return e.violations().get(0).message();
    }

    @Test
    void aMachineValueOutsideTheSchemaIsRefusedNamingParamValueAndRule() {
        Machine m = service.inventory().machines().get("fra1-web01");
        assertEquals("machine fra1-web01: param bmc_port value 70000 is refused by its schema: must have a maximum "
                + "value of 65535", refusal(() -> service.updateMachine(m, with(m, "bmc_port", IntNode.valueOf(70000)))));
        assertEquals("machine fra1-web01: param bmc_port value \"623\" is refused by its schema: must be an "
                + "integer, not a string", refusal(() -> service.updateMachine(m, with(m, "bmc_port",
                TextNode.valueOf("623")))));
        assertTrue(refusal(() -> service.updateMachine(m, with(m, "ntp_server", TextNode.valueOf("10.0.0.300"))))
                .contains("param ntp_server value \"10.0.0.300\" is refused by its schema: does not match the ipv4"));
        service.updateMachine(m, with(m, "bmc_port", IntNode.valueOf(6230))); // a value that fits is saved
        assertEquals(6230, service.inventory().machines().get("fra1-web01").params().get("bmc_port").asInt());
    }

    @Test
    void profileValuesBulkImportsAndDefaultsAreCheckedToo() {
        InventoryChanges ch = new InventoryChanges();
        ch.profiles.add(new Profile("rhel", "", List.of(), Map.of("pkg_manager", TextNode.valueOf("yum"))));
        assertTrue(refusal(() -> service.apply(ch)).startsWith("profile rhel: param pkg_manager value \"yum\" is "
                + "refused by its schema: does not have a value in the enumeration"));
        InventoryChanges def = new InventoryChanges();
        def.paramDefinitions.add(new ParamDefinition("rack_kw", Json.parse("{\"type\":\"number\",\"minimum\":0}"),
                IntNode.valueOf(-3), "", false));
        assertEquals("param rack_kw: the default value -3 is refused by its schema: must have a minimum value of 0",
                refusal(() -> service.apply(def)));
    }

    @Test
    void tighteningASchemaIsRefusedWhileValuesBreakIt() {
        Machine m = service.inventory().machines().get("fra1-web01");
        service.updateMachine(m, with(m, "pkg_manager", TextNode.valueOf("dnf")));
        InventoryChanges ch = new InventoryChanges();
        ch.paramDefinitions.add(new ParamDefinition("pkg_manager", Json.parse("{\"enum\":[\"apt\"]}"), null, "",
                false));
        assertTrue(refusal(() -> service.apply(ch)).startsWith("machine fra1-web01: param pkg_manager value \"dnf\""));
    }

    @Test
    void aBrokenOrForeignSchemaIsRefusedAndNothingIsFetched() throws Exception {
        InventoryChanges bad = new InventoryChanges();
        bad.paramDefinitions.add(new ParamDefinition("x", Json.parse("{\"type\":\"integr\"}"), null, "", false));
        assertTrue(refusal(() -> service.apply(bad)).startsWith("param x has a schema that is not valid JSON Schema"));
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(300);
            InventoryChanges remote = new InventoryChanges();
            remote.paramDefinitions.add(new ParamDefinition("y", Json.parse("{\"$ref\":\"http://127.0.0.1:"
                    + trap.getLocalPort() + "/s.json\"}"), null, "", false));
            assertEquals("param y has a schema that refers outside itself ($ref \"http://127.0.0.1:"
                    + trap.getLocalPort() + "/s.json\"); param schemas must be self-contained",
                    refusal(() -> service.apply(remote)));
            assertThrows(SocketTimeoutException.class, trap::accept, "no connection was attempted");
        }
    }

    @Test
    void aSecureValueIsCheckedBeforeItIsSealedAndNeverShown() {
        InventoryChanges def = new InventoryChanges();
        def.paramDefinitions.add(new ParamDefinition("bmc_password", Json.parse("{\"type\":\"string\","
                + "\"minLength\":12}"), null, "", true));
        service.apply(def);
        Machine m = service.inventory().machines().get("fra1-web01");
        String why = refusal(() -> service.updateMachine(m, with(m, "bmc_password", TextNode.valueOf("hunter2"))));
        assertEquals("machine fra1-web01: param bmc_password value (a secure value) is refused by its schema: must "
                + "be at least 12 characters long", why);
    }
}
