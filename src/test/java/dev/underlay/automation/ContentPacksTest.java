package dev.underlay.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.content.ContentPack;
import dev.underlay.automation.io.PackImportException;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.automation.repository.JdbcJobRepository;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.ResolvedParam;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentPacksTest {
    static final String NTP = """
            name: ntp
            version: 1.0.0
            description: time sync
            params:
              ntp_server:
                schema: {type: string, minLength: 1}
              ntp_token:
                secure: true
            profiles:
              ntp-defaults:
                params:
                  ntp_server: pool.ntp.org
                  ntp_token: tok-123
            tasks:
              ntp-config:
                required: [ntp_server]
                optional: [ntp_iburst]
                timeout: 30
                retries: 2
                backoff: 0.5
                incomplete_exit: 3
                reboot_exit: 194
                templates:
                  - name: conf
                    file: /etc/chrony/chrony.conf
                    mode: 0640
                    owner: root:root
                    content: |
                      server {{ ntp_server }}{% if ntp_iburst is defined %} iburst{% endif %}
                  - script: |
                      chronyc -a {{ ntp_token | quote }} makestep && echo {{ machine.name }}
              ntp-check:
                continue_on_failure: true
                templates:
                  - script: test -f /etc/chrony/chrony.conf
            stages:
              ntp:
                tasks: [ntp-config, ntp-check]
                profiles: [ntp-defaults]
            workflows:
              time-sync:
                stages: [ntp]
            """;

    @TempDir
    Path dir;

    @Test
    void importInstallsContentAndItsProfilesAndRendersWithStageValues() throws RenderException {
        try (AutomationFixture f = new AutomationFixture(dir).seed()) {
            ContentService content = f.ctx.content();
            ContentPack p = content.importText("ntp.yaml", NTP, false).pack();
            assertEquals("1.0.0", p.version());
            assertEquals("0640", p.tasks().get(0).templates().get(0).mode());
            assertEquals(Duration.ofMillis(500), p.tasks().get(0).backoff());
            Inventory inv = f.ctx.inventory().inventory();
            assertEquals(ResolvedParam.MASK, inv.profiles().get("ntp-defaults").params().get("ntp_token").asText());
            assertEquals(ResolvedParam.MASK, p.profiles().get(0).params().get("ntp_token").asText()); // stored masked

            JobPlan plan = f.ctx.automation().plan("time-sync");
            assertEquals("workflow time-sync", plan.title());
            assertEquals(List.of("ntp/ntp-config", "ntp/ntp-check"), plan.steps().stream()
                    .map(s -> s.label()).toList());
            assertEquals(2, plan.steps().get(0).retries());
            assertEquals(194, plan.steps().get(0).rebootExit());
            assertFalse(plan.steps().get(0).continueOnFailure());
            assertTrue(plan.steps().get(1).continueOnFailure(), "stored and read back from the database");
            RenderedStep web02 = plan.render(plan.steps().get(0), f.machine("web02"), inv);
            var file = assertInstanceOf(RenderedStep.WriteFile.class, web02.actions().get(0));
            assertEquals("server pool.ntp.org\n", file.content()); // from the stage's profile
            assertEquals("0640", file.mode());
            var script = assertInstanceOf(RenderedStep.Script.class, web02.actions().get(1));
            assertEquals("chronyc -a 'tok-123' makestep && echo web02\n", script.text());
            assertEquals("chronyc -a '********' makestep && echo web02\n", script.shown());
            RenderedStep web01 = plan.render(plan.steps().get(0), f.machine("web01"), inv);
            assertEquals("server ntp.own\n", ((RenderedStep.WriteFile) web01.actions().get(0)).content());

            String exported = content.export("ntp");
            assertFalse(exported.contains("tok-123"), exported);
            ContentService.Installed again = content.importText("ntp-export.yaml", exported, true);
            assertEquals(p.tasks(), again.pack().tasks()); // continue_on_failure too
            assertTrue(exported.contains("continue_on_failure: true"), exported);
            assertEquals(p.stages(), again.pack().stages());
        }
    }

    @Test
    void aBadPackIsRefusedWholeWithFileAndLineForEveryProblem() {
        String bad = NTP.replace("tasks: [ntp-config, ntp-check]", "tasks: [ntp-config, nope]")
                .replace("timeout: 30", "timeout: 30\n    colour: red")
                .replace("ntp_server: pool.ntp.org", "ntp_server: ''")
                .replace("test -f /etc/chrony/chrony.conf", "test -f {% if %}");
        try (AutomationFixture f = new AutomationFixture(dir).seed()) {
            Inventory before = f.ctx.inventory().inventory();
            PackImportException e = assertThrows(PackImportException.class,
                    () -> f.ctx.content().importText("ntp.yaml", bad, false));
            List<String> problems = e.problems();
            assertTrue(problems.get(0).startsWith("ntp.yaml:19: colour: task ntp-config: unknown key colour"),
                    String.join("\n", problems));
            assertEquals(1, problems.size(), "an unknown key stops the reading: " + problems);

            String noColour = bad.replace("\n    colour: red", "");
            e = assertThrows(PackImportException.class, () -> f.ctx.content().importText("ntp.yaml", noColour, false));
            String all = String.join("\n", e.problems());
            assertTrue(all.contains("ntp.yaml:11: params: profile ntp-defaults: param ntp_server value \"\" is "
                    + "refused by its schema"), all);
            assertTrue(all.contains("ntp.yaml:35: templates: task ntp-check template #1: line 1:"), all);
            assertTrue(all.contains("ntp.yaml:38: tasks: stage ntp names task nope, which no installed pack or "
                    + "this one has"), all);
            assertEquals(before, f.ctx.inventory().inventory());
            assertTrue(f.ctx.content().index().packs().isEmpty());
        }
    }

    @Test
    void anInstalledPackIsReplacedOnlyWhenAsked() {
        try (AutomationFixture f = new AutomationFixture(dir).seed()) {
            ContentService content = f.ctx.content();
            content.importText("ntp.yaml", NTP, false);
            String newer = NTP.replace("version: 1.0.0", "version: 1.10.0").replace("timeout: 30", "timeout: 60");
            PackImportException e = assertThrows(PackImportException.class,
                    () -> content.importText("ntp2.yaml", newer, false));
            assertEquals("ntp2.yaml:2: version: content pack ntp 1.0.0 is installed; 1.10.0 is a newer version and "
                    + "replaces it only when asked (--replace)", e.getMessage());
            assertEquals("1.0.0", content.index().packs().get("ntp").version());
            ContentService.Installed done = content.importText("ntp2.yaml", newer, true);
            assertEquals("1.0.0", done.replaced().version());
            assertEquals(Duration.ofSeconds(60), content.index().tasks().get("ntp-config").timeout());
        }
    }

    @Test
    void removeIsRefusedWhileAJobOfThePackHasNotEndedAndDoneOnceItHas() {
        try (AutomationFixture f = new AutomationFixture(dir).seed()) {
            ContentService content = f.ctx.content();
            content.importText("ntp.yaml", NTP, false);
            // jobs as the history has them, as another console on the same database would have left them
            JdbcJobRepository repo = new JdbcJobRepository(f.ctx.database());
            job(repo, "command:uptime", JobState.RUNNING);
            job(repo, "ntp-check", JobState.SUCCEEDED);
            assertEquals(List.of("command:uptime"), f.ctx.jobs().unendedPlanNames());
            job(repo, "time-sync", JobState.PAUSED);
            job(repo, "ntp-check", JobState.RUNNING);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> content.remove("ntp", "1.0.0", f.ctx.jobs().unendedPlanNames()));
            assertEquals("a running job uses content pack ntp (ntp-check, time-sync): let it end or cancel it first; "
                    + "nothing removed", e.getMessage());
            assertTrue(content.index().packs().containsKey("ntp"));
            assertTrue(content.index().tasks().containsKey("ntp-config"));

            assertEquals(3, repo.markInterrupted(Instant.now()));
            assertEquals(List.of(), f.ctx.jobs().unendedPlanNames());
            assertEquals("removed content pack ntp 1.0.0: 2 tasks, 1 stages, 1 workflows (its params and profiles "
                    + "stay in the inventory)", content.remove("ntp", "1.0.0", f.ctx.jobs().unendedPlanNames()));
            assertFalse(content.index().packs().containsKey("ntp"));
            assertTrue(f.ctx.inventory().inventory().profiles().containsKey("ntp-defaults"));
        }
    }

    private static void job(JdbcJobRepository repo, String plan, JobState state) {
        repo.create(new JobRepository.NewJob(plan, plan, JobTarget.query("all"), JobOptions.DEFAULTS, null,
                Instant.now(), List.of("s1"), List.of(List.of("web01")), state));
    }

    @Test
    void renderErrorsNameTheParamTheTaskAndTheMachine() {
        try (AutomationFixture f = new AutomationFixture(dir).seed()) {
            f.ctx.content().importText("ntp.yaml", NTP.replace("{{ machine.name }}", "{{ ntp_pool }}"), false);
            Inventory inv = f.ctx.inventory().inventory();
            RenderException e = assertThrows(RenderException.class,
                    () -> f.ctx.automation().render("ntp-config", "ntp", f.machine("web02"), inv));
            assertEquals("task ntp-config on web02: unknown param ntp_pool (template #2, line 1)", e.getMessage());
            RenderException missing = assertThrows(RenderException.class,
                    () -> f.ctx.automation().render("ntp-config", null, f.machine("web02"), inv));
            assertTrue(missing.getMessage().startsWith("task ntp-config on web02: required param ntp_server is not "
                    + "set"), missing.getMessage());
        }
    }
}
