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
                + "host key unknown: d, f) in 1.84 s", s.line(Duration.ofMillis(1840), false));
    }

    @Test
    void longGroupsListFiveNamesAndCountTheRest() {
        List<ExecResult> rs = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rs.add(failed("h" + i, FailureKind.CANCELLED));
        }
        assertEquals("interrupted: 12 hosts: 0 ok, 12 failed (cancelled: h1, h2, h3, h4, h5 and 7 more) in 0.10 s",
                new ExecSummary(rs).line(Duration.ofMillis(100), true));
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
