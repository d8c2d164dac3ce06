package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Json;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import dev.underlay.ssh.StreamKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExecJsonTest {
    @Test
    void outputBeyondTheCapIsDroppedAndMarkedTruncated() {
        ExecJson json = new ExecJson(20);
        json.line("a", StreamKind.STDOUT, Instant.now(), "0123456789");
        json.line("a", StreamKind.STDERR, Instant.now(), "err");
        json.line("a", StreamKind.STDOUT, Instant.now(), "0123456789");
        json.line("a", StreamKind.STDERR, Instant.now(), "e");
        json.line("b", StreamKind.STDOUT, Instant.now(), "other host");
        JsonNode a = Json.parse(json.toJson(new ExecResult("a", 0, "", Duration.ofMillis(7), FailureKind.NONE,
                "a: exit status 0.", 2, 2, "")));
        assertEquals("0123456789\n", a.get("stdout").asText());
        assertEquals("err\n", a.get("stderr").asText());
        assertTrue(a.get("truncated").asBoolean());
        assertEquals(2, a.get("stdout_lines").asInt(), "counted lines include the dropped ones");
        JsonNode b = Json.parse(json.toJson(new ExecResult("b", 0, "", Duration.ZERO, FailureKind.NONE, "", 1, 0, "")));
        assertEquals("other host\n", b.get("stdout").asText());
        assertEquals(false, b.get("truncated").asBoolean());
    }

    @Test
    void aSignalledCommandHasNoExitAndNamesTheSignal() {
        JsonNode o = Json.parse(new ExecJson().toJson(new ExecResult("a", ExecResult.NO_STATUS, "KILL",
                Duration.ofMillis(3), FailureKind.NONE, "a: signal.", 0, 0, "")));
        assertTrue(o.get("exit").isNull());
        assertEquals("KILL", o.get("signal").asText());
        assertTrue(o.get("failure").isNull() && o.get("error").isNull());
        assertEquals("", o.get("stdout").asText());
    }
}
