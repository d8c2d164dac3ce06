package dev.underlay.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.underlay.lab.shell.HostIdentity.Disk;
import dev.underlay.lab.shell.HostIdentity.Nic;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lab shell's language: sequences, and-or lists, set -e, quoting, variables, redirections, heredocs. */
class ShellRunTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Host host = new Host();
    private final Commands commands = new Commands(scheduler);

    /** A host with an in-memory file system and switchable faults. */
    static final class Host implements ShellHost {
        final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
        final Services services = new Services(1_700_000_000L, false);
        boolean diskFull;
        Set<String> failing = Set.of();
        final HostIdentity identity = new HostIdentity("web01", HostIdentity.OsRelease.ROCKY_9, 8, "Test CPU",
                16_384, List.of(new Disk("sda", 500_000_000_000L, "Disk", false)),
                List.of(new Nic("eth0", "52:54:00:00:00:01", "10.0.0.5", 24, 1500)), 1_700_000_000L);

        Host() {
            try {
                Files.createDirectories(fs.getPath("/root"));
                Files.createDirectories(fs.getPath("/tmp"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override public HostIdentity identity() { return identity; }
        @Override public FileSystem files() { return fs; }
        @Override public Services services() { return services; }
        @Override public boolean diskFull() { return diskFull; }
        @Override public boolean failing(String command) { return failing.contains(command); }
    }

    record Out(String out, String err, int exit) {
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private Out run(String script) {
        return run(script, "");
    }

    private Out run(String script, String stdin) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ShellRun.Output o = new ShellRun.Output() {
            @Override public synchronized void out(String t) { out.append(t); }
            @Override public synchronized void err(String t) { err.append(t); }
        };
        try {
            int code = new ShellRun(ScriptParser.parse(script), host, commands, "root", () -> stdin, o, Runnable::run)
                    .start().get(10, TimeUnit.SECONDS);
            synchronized (o) {
                return new Out(out.toString(), err.toString(), code);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sequenceRunsEveryCommandAndExitsWithTheLastStatus() {
        Out r = run("echo one; echo two\necho three; false");
        assertEquals("one\ntwo\nthree\n", r.out());
        assertEquals(1, r.exit());
    }

    @Test
    void andOrListsShortCircuitLikeBash() {
        assertEquals("b\n", run("false && echo a || echo b").out());
        assertEquals("a\n", run("true && echo a || echo b").out());
        assertEquals("c\n", run("false || false || echo c").out());
        assertEquals(1, run("true && false").exit());
    }

    @Test
    void setEStopsAtTheFirstFailureOutsideAnAndOrList() {
        Out r = run("set -e\necho before\nfalse || true\nfalse && echo never\necho still\nfalse\necho after");
        assertEquals("before\nstill\n", r.out());
        assertEquals(1, r.exit());
    }

    @Test
    void exitEndsTheScriptWithItsCode() {
        Out r = run("echo hi; exit 3; echo no");
        assertEquals("hi\n", r.out());
        assertEquals(3, r.exit());
        assertEquals(0, run("true; exit").exit());
    }

    @Test
    void quotesEscapesAndVariablesExpandLikeBash() {
        Out r = run("NAME=lab; echo 'single $NAME' \"double $NAME\" esc\\ aped \"${NAME}x\" \"\"; false; echo $?");
        assertEquals("single $NAME double lab esc aped labx \n1\n", r.out());
        assertEquals("root /root\n", run("echo $USER $HOME").out());
    }

    @Test
    void unknownCommandPrintsBashMessageAndExits127() {
        Out r = run("nosuch-tool -x");
        assertEquals("bash: nosuch-tool: command not found\n", r.err());
        assertEquals(127, r.exit());
        assertEquals("127\n", run("nosuch 2>/dev/null; echo $?").out());
    }

    @Test
    void redirectionWritesAppendsAndDiscards() {
        Out r = run("echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; ls /nonexistent 2>/dev/null; echo rc=$?;"
                + " echo err >&2");
        assertEquals("one\ntwo\nrc=2\n", r.out());
        assertEquals("err\n", r.err());
        assertEquals("x\n", run("cat /nope 2>&1 >/dev/null; echo x").out().lines().reduce((a, b) -> b)
                .map(s -> s + "\n").orElse(""));
    }

    @Test
    void heredocAndStdinFeedCat() {
        assertEquals("hello web01\n", run("cat > /tmp/h <<EOF\nhello $HOSTNAME\nEOF\ncat /tmp/h").out());
        assertEquals("literal $HOSTNAME\n", run("cat <<'EOF'\nliteral $HOSTNAME\nEOF").out());
        assertEquals("from stdin\n", run("cat > /tmp/s; cat /tmp/s", "from stdin\n").out());
    }

    @Test
    void testAndBracketCheckFilesAndStrings() {
        Out r = run("mkdir -p /opt/a/b; touch /opt/a/f; [ -d /opt/a/b ] && echo d; test -f /opt/a/f && echo f;"
                + " [ -e /opt/none ] || echo none; [ -z \"\" ] && echo z; [ -n x ] && echo n;"
                + " [ a = a ] && echo eq; [ a != b ] && echo ne; [ 3 -gt 2 ] && echo gt; [ ! -f /opt/a/b ] && echo nf");
        assertEquals("d\nf\nnone\nz\nn\neq\nne\ngt\nnf\n", r.out());
    }

    @Test
    void fileCommandsManageTheHostsFiles() {
        Out r = run("mkdir -p /srv/x && touch /srv/x/a /srv/x/b && ls /srv/x && rm /srv/x/a && ls /srv/x;"
                + " rm /srv/x/zz; echo $?");
        assertEquals("a\nb\nb\n1\n", r.out());
        assertTrue(r.err().contains("cannot remove '/srv/x/zz': No such file or directory"));
    }

    @Test
    void pipesFeedTheNextCommand() {
        assertEquals("8\n", run("cat /proc/cpuinfo | grep -c processor").out());
        assertEquals("2\n", run("cat /etc/os-release | head -n 2 | wc -l").out());
        assertEquals("NAME=", run("head -c 5 /etc/os-release").out());
    }

    @Test
    void diskFullFailsWritesWithNoSpaceLeft() {
        host.diskFull = true;
        Out r = run("echo x > /tmp/full; echo rc=$?; touch /tmp/t; df -h /");
        assertTrue(r.err().contains("/tmp/full: No space left on device"), r.err());
        assertTrue(r.err().contains("cannot touch '/tmp/t': No space left on device"), r.err());
        assertTrue(r.out().startsWith("rc=1\n"));
        assertTrue(r.out().contains("100% /\n"), r.out());
    }

    @Test
    void failingCommandFaultMakesOnlyThatCommandFail() {
        host.failing = Set.of("uname");
        Out r = run("hostname; uname -r");
        assertEquals("web01\n", r.out());
        assertEquals("uname: simulated failure (lab fault)\n", r.err());
        assertEquals(1, r.exit());
    }

    @Test
    void sleepSuspendsWithoutLosingLaterOutput() {
        Out r = run("echo a; sleep 0.05; echo b && sleep 0.01; echo c");
        assertEquals("a\nb\nc\n", r.out());
    }

    @Test
    void nestedShellAndSudoRunScripts() {
        assertEquals("x\ny\n", run("sudo -n bash -c 'echo x; echo y'").out());
        assertEquals(4, run("sh -c 'exit 4'").exit());
    }

    @Test
    void systemctlFollowsSystemdExitCodes() {
        assertEquals(0, run("systemctl is-active sshd").exit());
        assertEquals(4, run("systemctl status nosuch").exit());
        assertEquals(3, run("systemctl stop sshd; systemctl status sshd").exit());
        assertEquals(5, run("systemctl start nosuch").exit());
    }

    @Test
    void packagesFollowTheDistributionAndBringTheirServices() {
        assertEquals(127, run("apt-get install -y nginx").exit());
        Out r = run("dnf install -y nginx && rpm -q nginx && systemctl is-active nginx && command -v nginx");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("active\n/usr/local/bin/nginx\n"), r.out());
        assertEquals(1, run("rpm -q kubelet").exit());
        assertEquals("/usr/bin/systemctl\n", run("command -v systemctl").out());
        assertEquals(1, run("command -v kubeadm").exit());
    }

    @Test
    void printfAndEchoEscapesFormatText() {
        assertEquals("a=1\nb=2\n", run("printf '%s=%d\\n' a 1 b 2").out());
        assertEquals("x\ty\n", run("echo -e 'x\\ty'").out());
        assertEquals("no newline", run("echo -n no newline").out());
    }

    @Test
    void printlinesPrintsNumberedLinesOfTheGivenWidth() {
        Out r = run("printlines 3 40");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n", -1);
        assertEquals(4, lines.length, r.out());
        assertEquals("", lines[3], "ends with a newline");
        for (int i = 0; i < 3; i++) {
            assertEquals(40, lines[i].length(), lines[i]);
            assertTrue(lines[i].startsWith("web01 line 00000" + (i + 1) + " "), lines[i]);
        }
        assertEquals(3 * 81, run("printlines 3").out().length(), "80 bytes a line by default");
        assertEquals("web0\n", run("printlines 1 4").out(), "a short line is cut, not widened");
        assertEquals("", run("printlines 0").out());
        assertEquals(2, run("printlines").exit());
        assertEquals(2, run("printlines x").exit());
        assertEquals(2, run("printlines 20000000").exit());
        assertEquals("printlines: usage: printlines N [BYTES]\n", run("printlines 1 2 3").err());
    }

    @Test
    void syntaxErrorsAreReportedNotGuessed() {
        assertThrows(ShellSyntaxException.class, () -> ScriptParser.parse("echo 'open"));
        assertThrows(ShellSyntaxException.class, () -> ScriptParser.parse("echo $(hostname)"));
        assertThrows(ShellSyntaxException.class, () -> ScriptParser.parse("true &&"));
    }
}
