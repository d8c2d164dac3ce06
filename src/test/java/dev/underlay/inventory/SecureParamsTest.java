package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecureParamsTest {
    @Test
    void ansibleSecretVariablesAndNamesThatSaySoAreSecure() {
        for (String n : List.of("ansible_password", "ansible_ssh_pass", "ansible_become_password",
                "ansible_become_pass", "ansible_sudo_pass", "ansible_ssh_private_key_passphrase", "ANSIBLE_BECOME_PASS",
                "ansible_su_pass", "ansible_httpapi_pass", "vault_db", "Vault_Anything", "db_password", "bmcPassword",
                "root_passwd", "key_passphrase", "client_secret", "SECRET", "api_token", "github_token", "api_key",
                "datadog_apikey")) {
            assertTrue(SecureParams.nameIsSecret(n), n);
            assertTrue(SecureParams.isSecure(Inventory.empty(), n), n);
        }
        for (String n : List.of("env", "http_port", "ansible_user", "ansible_ssh_private_key_file", "ssh_bastion",
                "pass_count", "vaulted", "ansible_passthrough")) {
            assertFalse(SecureParams.nameIsSecret(n), n);
        }
    }

    @Test
    void aDefinitionMakesAnyNameSecureButCannotMakeASecretNamePlain() {
        Inventory inv = Inventory.empty().toBuilder()
                .paramDefinition(new ParamDefinition("ipmi_login", null, null, "", true))
                .paramDefinition(new ParamDefinition("db_password", null, null, "", false)).build();
        assertTrue(SecureParams.isSecure(inv, "ipmi_login"));
        assertTrue(SecureParams.isSecure(inv, "db_password"));
        assertFalse(SecureParams.isSecure(inv, "env"));
    }

    @Test
    void resolvedSecureValuesDisplayAsTheMaskAndQueriesNeverCompareThem() {
        Machine m = Machine.builder("db01").params(Map.of("ansible_become_password", TextNode.valueOf("hunter2"),
                "env", TextNode.valueOf("prod"))).build();
        Inventory inv = Inventory.empty().toBuilder().machine(m).build();
        ResolvedParam p = ParamResolver.resolve(inv, m).get("ansible_become_password");
        assertTrue(p.secure());
        assertEquals(ResolvedParam.MASK, p.displayValue());
        assertEquals(ResolvedParam.MASK, ParamValues.display(p));
        assertEquals(List.of(), MachineQuery.parse("param:ansible_become_password=hunter2").select(inv));
        assertEquals(List.of(), MachineQuery.parse("param:ANSIBLE_BECOME_PASSWORD=hunt*").select(inv));
        assertEquals(List.of(m), MachineQuery.parse("param:ansible_become_password").select(inv));
        assertEquals(List.of(m), MachineQuery.parse("param:env=prod").select(inv));
    }
}
