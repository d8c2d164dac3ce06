package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.app.AppContext;
import dev.underlay.automation.ParamPublisher;
import dev.underlay.e2e.LabWorld;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.ResolvedParam;
import dev.underlay.inventory.StageParams;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.StepState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values published between hosts (decision 0021), on a real lab and a real data folder: step 1 on one host writes
 * a secure token and a number to {@code /run/underlay/publish/}, the engine reads them back over the job's
 * connection into the cluster's profile (sealed, typed by the schema), and step 2 on every host renders with them,
 * masked in the stored script and absent from every stored output line. Hosts in no cluster publish into the
 * job's own profile; a value its schema refuses fails the publishing host with a sentence naming the param.
 */
class PublishLabTest {
    static final String TOKEN = "tok-a1b2c3d4";
    static final String PACK = """
            name: publish-demo
            version: 1.0.0
            description: one host makes a token, the others use it
            params:
              demo_token:
                secure: true
                schema: {type: string, pattern: "^tok-[a-z0-9]{8}$"}
              demo_count:
                schema: {type: integer, minimum: 1}
              demo_maker:
                schema: {type: string}
              demo_value:
                schema: {type: string}
            tasks:
              make-token:
                required: [demo_maker, demo_value]
                publishes: [demo_token, demo_count]
                templates:
                  - script: |
                      {% if machine.name == demo_maker %}mkdir -p /run/underlay/publish
                      echo {{ demo_value | quote }} > /run/underlay/publish/demo_token
                      echo 42 > /run/underlay/publish/demo_count
                      {% else %}echo 'not the maker'
                      {% endif %}
              use-token:
                required: [demo_token, demo_count]
                templates:
                  - script: |
                      echo {{ demo_token | quote }} > /tmp/got-token
                      echo "count {{ demo_count }}"
            stages:
              make: {tasks: [make-token]}
              use: {tasks: [use-token]}
            workflows:
              publish-demo: {stages: [make, use]}
            """;

    @TempDir
    static Path dir;
    static LabWorld world;
    static AppContext ctx;

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(6, dir, FaultSpec.NONE);
        ctx = AppContext.open(dir.resolve("data"), false, Runnable::run);
        world.enrol(ctx);
        ctx.content().importText("publish-demo.yaml", PACK, false);
        InventoryChanges ch = new InventoryChanges();
        List<ClusterMember> members = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            members.add(new ClusterMember("lab000" + i, i == 1 ? "maker" : "user"));
        }
        ch.clusters.add(new Cluster("demo", "test", "", "", members)); // no profile yet: publishing makes one
        ctx.inventory().apply(ch);
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
        if (world != null) {
            world.close();
        }
    }

    static void global(String maker, String value) {
        Inventory inv = ctx.inventory().inventory();
        Profile g = inv.profiles().get(Profile.GLOBAL);
        Map<String, JsonNode> params = new LinkedHashMap<>(g == null ? Map.of() : g.params());
        params.put("demo_maker", TextNode.valueOf(maker));
        params.put("demo_value", TextNode.valueOf(value));
        InventoryChanges ch = new InventoryChanges();
        ch.profiles.add(new Profile(Profile.GLOBAL, g == null ? "" : g.description(),
                g == null ? List.of() : g.includes(), params));
        ctx.inventory().apply(ch);
    }

    static JobHandle run(String query) {
        return ctx.jobs().start("publish-demo", JobTarget.query(query), JobOptions.DEFAULTS.withForks(6)
                .withStrategy(Strategy.LINEAR), null);
    }

    static JobListener.StepResult result(long job, String host, int step) {
        JobListener.StepResult last = null;
        for (JobListener.StepResult r : ctx.jobs().results(job)) {
            if (r.host().equals(host) && r.step() == step) {
                last = r;
            }
        }
        assertNotNull(last, host + " step " + step);
        return last;
    }

    static List<String> output(long job) {
        List<String> lines = new ArrayList<>();
        ctx.jobs().output(job, null, null, l -> lines.add(l.host() + "#" + l.step() + " " + l.text()));
        return lines;
    }

    @Test
    void aTokenPublishedOnOneHostReachesTheOthersSealedAndMasked() throws Exception {
        global("lab0001", TOKEN);
        JobHandle h = run("lab[0001-0004]");
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);

        assertEquals("published demo_token, demo_count to cluster demo (profile demo)",
                result(h.id(), "lab0001", 0).message());
        Inventory inv = ctx.inventory().inventory();
        assertEquals("demo", inv.clusters().get("demo").profile());
        Profile demo = inv.profiles().get("demo");
        assertEquals(ResolvedParam.MASK, demo.params().get("demo_token").asText(), "sealed, never in the rows");
        assertEquals(IntNode.valueOf(42), demo.params().get("demo_count"), "typed by its schema: an integer");
        assertEquals(TOKEN, ctx.inventory().paramValues().reveal(inv, inv.machines().get("lab0003"),
                StageParams.NONE).value("demo_token").asText());
        for (int i = 1; i <= 4; i++) {
            JobListener.StepResult use = result(h.id(), "lab000" + i, 1);
            assertEquals(StepState.OK, use.state());
            assertTrue(use.script().contains("echo '********' > /tmp/got-token"), use.script());
            assertFalse(use.script().contains(TOKEN), use.script());
        }
        List<String> lines = output(h.id());
        assertTrue(lines.contains("lab0004#1 count 42"), lines.toString());
        lines.forEach(l -> assertFalse(l.contains(TOKEN), l));

        JobHandle check = ctx.jobs().start("command:cat /tmp/got-token; test -f /run/underlay/publish/demo_token "
                + "|| echo read-and-removed", JobTarget.query("lab[0001-0004]"), JobOptions.DEFAULTS, null);
        JobEnds.awaitEnd(ctx.jobs(), check, JobState.SUCCEEDED, 60);
        List<String> got = output(check.id());
        for (int i = 1; i <= 4; i++) {
            assertTrue(got.contains("lab000" + i + "#0 " + TOKEN), got.toString());
        }
        assertTrue(got.contains("lab0001#0 read-and-removed"), got.toString());
    }

    @Test
    void hostsInNoClusterPublishIntoTheirJobsOwnProfile() throws Exception {
        global("lab0005", TOKEN);
        JobHandle h = run("lab[0005-0006]");
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);
        String profile = ParamPublisher.jobProfile(h.id());
        assertEquals("published demo_token, demo_count to job " + h.id() + " (profile " + profile + ")",
                result(h.id(), "lab0005", 0).message());
        Inventory inv = ctx.inventory().inventory();
        assertEquals(ResolvedParam.MASK, inv.profiles().get(profile).params().get("demo_token").asText());
        assertNull(ctx.inventory().paramValues().reveal(inv, inv.machines().get("lab0006"), StageParams.NONE)
                .resolved().get("demo_token"), "outside the job, nothing resolves it");
        assertTrue(output(h.id()).contains("lab0006#1 count 42"));
    }

    @Test
    void aValueTheSchemaRefusesFailsThePublishingHostNamingTheParam() throws Exception {
        global("lab0002", "not-a-token");
        JobHandle h = run("lab[0001-0004]");
        assertEquals(JobState.FAILED, h.done().get(60, TimeUnit.SECONDS));
        JobListener.StepResult r = result(h.id(), "lab0002", 0);
        assertEquals(StepState.FAILED, r.state());
        assertTrue(r.message().startsWith("lab0002 published demo_token, demo_count, which the inventory refused: "),
                r.message());
        assertTrue(r.message().contains("demo_token"), r.message());
        assertFalse(r.message().contains("not-a-token"), "a secure value is never shown: " + r.message());
        assertEquals(StepState.OK, result(h.id(), "lab0003", 0).state());
    }

    @Test
    void aJobsOwnProfileGoesWithTheJobNeverAClusterProfile() throws Exception {
        // a cluster whose profile has a job profile's name, of a job that never was: it stays
        String clusterProfile = ParamPublisher.jobProfile(777_777);
        InventoryChanges ch = new InventoryChanges();
        ch.profiles.add(new Profile(clusterProfile, "", List.of(), Map.of()));
        ch.clusters.add(new Cluster("keep", "test", "", clusterProfile, List.of(new ClusterMember("lab0001", "x"))));
        ctx.inventory().apply(ch);
        global("lab0005", TOKEN);
        JobHandle a = run("lab[0005-0006]");
        JobEnds.awaitEnd(ctx.jobs(), a, JobState.SUCCEEDED, 60);
        JobHandle b = run("lab[0005-0006]");
        JobEnds.awaitEnd(ctx.jobs(), b, JobState.SUCCEEDED, 60);
        assertTrue(ctx.inventory().inventory().profiles().containsKey(ParamPublisher.jobProfile(a.id())));

        ctx.jobs().delete(a.id());
        Inventory inv = ctx.inventory().inventory();
        assertFalse(inv.profiles().containsKey(ParamPublisher.jobProfile(a.id())), "deleted with its job");
        assertTrue(inv.profiles().containsKey(ParamPublisher.jobProfile(b.id())), "another job's stays");
        assertTrue(ctx.jobs().find(a.id()).isEmpty());
        IllegalArgumentException gone = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ctx.jobs().delete(a.id()));
        assertEquals("no job " + a.id() + " is kept", gone.getMessage());

        assertTrue(ctx.jobs().purgeOlderThan(java.time.Duration.ZERO) >= 1);
        inv = ctx.inventory().inventory();
        assertFalse(inv.profiles().containsKey(ParamPublisher.jobProfile(b.id())), "purged with its job");
        assertTrue(inv.profiles().containsKey(clusterProfile), "a cluster's profile is never purged");
        assertEquals(clusterProfile, inv.clusters().get("keep").profile());
    }
}
