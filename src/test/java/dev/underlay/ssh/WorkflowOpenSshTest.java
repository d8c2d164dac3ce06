package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.cli.UnderlayCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow through the job engine on a real OpenSSH host, as a technician would run it: the host from an Ansible
 * INI inventory, its key from {@code ssh-keyscan}'s known_hosts, the three-step pack of the Ansible benchmark
 * ({@code bench/workflow/wf-pack.yaml}: a command, a templated file, a check that reads it back), then
 * {@code underlay run wf-bench --on all}; the file's content on the host is checked too.
 */
class WorkflowOpenSshTest {
    @TempDir
    Path dir;
    private final OpenSsh sshd = new OpenSsh();

    @BeforeEach
    void requireOpenSsh() {
        OpenSsh.require();
    }

    @AfterEach
    void stop() {
        sshd.close();
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Result cli(Path data, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = UnderlayCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), f -> AppContext.open(f, false, Runnable::run));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theThreeStepWorkflowRunsOnARealOpenSshHost() throws Exception {
        Path d = dir.resolve("sshd");
        int port = sshd.startEd25519(d, "");
        Path files = Files.createDirectories(dir.resolve("files"));
        Path ini = dir.resolve("inventory.ini");
        Files.writeString(ini, "[ossh]\nossh01 ansible_host=127.0.0.1 ansible_port=" + port + " ansible_user="
                + System.getProperty("user.name") + " ansible_ssh_private_key_file=" + d.resolve("client_ed25519")
                + " wf_dir=" + files + " wf_greeting=bonjour\n");
        Path data = dir.resolve("data");

        Result r = cli(data, "content", "import", Path.of("bench/workflow/wf-pack.yaml").toAbsolutePath().toString());
        assertEquals(0, r.code(), r.toString());
        r = cli(data, "import", ini.toString());
        assertEquals(0, r.code(), r.toString());
        r = cli(data, "import", OpenSsh.keyscan(d, port).toString());
        assertEquals(0, r.code(), r.toString());

        r = cli(data, "run", "wf-bench", "--on", "all");
        assertEquals(0, r.code(), r + OpenSsh.sshdLogQuietly(d));
        assertTrue(r.err().contains("1 ok"), r.toString());
        assertTrue(r.out().contains("WFCHECK-OK") || r.err().contains("WFCHECK-OK"), r.toString());
        assertEquals("greeting bonjour from ossh01\n", Files.readString(files.resolve("wf-ossh01.txt")),
                "the templated file as the host wrote it");

        r = cli(data, "logs", "1", "--host", "ossh01");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Linux") && r.out().contains("WFCHECK-OK"), r.toString());
    }
}
