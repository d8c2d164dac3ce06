package dev.underlay.automation.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a step's published values come back from its host (decision 0021): the task writes each one to
 * {@code /run/underlay/publish/NAME}; after the step succeeds, one more command over the same connection prints
 * every file that exists after a marker line and removes it. Its output goes to a private buffer, never to the
 * job's log, so a secure value is in no output line. A file the host did not write publishes nothing (only the
 * first control-plane node writes the join command).
 */
public final class PublishedFiles {
    /** Where a task writes the value of param NAME. */
    public static final String FOLDER = "/run/underlay/publish/";
    static final String MARKER = "::underlay-published ";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private PublishedFiles() {
    }

    /** The command that prints and removes the files of {@code names}; it always exits 0 when it ran. */
    public static String readCommand(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            if (!NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("param name " + n + " cannot name a file under " + FOLDER);
            }
            String f = StepScripts.quote(FOLDER + n);
            b.append("test -f ").append(f).append(" && echo ").append(StepScripts.quote(MARKER + n))
                    .append(" && cat ").append(f).append(" && echo && rm -f ").append(f).append('\n');
        }
        return b.append("true\n").toString();
    }

    /** The values in the output of {@link #readCommand}, each with its trailing newlines stripped. */
    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        List<String> value = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(MARKER)) {
                put(out, name, value);
                name = line.substring(MARKER.length());
                value.clear();
            } else if (name != null) {
                value.add(line);
            }
        }
        put(out, name, value);
        return out;
    }

    private static void put(Map<String, String> out, String name, List<String> value) {
        if (name == null) {
            return;
        }
        int end = value.size();
        while (end > 0 && value.get(end - 1).isEmpty()) {
            end--;
        }
        out.put(name, String.join("\n", value.subList(0, end)));
    }
}
