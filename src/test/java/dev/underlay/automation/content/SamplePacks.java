package dev.underlay.automation.content;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Small packs the automation tests share. */
public final class SamplePacks {
    private SamplePacks() {
    }

    /** A pack with one of everything: a script and a file template, a stage with params and a profile. */
    public static ContentPack ntp(String version) {
        Task write = new Task("ntp-config", "writes chrony's config", List.of(
                TaskTemplate.file("conf", "/etc/chrony/chrony.conf", "0640", "root:root",
                        "server {{ ntp_server }} iburst\n"),
                TaskTemplate.script("restart", "systemctl restart {{ ntp_service | quote }}\n")),
                List.of("ntp_server"), List.of("ntp_service"), List.of(), Duration.ofSeconds(30), 2,
                Duration.ofMillis(500), 3, 4, "");
        Task check = new Task("ntp-check", "", List.of(TaskTemplate.script("", "test -f /etc/chrony/chrony.conf")),
                List.of(), List.of(), List.of("ntp_ok"), null, 0, Duration.ZERO, Task.NONE, Task.NONE, "");
        Stage stage = new Stage("ntp", "time sync", List.of("ntp-config", "ntp-check"),
                Map.of("ntp_service", TextNode.valueOf("chronyd")), List.of("ntp-defaults"), "");
        return new ContentPack("ntp", version, "time sync", List.of(),
                List.of(new ParamDefinition("ntp_server", Json.parse("{\"type\":\"string\",\"minLength\":1}"),
                        null, "NTP server", false), new ParamDefinition("ntp_port", Json.parse(
                                "{\"type\":\"integer\",\"maximum\":65535}"), IntNode.valueOf(123), "", false)),
                List.of(new Profile("ntp-defaults", "", List.of(), Map.of("ntp_server",
                        TextNode.valueOf("pool.ntp.org")))),
                List.of(write, check), List.of(stage), List.of(new Workflow("time-sync", "", List.of("ntp"), "")));
    }
}
