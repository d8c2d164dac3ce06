package dev.underlay.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which faults the lab injects into which hosts, written as text so the CLI and the console share one syntax.
 *
 * <pre>
 * spec     := item ("," item)*            (empty or "none": no faults)
 * item     := kind ["=" value] [":" selector]  |  "seed=" integer
 * kind     := refuse | slow | auth | hostkey | disconnect | fail | diskfull
 * value    := duration for slow (300ms, 2s); command name for fail (uname)
 * selector := all (the default) | P% (a share of the hosts, 0-100, decimals allowed)
 *           | pattern ("|" pattern)*   where a pattern is a host name with * and ? wildcards and
 *                                      numeric ranges: lab[0001-0020], fra1-k8s-w*
 * </pre>
 * Examples: {@code refuse:10%}, {@code slow=300ms:lab[0001-0020]}, {@code fail=uname:5%,diskfull:fra1-db01}.
 * A share picks exactly round(P/100 x hosts) hosts by a hash of (seed, item, host name), so the same spec over the
 * same hosts always picks the same hosts, and different items pick independently.
 */
public final class FaultSpec {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");
    private static final Pattern SHARE = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
    private static final Pattern RANGE = Pattern.compile("\\[(\\d+)-(\\d+)]");

    /** One parsed item. {@code share} is -1 when hosts are chosen by pattern (or all). */
    public record Rule(FaultKind kind, String value, double share, List<String> patterns) {
        @Override
        public String toString() {
            String v = value.isEmpty() ? "" : "=" + value;
            String sel = share >= 0 ? ":" + fmt(share) + "%" : patterns.equals(List.of("*")) ? "" : ":"
                    + String.join("|", patterns);
            return kind.id() + v + sel;
        }
    }

    /** No faults. */
    public static final FaultSpec NONE = new FaultSpec(List.of(), 1);

    private final List<Rule> rules;
    private final long seed;

    private FaultSpec(List<Rule> rules, long seed) {
        this.rules = List.copyOf(rules);
        this.seed = seed;
    }

    public List<Rule> rules() {
        return rules;
    }

    public long seed() {
        return seed;
    }

    /**
     * Parses the text syntax above.
     *
     * @throws IllegalArgumentException naming the item and what is wrong with it
     */
    public static FaultSpec parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        long seed = 1;
        for (String raw : text.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (item.toLowerCase(Locale.ROOT).startsWith("seed=")) {
                try {
                    seed = Long.parseLong(item.substring(5).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("fault item '" + item + "': the seed must be an integer");
                }
                continue;
            }
            rules.add(rule(item));
        }
        return new FaultSpec(rules, seed);
    }

    private static Rule rule(String item) {
        int colon = item.indexOf(':');
        String head = colon < 0 ? item : item.substring(0, colon);
        String selector = colon < 0 ? "all" : item.substring(colon + 1).trim();
        int eq = head.indexOf('=');
        String kindText = eq < 0 ? head : head.substring(0, eq);
        String value = eq < 0 ? "" : head.substring(eq + 1).trim();
        FaultKind kind;
        try {
            kind = FaultKind.parse(kindText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault item '" + item + "': " + e.getMessage());
        }
        if (kind == FaultKind.SLOW) {
            if (!DURATION.matcher(value).matches()) {
                throw new IllegalArgumentException("fault item '" + item
                        + "': slow needs a duration such as slow=300ms or slow=2s");
            }
        } else if (kind == FaultKind.FAIL) {
            if (!value.matches("[A-Za-z0-9_.\\[-]+")) {
                throw new IllegalArgumentException("fault item '" + item
                        + "': fail needs a command name such as fail=uname");
            }
        } else if (!value.isEmpty()) {
            throw new IllegalArgumentException("fault item '" + item + "': " + kind.id() + " takes no value");
        }
        if (selector.isEmpty() || selector.equalsIgnoreCase("all") || selector.equals("*")) {
            return new Rule(kind, value, -1, List.of("*"));
        }
        Matcher share = SHARE.matcher(selector);
        if (share.matches()) {
            double p = Double.parseDouble(share.group(1));
            if (p > 100) {
                throw new IllegalArgumentException("fault item '" + item + "': a share cannot exceed 100%");
            }
            return new Rule(kind, value, p, List.of());
        }
        if (selector.contains("%")) {
            throw new IllegalArgumentException("fault item '" + item + "': write a share as a number and %, e.g. 10%");
        }
        List<String> patterns = List.of(selector.split("\\|"));
        for (String p : patterns) {
            compile(p, item);
        }
        return new Rule(kind, value, -1, patterns);
    }

    /** Milliseconds of a {@code slow} value. */
    static long millis(String duration) {
        Matcher m = DURATION.matcher(duration);
        if (!m.matches()) {
            return 0;
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? n * 1000 : n;
    }

    /** Resolves the rules against the lab's hosts: which host gets which faults. */
    public Map<String, HostFaults> resolve(List<String> hostNames) {
        Map<String, HostFaults.Builder> out = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            for (String host : select(r, i, hostNames)) {
                out.computeIfAbsent(host, h -> new HostFaults.Builder()).add(r.kind(), r.value());
            }
        }
        Map<String, HostFaults> result = new HashMap<>();
        out.forEach((h, b) -> result.put(h, b.build()));
        return Collections.unmodifiableMap(result);
    }

    /**
     * The hosts each rule picks among these hosts, in rule order, each list sorted by name (the same choice as
     * {@link #resolve}: what the console shows beside each fault).
     */
    public List<List<String>> hostsPerRule(List<String> hostNames) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            out.add(select(rules.get(i), i, hostNames).stream().sorted().toList());
        }
        return out;
    }

    private Set<String> select(Rule r, int index, List<String> hostNames) {
        if (r.share() >= 0) {
            long salt = seed * 1_000_003L + index * 7_919L + r.kind().ordinal();
            int count = (int) Math.round(r.share() / 100.0 * hostNames.size());
            return hostNames.stream()
                    .sorted(Comparator.comparingLong((String h) -> mix(salt ^ IdentityGenerator.seed(h)))
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(count).collect(Collectors.toSet());
        }
        List<Pattern> ps = r.patterns().stream().map(p -> compile(p, r.toString())).toList();
        Set<String> chosen = new HashSet<>();
        for (String h : hostNames) {
            if (ps.stream().anyMatch(p -> p.matcher(h).matches())) {
                chosen.add(h);
            }
        }
        return chosen;
    }

    private static Pattern compile(String glob, String item) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '[') {
                Matcher m = RANGE.matcher(glob);
                if (!m.find(i) || m.start() != i) {
                    throw new IllegalArgumentException("fault item '" + item
                            + "': write a host range as [001-020]");
                }
                String from = m.group(1);
                String to = m.group(2);
                re.append("(");
                List<String> alts = new ArrayList<>();
                long a = Long.parseLong(from);
                long b = Long.parseLong(to);
                if (b < a || b - a > 100_000) {
                    throw new IllegalArgumentException("fault item '" + item + "': range " + m.group()
                            + " must go upwards and span at most 100000 numbers");
                }
                for (long n = a; n <= b; n++) {
                    alts.add(String.format("%0" + from.length() + "d", n));
                }
                re.append(String.join("|", alts)).append(")");
                i = m.end();
            } else if (c == '*') {
                re.append(".*");
                i++;
            } else if (c == '?') {
                re.append('.');
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(re.toString());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The canonical text, parseable again. */
    @Override
    public String toString() {
        if (rules.isEmpty()) {
            return "none";
        }
        String s = rules.stream().map(Rule::toString).collect(Collectors.joining(","));
        return seed == 1 ? s : s + ",seed=" + seed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultSpec f && f.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
