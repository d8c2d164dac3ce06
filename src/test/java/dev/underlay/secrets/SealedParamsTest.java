package dev.underlay.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.db.Database;
import dev.underlay.db.TestBackend;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.ParamValues;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.ResolvedParam;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Secure param values on machines, profiles and defaults: sealed in H2, real only through ParamValues.reveal. */
@ParameterizedClass
@EnumSource(TestBackend.class)
class SealedParamsTest {
    @Parameter
    TestBackend backend;
    private static final String BECOME = "become-pl41ntext-7d3f";
    private static final String VAULT = "vault-pl41ntext-9a1c";
    private static final String DEFAULT = "default-pl41ntext-4b2e";
    private static final String VISIBLE = "visible-value-51e0";

    @TempDir
    Path dir;
    private Database db;
    private InventoryService service;

    @BeforeEach
    void open() {
        db = backend.open(dir);
        service = service();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private InventoryService service() {
        return new InventoryService(new JdbcInventoryStore(db),
                new EncryptedParamSecrets(new SealingKey(SecretKeyFile.inDataFolder(dir))));
    }

    private void seed() {
        InventoryChanges ch = new InventoryChanges();
        ch.paramDefinitions.add(new ParamDefinition("bmc_login", null, TextNode.valueOf(DEFAULT), "", true));
        ch.profiles.add(new Profile("db", "", List.of(), Map.of("vault_db_pass", TextNode.valueOf(VAULT),
                "env", TextNode.valueOf(VISIBLE))));
        ch.machines.add(Machine.builder("db01").address("10.0.0.1").profiles(List.of("db"))
                .params(Map.of("ansible_become_password", TextNode.valueOf(BECOME))).build());
        service.apply(ch);
    }

    private String reveal(InventoryService s, String machine, String param) {
        Inventory inv = s.inventory();
        return s.paramValues().reveal(inv, inv.machines().get(machine)).text(param);
    }

    @Test
    void theDatabaseFileHoldsNoSecureValueOnlyTheMaskAndCiphertext() throws IOException {
        seed();
        Inventory inv = service.inventory();
        assertEquals(ResolvedParam.MASK, inv.machines().get("db01").params().get("ansible_become_password").asText());
        assertEquals(ResolvedParam.MASK, inv.profiles().get("db").params().get("vault_db_pass").asText());
        assertEquals(ResolvedParam.MASK, inv.paramDefinitions().get("bmc_login").defaultValue().asText());
        assertEquals(BECOME, reveal(service, "db01", "ansible_become_password"));
        assertEquals(VAULT, reveal(service, "db01", "vault_db_pass"));
        assertEquals(DEFAULT, reveal(service, "db01", "bmc_login"));
        db.close();
        org.junit.jupiter.api.Assumptions.assumeTrue(backend == TestBackend.H2,
                "the rows above are the check on PostgreSQL; the file below is H2's");
        String bytes = new String(Files.readAllBytes(dir.resolve(Database.FILE_NAME + ".mv.db")),
                StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains(VISIBLE), "the scan reads the values H2 stores (a plain param is there)");
        for (String secret : List.of(BECOME, VAULT, DEFAULT)) {
            assertFalse(bytes.contains(secret), "plaintext " + secret + " in the H2 file");
        }
        db = backend.open(dir);
        assertEquals(BECOME, reveal(service(), "db01", "ansible_become_password"), "readable after a reopen");
    }

    @Test
    void renameCarriesTheSealedValuesAndDeleteRemovesThem() throws SQLException {
        seed();
        Machine m = service.inventory().machines().get("db01");
        service.updateMachine(m, m.toBuilder().name("db02").build());
        assertEquals(BECOME, reveal(service, "db02", "ansible_become_password"));
        assertEquals(List.of("machine:db02:ansible_become_password", "param:bmc_login:bmc_login",
                "profile:db:vault_db_pass"), rows());
        service.deleteMachines(List.of("db02"));
        assertEquals(List.of("param:bmc_login:bmc_login", "profile:db:vault_db_pass"), rows());
    }

    @Test
    void aChangedOrRemovedSecureParamReplacesOrDropsItsRow() throws SQLException {
        seed();
        Machine m = service.inventory().machines().get("db01");
        service.updateMachine(m, m.toBuilder().params(Map.of("ansible_become_password",
                TextNode.valueOf("rotated"))).build());
        assertEquals("rotated", reveal(service, "db01", "ansible_become_password"));
        Machine rotated = service.inventory().machines().get("db01");
        service.updateMachine(rotated, rotated.toBuilder().params(Map.of()).build());
        assertFalse(rows().contains("machine:db01:ansible_become_password"), rows().toString());
        assertNull(reveal(service, "db01", "ansible_become_password"));
    }

    @Test
    void aValueMovedToAnotherOwnerDoesNotDecrypt() throws SQLException {
        seed();
        InventoryChanges ch = new InventoryChanges();
        ch.machines.add(Machine.builder("db09").params(Map.of("ansible_become_password",
                TextNode.valueOf("other"))).build());
        service.apply(ch);
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM param_secret WHERE owner = 'db09'");
            st.executeUpdate("INSERT INTO param_secret(owner_kind, owner, name, key_id, nonce, ciphertext) "
                    + "SELECT owner_kind, 'db09', name, key_id, nonce, ciphertext FROM param_secret WHERE owner = 'db01'");
        }
        ParamValues.Revealed r = service.paramValues().reveal(service.inventory(),
                service.inventory().machines().get("db09"));
        SecretsException e = assertThrows(SecretsException.class, () -> r.value("ansible_become_password"));
        assertTrue(e.getMessage().contains("machine db09's secure param ansible_become_password cannot be "
                + "decrypted"), e.getMessage());
    }

    @Test
    void withoutASecretStoreASecureValueIsRefusedAndNothingWritten() {
        InventoryService plain = new InventoryService(new JdbcInventoryStore(db));
        InventoryChanges ch = new InventoryChanges();
        ch.machines.add(Machine.builder("web01").params(Map.of("api_token", TextNode.valueOf("t0k"))).build());
        InventoryValidationException e = assertThrows(InventoryValidationException.class, () -> plain.apply(ch));
        assertTrue(e.getMessage().contains("machine web01: param api_token is secure, but no secret store is open"),
                e.getMessage());
        assertTrue(plain.inventory().machines().isEmpty());
    }

    @Test
    void aDefinitionThatMakesAParamSecureSealsTheValuesStoredInPlain() {
        InventoryChanges first = new InventoryChanges();
        first.machines.add(Machine.builder("db01").params(Map.of("ipmi_login", TextNode.valueOf("adm1n"))).build());
        service.apply(first);
        InventoryChanges def = new InventoryChanges();
        def.paramDefinitions.add(new ParamDefinition("ipmi_login", null, null, "", true));
        service.apply(def);
        assertEquals(ResolvedParam.MASK, service.inventory().machines().get("db01").params().get("ipmi_login")
                .asText());
        assertEquals("adm1n", reveal(service, "db01", "ipmi_login"));
        InventoryChanges off = new InventoryChanges();
        off.paramDefinitions.add(new ParamDefinition("ipmi_login", null, null, "", false));
        InventoryValidationException e = assertThrows(InventoryValidationException.class, () -> service.apply(off));
        assertTrue(e.getMessage().contains("param ipmi_login cannot stop being secure while values of it are stored "
                + "encrypted (machine db01)"), e.getMessage());
    }

    @Test
    void redactMasksEveryRealSecureValueInText() {
        seed();
        Inventory inv = service.inventory();
        ParamValues.Revealed r = service.paramValues().reveal(inv, inv.machines().get("db01"));
        JsonNode env = r.value("env");
        assertEquals(VISIBLE, env.asText());
        assertEquals("sudo -S <<< ******** && echo " + VISIBLE,
                r.redact("sudo -S <<< " + BECOME + " && echo " + VISIBLE));
        assertFalse(r.toString().contains(BECOME));
    }

    private List<String> rows() throws SQLException {
        try (Connection c = db.connection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT owner_kind, owner, name FROM param_secret ORDER BY 1, 2, 3")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
            }
            return out;
        }
    }
}
