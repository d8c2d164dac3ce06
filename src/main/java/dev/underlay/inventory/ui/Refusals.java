package dev.underlay.inventory.ui;

import dev.underlay.inventory.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broken rules as a few lines a technician can read: a change to 500 machines that all break the same rule is one
 * sentence and the names it applies to, not 500 sentences.
 */
final class Refusals {
    /** Different rules shown before the rest are counted. */
    static final int MAX_RULES = 5;
    /** Machines named per rule before the rest are counted. */
    static final int MAX_NAMES = 3;

    private Refusals() {
    }

    /** One line per broken rule, the first entity's sentence in full and "the same for" the others. */
    static String describe(List<Violation> violations) {
        Map<String, List<Violation>> byRule = new LinkedHashMap<>();
        for (Violation v : violations) {
            byRule.computeIfAbsent(rule(v), k -> new ArrayList<>()).add(v);
        }
        List<String> lines = new ArrayList<>();
        for (List<Violation> same : byRule.values()) {
            if (lines.size() == MAX_RULES) {
                lines.add("… and " + (byRule.size() - MAX_RULES) + " more problems");
                break;
            }
            StringBuilder line = new StringBuilder(same.get(0).message());
            List<String> others = same.stream().skip(1).map(Violation::name).distinct().toList();
            if (!others.isEmpty()) {
                line.append("; the same for ").append(String.join(", ", others.subList(0,
                        Math.min(MAX_NAMES, others.size()))));
                if (others.size() > MAX_NAMES) {
                    line.append(" and ").append(others.size() - MAX_NAMES).append(" more");
                }
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    /** The sentence with the entity's own name taken out: what is the same when one rule breaks on many. */
    private static String rule(Violation v) {
        String m = v.message();
        if (v.name().isEmpty()) {
            return m;
        }
        // the name as a whole word only: machine "a" must not take the a out of "machine"
        String unnamed = m.replaceAll("(?<![\\w.-])" + java.util.regex.Pattern.quote(v.name()) + "(?![\\w-]|\\.\\w)",
                "\u0000");
        return v.entity() + "|" + v.field() + "|" + unnamed;
    }
}
