package dev.underlay.automation.content;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.SecureParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules a content pack must keep to be installed: names, references (a stage's tasks and profiles, a workflow's
 * stages, prerequisites), unique names across packs, templates that parse, limits on retries and timeouts, and no
 * secure value in a stage's own params (those are not sealed: a secure value belongs in a profile).
 */
public final class ContentRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern PARAM = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,199}");
    private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");
    private static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    static final int MAX_RETRIES = 100;

    private ContentRules() {
    }

    /**
     * Every rule {@code pack} breaks if installed over {@code installed} into {@code inv}.
     *
     * @param syntax a template's syntax problem, or null when it parses
     */
    public static List<ContentViolation> check(ContentPack pack, ContentIndex installed, Inventory inv,
                                               Function<String, String> syntax) {
        List<ContentViolation> out = new ArrayList<>();
        name(out, "pack", pack.name(), "name", pack.name());
        if (pack.version().isBlank()) {
            out.add(new ContentViolation("pack", pack.name(), "version", "content pack " + pack.name()
                    + " has no version"));
        }
        for (String pre : pack.prerequisites()) {
            if (!installed.packs().containsKey(pre) && !pre.equals(pack.name())) {
                out.add(new ContentViolation("pack", pack.name(), "prerequisites", "content pack " + pack.name()
                        + " needs content pack " + pre + ", which is not installed; import it first"));
            }
        }
        ContentIndex after = installed.with(pack);
        Set<String> seen = new HashSet<>();
        for (Task t : pack.tasks()) {
            unique(out, seen, "task", t.name(), installed.tasks().get(t.name()), pack);
            task(out, t, syntax);
        }
        for (Stage s : pack.stages()) {
            unique(out, seen, "stage", s.name(), installed.stages().get(s.name()), pack);
            stage(out, s, after, inv, pack);
        }
        for (Workflow w : pack.workflows()) {
            unique(out, seen, "workflow", w.name(), installed.workflows().get(w.name()), pack);
            name(out, "workflow", w.name(), "name", w.name());
            if (w.stages().isEmpty()) {
                out.add(new ContentViolation("workflow", w.name(), "stages", "workflow " + w.name()
                        + " has no stages"));
            }
            for (String st : w.stages()) {
                if (!after.stages().containsKey(st)) {
                    out.add(new ContentViolation("workflow", w.name(), "stages", "workflow " + w.name()
                            + " names stage " + st + ", which no installed pack or this one has"));
                }
            }
        }
        return out;
    }

    private static void task(List<ContentViolation> out, Task t, Function<String, String> syntax) {
        name(out, "task", t.name(), "name", t.name());
        if (t.templates().isEmpty()) {
            out.add(new ContentViolation("task", t.name(), "templates", "task " + t.name() + " has no templates"));
        }
        for (String p : t.params()) {
            if (!PARAM.matcher(p).matches()) {
                out.add(new ContentViolation("task", t.name(), "required", "task " + t.name() + ": param name '" + p
                        + "' is not a template variable (letters, digits and _, not first a digit)"));
            }
        }
        int i = 0;
        for (TaskTemplate x : t.templates()) {
            String which = "task " + t.name() + " template " + (x.name().isEmpty() ? "#" + (i + 1) : x.name());
            if (x.kind() == TaskTemplate.Kind.FILE) {
                if (x.path().isBlank()) {
                    out.add(new ContentViolation("task", t.name(), "file", which + " writes a file but names no path"));
                }
                if (!MODE.matcher(x.mode()).matches()) {
                    out.add(new ContentViolation("task", t.name(), "mode", which + ": mode " + x.mode()
                            + " is not octal like 0644"));
                }
                String pathProblem = syntax.apply(x.path());
                if (pathProblem != null) {
                    out.add(new ContentViolation("task", t.name(), "file", which + ": path: " + pathProblem));
                }
            }
            String problem = syntax.apply(x.body());
            if (problem != null) {
                out.add(new ContentViolation("task", t.name(), "templates", which + ": " + problem));
            }
            i++;
        }
        if (t.timeout() != null && (t.timeout().isNegative() || t.timeout().isZero()
                || t.timeout().compareTo(MAX_TIMEOUT) > 0)) {
            out.add(new ContentViolation("task", t.name(), "timeout", "task " + t.name() + ": timeout "
                    + t.timeout().toSeconds() + " s is not between 1 s and a day"));
        }
        if (t.retries() < 0 || t.retries() > MAX_RETRIES) {
            out.add(new ContentViolation("task", t.name(), "retries", "task " + t.name() + ": retries " + t.retries()
                    + " is not between 0 and " + MAX_RETRIES));
        }
        if (t.backoff().isNegative() || t.backoff().compareTo(Duration.ofHours(1)) > 0) {
            out.add(new ContentViolation("task", t.name(), "backoff", "task " + t.name()
                    + ": backoff is not between 0 and an hour"));
        }
        exit(out, t, "incomplete_exit", t.incompleteExit());
        exit(out, t, "reboot_exit", t.rebootExit());
        if (t.incompleteExit() != Task.NONE && t.incompleteExit() == t.rebootExit()) {
            out.add(new ContentViolation("task", t.name(), "reboot_exit", "task " + t.name()
                    + ": incomplete_exit and reboot_exit are both " + t.rebootExit()));
        }
    }

    private static void exit(List<ContentViolation> out, Task t, String field, int code) {
        if (code != Task.NONE && (code < 1 || code > 255)) {
            out.add(new ContentViolation("task", t.name(), field, "task " + t.name() + ": " + field + " " + code
                    + " is not an exit code from 1 to 255"));
        }
    }

    private static void stage(List<ContentViolation> out, Stage s, ContentIndex after, Inventory inv,
                              ContentPack pack) {
        name(out, "stage", s.name(), "name", s.name());
        if (s.tasks().isEmpty()) {
            out.add(new ContentViolation("stage", s.name(), "tasks", "stage " + s.name() + " has no tasks"));
        }
        for (String t : s.tasks()) {
            if (!after.tasks().containsKey(t)) {
                out.add(new ContentViolation("stage", s.name(), "tasks", "stage " + s.name() + " names task " + t
                        + ", which no installed pack or this one has"));
            }
        }
        for (String p : s.profiles()) {
            boolean inPack = pack.profiles().stream().anyMatch(x -> x.name().equals(p));
            if (!inPack && !inv.profiles().containsKey(p)) {
                out.add(new ContentViolation("stage", s.name(), "profiles", "stage " + s.name() + " names profile "
                        + p + ", which neither the inventory nor this pack has"));
            }
        }
        for (String param : s.params().keySet()) {
            boolean secure = SecureParams.isSecure(inv, param) || pack.params().stream()
                    .anyMatch(d -> d.name().equals(param) && d.secure());
            if (secure) {
                out.add(new ContentViolation("stage", s.name(), "params", "stage " + s.name() + ": param " + param
                        + " is secure and cannot be a stage's own param (it would not be sealed); set it in a "
                        + "profile"));
            }
        }
    }

    private static void unique(List<ContentViolation> out, Set<String> seen, String entity, String name,
                               Object installedOne, ContentPack pack) {
        if (!seen.add(entity + " " + name)) {
            out.add(new ContentViolation(entity, name, "name", entity + " " + name + " is defined twice"));
        }
        String owner = installedOne instanceof Task t ? t.pack() : installedOne instanceof Stage s ? s.pack()
                : installedOne instanceof Workflow w ? w.pack() : null;
        if (owner != null && !owner.equals(pack.name())) {
            out.add(new ContentViolation(entity, name, "name", entity + " " + name + " already comes from content "
                    + "pack " + owner + "; names of tasks, stages and workflows are unique across packs"));
        }
    }

    private static void name(List<ContentViolation> out, String entity, String owner, String field, String value) {
        if (!NAME.matcher(value).matches()) {
            out.add(new ContentViolation(entity, owner, field, entity + " name '" + value + "' is not a name "
                    + "(letters, digits, '.', '_' and '-', at most 200, first a letter or digit)"));
        }
    }
}
