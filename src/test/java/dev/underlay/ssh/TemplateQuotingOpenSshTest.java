package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.automation.RenderedStep;
import dev.underlay.automation.TaskRenderer;
import dev.underlay.automation.content.Task;
import dev.underlay.automation.content.TaskTemplate;
import dev.underlay.automation.template.Templates;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Template values that try to inject commands reach a real OpenSSH host's real {@code /bin/sh} as inert text when
 * the template uses {@code | quote}: rendered by the automation model, run over SSH. The script defines
 * {@code reboot} as a function that only writes a canary file (and empties PATH, so nothing else could run): the
 * same script rendered without {@code quote} writes the canary, which shows the test can fail.
 */
class TemplateQuotingOpenSshTest extends SshTestBase {
    private static final List<String> PAYLOADS = List.of("$(reboot)", "'; reboot #", "line one\nreboot", "`reboot`");
    private final OpenSsh sshd = new OpenSsh();

    @BeforeEach
    void requireOpenSsh() {
        OpenSsh.require();
        closeables.add(sshd);
    }

    @Test
    void injectionAttemptsArriveAsTheirOwnTextAndRunNothing() throws Exception {
        Path d = dir.resolve("quoting");
        int port = sshd.startEd25519(d, "");
        store.trust(new Endpoint("127.0.0.1", port), HostKeys.parse(Files.readString(d.resolve("host_ed25519.pub"))),
                "test");
        Path canary = d.resolve("canary");
        SshTarget target = SshTarget.direct("quoting", "127.0.0.1", port, System.getProperty("user.name"),
                new SshAuth.KeyFile(d.resolve("client_ed25519"), ""));
        JobConnections job = job(transport());

        String prelude = "PATH=/nonexistent\nreboot() { echo REBOOTED >> {{ canary | quote }}; }\n";
        StringBuilder quoted = new StringBuilder(prelude);
        for (int i = 0; i < PAYLOADS.size(); i++) {
            quoted.append("printf '[%s]\\n' {{ p").append(i).append(" | quote }}\n");
        }
        List<String> lines = run(job, target, quoted.toString(), canary);
        assertFalse(Files.exists(canary), "a payload ran: " + (Files.exists(canary) ? Files.readString(canary) : ""));
        assertEquals("[$(reboot)]\n['; reboot #]\n[line one\nreboot]\n[`reboot`]\n", String.join("\n", lines) + "\n");

        String unquoted = prelude + "echo {{ p0 }}\necho {{ p2 }}\n";
        run(job, target, unquoted, canary);
        assertTrue(Files.exists(canary) && Files.readString(canary).contains("REBOOTED"),
                "without quote the same payloads run: the check above can fail");
    }

    private List<String> run(JobConnections job, SshTarget target, String template, Path canary) throws Exception {
        InventoryService inventory = new InventoryService(new JdbcInventoryStore(db));
        Map<String, JsonNode> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            params.put("p" + i, TextNode.valueOf(PAYLOADS.get(i)));
        }
        params.put("canary", TextNode.valueOf(canary.toString()));
        if (inventory.inventory().machines().isEmpty()) {
            InventoryChanges ch = new InventoryChanges();
            ch.machines.add(Machine.builder("quoting").kind(MachineKind.VIRTUAL).address("127.0.0.1").params(params)
                    .build());
            inventory.apply(ch);
        }
        Task task = new Task("quoting", "", List.of(TaskTemplate.script("", template)), List.of(), List.of(),
                List.of(), null, 0, Duration.ZERO, Task.NONE, Task.NONE, "test");
        RenderedStep step = new TaskRenderer(new Templates(), inventory.paramValues()).render(task, null,
                inventory.inventory().machines().get("quoting"), inventory.inventory());
        String script = ((RenderedStep.Script) step.actions().get(0)).text();
        List<String> out = new CopyOnWriteArrayList<>();
        ExecResult r = await(job.exec(target, script, (h, s, at, l) -> out.add(l)));
        assertEquals(FailureKind.NONE, r.failure(), r.message() + OpenSsh.sshdLogQuietly(dir.resolve("quoting")));
        return out;
    }
}
