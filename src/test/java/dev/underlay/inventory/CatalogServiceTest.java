package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.app.AppContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Create, edit and delete of catalog records on a real data folder, read back after it is reopened. */
class CatalogServiceTest {
    @TempDir
    Path dir;

    private static CatalogService catalog(AppContext ctx) {
        return new CatalogService(ctx.inventory(), ctx.credentialSecrets());
    }

    @Test
    void recordsWrittenHereAreThereAfterAReopenAndDeletesTakeTheirSecretsAlong() {
        try (AppContext ctx = AppContext.open(dir, true, Runnable::run)) {
            CatalogService c = catalog(ctx);
            c.save(null, new Rack("fra1-r11", "fra1", 48, "C", 11));
            int sealed = ctx.inventory().store().sealedParamCount();
            c.save(null, new ParamDefinition("ipmi_secret", null, TextNode.valueOf("calvin"), "BMC", true));
            assertEquals(sealed + 1, ctx.inventory().store().sealedParamCount(), "the secure default is sealed");
            assertTrue(SecureParams.isSealed(ctx.inventory().inventory().paramDefinitions().get("ipmi_secret")
                    .defaultValue()));
            c.saveCredential(null, new Credential("fra1-bmc", CredentialKind.PASSWORD, "ADMIN", "", ""),
                    "pw".toCharArray());
        }
        try (AppContext ctx = AppContext.open(dir, true, Runnable::run)) {
            CatalogService c = catalog(ctx);
            assertEquals(new Rack("fra1-r11", "fra1", 48, "C", 11), ctx.inventory().inventory().racks().get("fra1-r11"));
            assertTrue(c.hasSecret("fra1-bmc"));
            int sealed = ctx.inventory().store().sealedParamCount();
            c.delete("param", "ipmi_secret");
            assertEquals(sealed - 1, ctx.inventory().store().sealedParamCount(), "its sealed default goes with it");
            c.delete("credential", "fra1-bmc");
            assertFalse(c.hasSecret("fra1-bmc"));
            c.delete("rack", "fra1-r11");
        }
        try (AppContext ctx = AppContext.open(dir, true, Runnable::run)) {
            Inventory inv = ctx.inventory().inventory();
            assertFalse(inv.racks().containsKey("fra1-r11"));
            assertFalse(inv.paramDefinitions().containsKey("ipmi_secret"));
            assertFalse(inv.credentials().containsKey("fra1-bmc"));
        }
    }

    @Test
    void aRenameAndAStaleDeleteTargetAreRefusedWithTheReason() {
        try (AppContext ctx = AppContext.open(dir, true, Runnable::run)) {
            CatalogService c = catalog(ctx);
            Site fra1 = ctx.inventory().inventory().sites().get("fra1");
            InventoryValidationException e = assertThrows(InventoryValidationException.class,
                    () -> c.save(fra1, new Site("fra2", "")));
            assertEquals("site fra1 cannot be renamed here; create fra2 and move what uses fra1 to it",
                    e.getMessage());
            e = assertThrows(InventoryValidationException.class, () -> c.delete("cluster", "no-such"));
            assertEquals("cluster no-such no longer exists (deleted meanwhile?)", e.getMessage());
            e = assertThrows(InventoryValidationException.class, () -> c.delete("profile", "baseline"));
            assertTrue(e.getMessage().startsWith("profile baseline cannot be deleted while profile gpu, profile "
                    + "k8s-node, machine euc1-api01, machine euc1-api02, machine euc1-ci01 and 19 more use it; take the "
                    + "profile off those first"), e.getMessage());
            c.delete("cluster", "fra1-k8s");
            assertTrue(ctx.inventory().inventory().machines().containsKey("fra1-k8s-w01"), "members stay");
            assertTrue(ctx.inventory().inventory().clusterRoles("fra1-k8s-w01").isEmpty());
        }
    }
}
