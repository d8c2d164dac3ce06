package dev.underlay.automation.jobs;

import dev.underlay.automation.RenderedStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rendered step into the one command line a host runs: a single script as it is; a file to write as
 * {@code printf '%s' CONTENT > PATH} with its mode and owner; several actions each in its own {@code sh -c}, joined
 * by {@code &&} so that the first failure ends the step. Every value is single-quoted: the content and the path
 * reach the host as inert text whatever they hold.
 */
public final class StepScripts {
    private StepScripts() {
    }

    /** The command to run. */
    public static String command(RenderedStep step) {
        return join(step, false);
    }

    /** The same with secure values masked, for logs and the database. */
    public static String shown(RenderedStep step) {
        return join(step, true);
    }

    private static String join(RenderedStep step, boolean shown) {
        List<String> parts = new ArrayList<>();
        for (RenderedStep.Action a : step.actions()) {
            if (a instanceof RenderedStep.Script s) {
                parts.add(shown ? s.shown() : s.text());
            } else if (a instanceof RenderedStep.WriteFile f) {
                parts.add(shown ? f.shown() : writeFile(f));
            }
        }
        if (parts.isEmpty()) {
            return "true";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<String> wrapped = new ArrayList<>();
        for (String p : parts) {
            wrapped.add("sh -c " + quote(p));
        }
        return String.join(" && ", wrapped);
    }

    static String writeFile(RenderedStep.WriteFile f) {
        String path = quote(f.path());
        StringBuilder b = new StringBuilder("printf '%s' ").append(quote(f.content())).append(" > ").append(path);
        if (!f.mode().isBlank()) {
            b.append(" && chmod ").append(quote(f.mode())).append(' ').append(path);
        }
        if (!f.owner().isBlank()) {
            b.append(" && chown ").append(quote(f.owner())).append(' ').append(path);
        }
        return b.toString();
    }

    /** POSIX single quotes: {@code it's} becomes {@code 'it'\''s'}. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
