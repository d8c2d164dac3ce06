package dev.underlay.inventory.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.CatalogService;
import dev.underlay.inventory.CredentialKind;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.ResolvedParam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog editors' view models on a real data folder, with the same-thread runner and no toolkit. */
class CatalogEditorsTest {
    @TempDir
    Path dir;
    DemoFixture fx;
    CatalogService catalog;

    @BeforeEach
    void open() {
        fx = new DemoFixture(dir);
        catalog = new CatalogService(fx.context.inventory(), fx.context.credentialSecrets());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private <T> CatalogEditorViewModel<T> editor(EditorKind<T> kind) {
        return new CatalogEditorViewModel<>(kind, fx.model, () -> catalog, fx.tasks, fx.messages::add);
    }

    private Inventory stored() {
        return fx.context.inventory().inventory();
    }

    private static void type(CatalogEditorViewModel<?> vm, Map<String, String> fields) {
        fields.forEach((f, v) -> vm.field(f).set(v));
    }

    @Test
    void rackIsCreatedWithItsDefaultsAndRefusedWithTheReasonBesideTheField() {
        CatalogEditorViewModel<Rack> vm = editor(new PlaceKinds.Racks());
        vm.create();
        assertEquals("42", vm.field("height").get(), "a new rack is 42U high unless told otherwise");
        type(vm, Map.of("name", "fra1-r11", "site", "fra1", "height", "70", "row", "C", "position", "11"));
        vm.save();
        assertEquals("rack fra1-r11 has height 70U; a rack is 1 to 60 U high", vm.error("height").get());
        assertEquals("fra1", vm.field("site").get(), "what was typed stays");
        assertFalse(stored().racks().containsKey("fra1-r11"));

        vm.field("height").set("forty");
        vm.save();
        assertEquals("The height is a whole number of U, such as 42.", vm.error("height").get());

        vm.field("height").set("48");
        vm.save();
        assertEquals(new Rack("fra1-r11", "fra1", 48, "C", 11), stored().racks().get("fra1-r11"));
        assertEquals("Created rack fra1-r11.", fx.lastMessage());
        assertEquals(CatalogEditorViewModel.Mode.EDIT, vm.modeProperty().get());
        assertEquals("0 machines in this rack, 0 of 48 U taken.", vm.detailsProperty().get());

        CatalogEditorViewModel<Rack> again = editor(new PlaceKinds.Racks());
        again.create();
        type(again, Map.of("name", "fra1-r11", "site", "fra1"));
        again.save();
        assertEquals("a rack named fra1-r11 already exists", again.error("name").get());
    }

    @Test
    void rackInUseIsNotDeletedAndAStaleEditIsRefused() {
        CatalogEditorViewModel<Rack> vm = editor(new PlaceKinds.Racks());
        vm.select("fra1-r01");
        assertTrue(vm.detailsProperty().get().startsWith("10 machines in this rack"), vm.detailsProperty().get());
        vm.delete();
        assertTrue(vm.formErrorProperty().get().startsWith("rack fra1-r01 cannot be deleted while machine "),
                vm.formErrorProperty().get());
        assertTrue(vm.formErrorProperty().get().contains("and 5 more use it; move those machines out first"),
                vm.formErrorProperty().get());
        assertTrue(stored().racks().containsKey("fra1-r01"));

        vm.field("row").set("D");
        Rack read = stored().racks().get("fra1-r01");
        catalog.save(read, new Rack("fra1-r01", "fra1", 42, "E", 1)); // another writer, meanwhile
        vm.save();
        assertEquals("rack fra1-r01 was changed since it was read (row B -> E); reload it and make the change again",
                vm.formErrorProperty().get());
        assertEquals("E", stored().racks().get("fra1-r01").row(), "the other change is kept");
        assertEquals("D", vm.field("row").get(), "and what was typed too, to make again");
    }

    @Test
    void credentialSecretGoesToTheEncryptedStoreAndIsNeverShownAgain() throws Exception {
        CatalogEditorViewModel<dev.underlay.inventory.Credential> vm = editor(new PlaceKinds.Credentials());
        vm.create();
        type(vm, Map.of("name", "fra1-bmc", "kind", "password", "username", "ADMIN"));
        vm.save();
        assertEquals("credential fra1-bmc logs in with a password: type it here", vm.error("secret").get());
        assertFalse(stored().credentials().containsKey("fra1-bmc"));

        vm.field("secret").set("s3cret-Pa55");
        vm.save();
        assertEquals(CredentialKind.PASSWORD, stored().credentials().get("fra1-bmc").kind());
        assertEquals("", vm.field("secret").get(), "the secret is not shown after the save");
        assertEquals("A password is stored encrypted; it is never shown, only replaced. Used by 0 machines.",
                vm.detailsProperty().get());
        assertEquals("s3cret-Pa55", new String(fx.context.credentialSecrets().get("fra1-bmc").orElseThrow()));
        vm.select("lab-key");
        vm.select("fra1-bmc");
        assertEquals("", vm.field("secret").get(), "nor when the credential is opened again");

        vm.field("secret").set("n3w-Pa55");
        vm.save();
        assertEquals("n3w-Pa55", new String(fx.context.credentialSecrets().get("fra1-bmc").orElseThrow()),
                "a new secret replaces the stored one");

        vm.create();
        type(vm, Map.of("name", "fra1-key", "kind", "key", "keyFile", dir.resolve("no-such-key").toString()));
        vm.save();
        assertEquals("key file " + dir.resolve("no-such-key") + " does not exist (or is not a file)",
                vm.error("keyFile").get());
        Path key = Files.writeString(dir.resolve("id_ed25519"), "key");
        vm.field("keyFile").set(key.toString());
        vm.save();
        assertEquals(key.toString(), stored().credentials().get("fra1-key").keyFile());

        vm.select("fra1-bmc");
        vm.delete();
        assertFalse(stored().credentials().containsKey("fra1-bmc"));
        assertTrue(fx.context.credentialSecrets().get("fra1-bmc").isEmpty(), "its secret goes with it");
        vm.select("lab-key");
        vm.delete();
        assertTrue(vm.formErrorProperty().get().startsWith("credential lab-key cannot be deleted while machine "),
                vm.formErrorProperty().get());
    }

    @Test
    void profileEditChangesTheResolvedParamOfItsMachinesWithTheSource() {
        CatalogEditorViewModel<dev.underlay.inventory.Profile> vm = editor(new ParamKinds.Profiles());
        vm.select("k8s-node");
        assertEquals("pod_cidr = 10.244.0.0/16\ncontainer_runtime = containerd", vm.field("params").get());
        assertEquals("baseline", vm.field("includes").get());
        vm.field("params").set("pod_cidr = 10.244.0.0/16\ncontainer_runtime = cri-o\nmax_pods = 110\nbroken");
        vm.save();
        assertEquals("line 4: write name = value (such as ntp_servers = [\"10.0.0.1\"])", vm.error("params").get());
        vm.field("params").set("pod_cidr = 10.244.0.0/16\ncontainer_runtime = cri-o\nmax_pods = 110");
        vm.field("includes").set("baseline, no-such");
        vm.save();
        assertEquals("profile k8s-node includes profile 'no-such', which does not exist", vm.error("includes").get());
        vm.field("includes").set("baseline");
        vm.save();
        assertEquals("", vm.formErrorProperty().get());
        ResolvedParam p = ParamResolver.resolve(stored(), stored().machines().get("fra1-k8s-w01"))
                .get("container_runtime");
        assertEquals("cri-o", p.displayValue());
        assertEquals("profile k8s-node", p.source().describe());
        assertEquals(110, ParamResolver.resolve(stored(), stored().machines().get("fra1-k8s-w01"))
                .get("max_pods").value().asInt(), "a number stays a number");

        CatalogEditorViewModel<dev.underlay.inventory.Profile> global = editor(new ParamKinds.Profiles());
        global.select("global");
        global.delete();
        assertTrue(global.formErrorProperty().get().startsWith("profile global cannot be deleted while every "
                + "machine"), global.formErrorProperty().get());
    }

    @Test
    void paramDefinitionSchemaAndDefaultAreChecked() {
        CatalogEditorViewModel<dev.underlay.inventory.ParamDefinition> vm = editor(new ParamKinds.Definitions());
        vm.create();
        type(vm, Map.of("name", "max_pods", "schema", "{\"type\": \"integer\", \"maximum\": 250", "default", "110"));
        vm.save();
        assertTrue(vm.error("schema").get().startsWith("The schema is not valid JSON (line "),
                vm.error("schema").get());
        vm.field("schema").set("{\"type\": \"integer\", \"maximum\": 250}");
        vm.field("default").set("300");
        vm.save();
        assertTrue(vm.error("default").get().startsWith("param max_pods: the default value 300 is refused by its "
                + "schema"), vm.error("default").get());
        vm.field("default").set("110");
        vm.save();
        assertEquals(110, stored().paramDefinitions().get("max_pods").defaultValue().asInt());
        assertEquals("", vm.error("default").get());

        vm.select("ntp_servers");
        vm.delete();
        assertTrue(vm.formErrorProperty().get().startsWith("param ntp_servers cannot be deleted while profile "
                + "baseline"), vm.formErrorProperty().get());
    }

    @Test
    void clusterMembersAreCheckedAndSiteInUseIsKept() {
        CatalogEditorViewModel<dev.underlay.inventory.Cluster> vm = editor(new ParamKinds.Clusters());
        vm.create();
        type(vm, Map.of("name", "fra1-db", "kind", "postgres", "members", "fra1-db01 primary\nfra1-db02"));
        vm.save();
        assertEquals("line 2: write the machine and its role, such as fra1-k8s-w01 worker", vm.error("members").get());
        vm.field("members").set("fra1-db01 primary\nfra1-db99 replica");
        vm.save();
        assertEquals("cluster fra1-db lists machine 'fra1-db99', which does not exist", vm.error("members").get());
        vm.field("members").set("fra1-db01 primary\nfra1-db02 replica");
        vm.save();
        assertEquals(2, stored().clusters().get("fra1-db").members().size());
        assertEquals("2 members (1 primary, 1 replica); 0 not in use.", vm.detailsProperty().get());

        CatalogEditorViewModel<dev.underlay.inventory.Site> sites = editor(new PlaceKinds.Sites());
        sites.select("fra1");
        sites.delete();
        assertTrue(sites.formErrorProperty().get().startsWith("site fra1 cannot be deleted while rack fra1-r01, "),
                sites.formErrorProperty().get());
        sites.create();
        type(sites, Map.of("name", "ams1", "description", "Amsterdam"));
        sites.save();
        sites.delete();
        assertFalse(stored().sites().containsKey("ams1"));
        assertEquals("Deleted site ams1.", fx.lastMessage());
    }
}
