package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecSummaryTest {
    private static ExecResult exit(String host, int status) {
        return new ExecResult(host, status, "", Duration.ofMillis(5), FailureKind.NONE, host + ": exit status "
                + status + ".", 1, 0, "curve25519-sha256");
    }

    private static ExecResult failed(String host, FailureKind kind) {
        return new ExecResult(host, ExecResult.NO_STATUS, "", Duration.ZERO, kind, host + ": failed.", 0, 0, "");
    }

    @Test
    void groupsFailedHostsByKindInTheOrderOfTheKinds() {
        List<ExecResult> rs = List.of(exit("a", 0), exit("b", 0), exit("c", 2), failed("d", FailureKind.HOST_KEY_UNKNOWN),
                failed("e", FailureKind.CONNECTION_REFUSED), failed("f", FailureKind.HOST_KEY_UNKNOWN),
                new ExecResult("g", ExecResult.NO_STATUS, "KILL", Duration.ZERO, FailureKind.NONE, "g: signal.", 0, 0, ""));
        ExecSummary s = new ExecSummary(rs);
        assertFalse(s.allOk());
        assertEquals("7 hosts: 2 ok, 1 exit non-zero (c), 1 ended by a signal (g), 3 failed (connection refused: e; "
                + "host key unknown: d,f) in 1.84 s", s.line(Duration.ofMillis(1840), false));
    }

    @Test
    void hostListsFoldAsNodeSetsAndLongOnesListFivePartsAndCountTheRest() {
        List<ExecResult> rs = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rs.add(failed("h" + i, FailureKind.CANCELLED));
        }
        assertEquals("interrupted: 12 hosts: 0 ok, 12 failed (cancelled: h[1-12]) in 0.10 s",
                new ExecSummary(rs).line(Duration.ofMillis(100), true));
        List<ExecResult> mixed = new ArrayList<>();
        for (int i = 1; i <= 38; i++) {
            mixed.add(exit(String.format("fra1-gpu%02d", i + 4), 0));
        }
        mixed.add(failed("fra1-gpu04", FailureKind.CONNECTION_REFUSED));
        mixed.add(failed("fra1-gpu03", FailureKind.CONNECTION_REFUSED));
        assertEquals("40 hosts: 38 ok, 2 failed (connection refused: fra1-gpu[03-04]) in 1.00 s",
                new ExecSummary(mixed).line(Duration.ofSeconds(1), false));
        assertEquals("a1,b1,c1,d1,e1 and 4 more",
                ExecSummary.names(List.of("a1", "b1", "c1", "d1", "e1", "f1", "f2", "h1", "h9")));
    }

    @Test
    void unknownHostKeyAdviceIsLeftToTheOneHint() {
        ExecResult r = new ExecResult("a", ExecResult.NO_STATUS, "", Duration.ZERO, FailureKind.HOST_KEY_UNKNOWN,
                "a (root@[127.0.0.1]:22): host key unknown: the server presented ssh-ed25519 SHA256:x, which is "
                        + "not in the inventory; review it with 'underlay hostkeys scan' and accept it.", 0, 0, "");
        assertEquals("a (root@[127.0.0.1]:22): host key unknown: the server presented ssh-ed25519 SHA256:x, which is "
                + "not in the inventory", ExecSummary.hostLine(r));
        ExecResult other = failed("b", FailureKind.CONNECTION_REFUSED);
        assertEquals(other.message(), ExecSummary.hostLine(other));
        assertEquals("'lab[01-02]'", ExecSummary.shellWord("lab[01-02]"));
        assertEquals("'tag:web site:fra1'", ExecSummary.shellWord("tag:web site:fra1"));
        assertEquals("tag:web,db", ExecSummary.shellWord("tag:web,db"));
    }

    @Test
    void oneHostAllOkAndHintsOnlyForFixableFailures() {
        ExecSummary ok = new ExecSummary(List.of(exit("a", 0)));
        assertTrue(ok.allOk());
        assertEquals("1 host: 1 ok in 0.01 s", ok.line(Duration.ofMillis(10), false));
        assertEquals(List.of(), ok.hints("all", false));
        ExecSummary keys = new ExecSummary(List.of(failed("a", FailureKind.HOST_KEY_CHANGED),
                failed("b", FailureKind.KEY_FILE)));
        List<String> hints = keys.hints("tag:web site:fra1", false);
        assertEquals(2, hints.size(), hints.toString());
        assertTrue(hints.get(0).contains("never accepted automatically"), hints.get(0));
        assertTrue(hints.get(1).contains("asked only at a terminal"), hints.get(1));
        assertEquals(1, keys.hints("all", true).size(), "at a terminal the passphrase was asked for");
        assertTrue(new ExecSummary(List.of(failed("a", FailureKind.HOST_KEY_UNKNOWN))).hints("tag:web site:fra1", true)
                .get(0).contains("'underlay hostkeys scan --on 'tag:web site:fra1''") , "the query is quoted");
    }
}
