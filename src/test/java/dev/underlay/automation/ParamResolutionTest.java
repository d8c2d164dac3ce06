package dev.underlay.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.inventory.ResolvedParam;
import dev.underlay.inventory.StageParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParamResolutionTest {
    @TempDir
    Path dir;

    @Test
    void stageSitsBetweenTheMachinesProfilesAndItsClusters() {
        try (AutomationFixture f = new AutomationFixture(dir).seed()) {
            var inv = f.ctx.inventory().inventory();
            StageParams stage = new StageParams("ntp", Map.of("ntp_server", AutomationFixture.text("ntp.stage"),
                    "dns", AutomationFixture.text("stage dns"), "motd", AutomationFixture.text("from stage")),
                    List.of("stage-prof"));
            Map<String, ResolvedParam> web01 = ParamResolver.resolve(inv, f.machine("web01"), stage);
            assertEquals("ntp.own", web01.get("ntp_server").displayValue());
            assertEquals("machine web01", web01.get("ntp_server").source().describe());
            assertEquals("10.0.0.53", web01.get("dns").displayValue()); // machine's profile beats the stage
            assertEquals("profile site-a", web01.get("dns").source().describe());
            assertEquals("stage ntp", web01.get("motd").source().describe()); // stage's own beats its profile
            assertEquals("stage profile stage-prof", web01.get("stage_only").source().describe()); // beats cluster
            assertEquals("cluster profile k8s-prof", web01.get("pod_cidr").source().describe()); // beats global
            assertEquals("global", web01.get("timezone").source().describe());
            assertEquals("default", web01.get("ntp_port").source().describe());
            assertEquals(ResolvedParam.MASK, web01.get("bmc_password").displayValue());

            Map<String, ResolvedParam> web02 = ParamResolver.resolve(inv, f.machine("web02"), stage);
            assertEquals("stage dns", web02.get("dns").displayValue());
            assertEquals("ntp.stage", web02.get("ntp_server").displayValue());
            // without a stage, the walk is the inventory's own
            assertEquals("10.9.9.9", ParamResolver.resolve(inv, f.machine("web02")).get("dns").displayValue());
        }
    }

    @Test
    void publishedValuesGoToTheClusterProfileCheckedAndSealed() {
        try (AutomationFixture f = new AutomationFixture(dir).seed()) {
            ParamPublisher pub = f.ctx.publisher();
            pub.publish("k8s", "join_command", AutomationFixture.text("kubeadm join 10.0.0.1:6443"));
            var inv = f.ctx.inventory().inventory();
            assertEquals("kubeadm join 10.0.0.1:6443", inv.profiles().get("k8s-prof").params().get("join_command")
                    .asText());
            assertEquals("cluster profile k8s-prof", ParamResolver.resolve(inv, f.machine("web02"))
                    .get("join_command").source().describe());

            pub.publish("bare", "join_token", AutomationFixture.text("abcdef.0123456789abcdef"));
            inv = f.ctx.inventory().inventory();
            assertEquals("bare", inv.clusters().get("bare").profile()); // a profile was made for it
            assertEquals(ResolvedParam.MASK, inv.profiles().get("bare").params().get("join_token").asText());
            var revealed = f.ctx.inventory().paramValues().reveal(inv, f.machine("web02"));
            assertEquals("abcdef.0123456789abcdef", revealed.text("join_token"));

            InventoryValidationException e = assertThrows(InventoryValidationException.class,
                    () -> pub.publish("k8s", "ntp_port", AutomationFixture.text("not a port")));
            assertTrue(e.getMessage().contains("ntp_port") && e.getMessage().contains("must be an integer"),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> pub.publish("nope", "x", AutomationFixture.text("")));
        }
    }
}
