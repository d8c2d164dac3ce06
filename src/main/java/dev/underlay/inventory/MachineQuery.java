package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The small query language shared by the search box, the CLI's {@code --query}/{@code --on} and job targets.
 * <pre>
 *   all                          every machine (so does an empty query)
 *   web                          free text: name, address, rack, site or a tag contains it
 *   db[1-3],web01                a node set (ClusterShell, pdsh): exactly these machine names
 *   name:web*  rack:fra1-r01,fra1-r02   field:value, with * and ? globs, commas for "any of", node sets
 *   -status:failed  !tag:gpu     a leading - or ! negates a term
 *   param:env=prod  param:env    a param, as it resolves for the machine, equals / is set
 * </pre>
 * Terms on different fields must all match; repeating a field means any of them (as {@code rack:r1 rack:r2}).
 */
public final class MachineQuery {
    /** Field names and what they match, for help texts and errors. */
    public static final Map<String, String> FIELDS;

    static {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", "machine name");
        f.put("kind", "bare-metal, virtual or cloud");
        f.put("status", "new, ready, in-use, maintenance, failed, retired");
        f.put("site", "site name");
        f.put("rack", "rack name");
        f.put("tag", "one of the machine's tags");
        f.put("profile", "one of the machine's profiles");
        f.put("cluster", "a cluster the machine belongs to");
        f.put("role", "a cluster role the machine holds");
        f.put("address", "address (host name or IP)");
        f.put("face", "front, rear or full-depth");
        f.put("user", "SSH user");
        f.put("port", "SSH port");
        f.put("credential", "credential name");
        f.put("provider", "cloud provider");
        f.put("region", "cloud region");
        f.put("param", "resolved param: name=value, or name alone for 'is set'");
        FIELDS = java.util.Collections.unmodifiableMap(f);
    }

    private final String text;
    private final List<List<Term>> groups; // AND of groups; each group an OR of positive terms
    private final List<Term> negated;

    private MachineQuery(String text, List<List<Term>> groups, List<Term> negated) {
        this.text = text;
        this.groups = groups;
        this.negated = negated;
    }

    /** Parses a query; throws {@link QueryException} naming the term at fault. */
    public static MachineQuery parse(String text) {
        String q = text == null ? "" : text.strip();
        Map<String, List<Term>> byField = new LinkedHashMap<>();
        List<Term> negated = new ArrayList<>();
        if (!q.isEmpty() && !q.equalsIgnoreCase("all")) {
            for (String token : tokenize(q)) {
                boolean neg = token.length() > 1 && (token.charAt(0) == '-' || token.charAt(0) == '!');
                String t = neg ? token.substring(1) : token;
                Term term = term(t, token);
                if (neg) {
                    negated.add(term);
                } else {
                    byField.computeIfAbsent(term.field, k -> new ArrayList<>()).add(term);
                }
            }
        }
        return new MachineQuery(q, List.copyOf(byField.values()), negated);
    }

    /** A query matching every machine. */
    public static MachineQuery all() {
        return parse("");
    }

    public String text() {
        return text;
    }

    public boolean matchesAll() {
        return groups.isEmpty() && negated.isEmpty();
    }

    public boolean matches(Machine m, Inventory inv) {
        for (List<Term> group : groups) {
            boolean any = false;
            for (Term t : group) {
                if (t.test.test(m, inv)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        for (Term t : negated) {
            if (t.test.test(m, inv)) {
                return false;
            }
        }
        return true;
    }

    /** Every machine of the inventory that matches, in name order. */
    public List<Machine> select(Inventory inv) {
        List<Machine> out = new ArrayList<>();
        for (Machine m : inv.machines().values()) {
            if (matches(m, inv)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Why the query may match less than its writer meant, one sentence per term that names what the inventory
     * does not have ({@code no rack is named r1; racks are fra1-r01, fra1-r02, fra1-r03}, {@code no machines are
     * named fra1-k8s-w[13-15]}). Empty when every name it uses exists.
     */
    public List<String> notes(Inventory inv) {
        List<String> out = new ArrayList<>();
        for (List<Term> group : groups) {
            for (Term t : group) {
                t.note(inv, out);
            }
        }
        for (Term t : negated) {
            t.note(inv, out);
        }
        return out;
    }

    private record Term(String field, BiPredicate<Machine, Inventory> test, Function<Inventory, String> check) {
        Term(String field, BiPredicate<Machine, Inventory> test) {
            this(field, test, null);
        }

        void note(Inventory inv, List<String> out) {
            String note = check == null ? null : check.apply(inv);
            if (note != null && !out.contains(note)) {
                out.add(note);
            }
        }
    }

    private static List<String> tokenize(String q) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new QueryException("unclosed quote in query: " + q);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static Term term(String t, String original) {
        int colon = t.indexOf(':');
        if (colon < 0 && NodeSet.looksLikeNodeSet(t)) {
            // pdsh's -w and ClusterShell's nodeset: db[1-3],web01 names hosts exactly, it is not free text
            List<String> names = QueryMatcher.expand(t);
            QueryMatcher v = QueryMatcher.values(t);
            return new Term("name", (m, inv) -> v.test(m.name()), QueryNotes.check("name", names));
        }
        if (colon < 0) {
            QueryMatcher free = QueryMatcher.substring(t);
            return new Term("", (m, inv) -> free.test(m.name()) || free.test(m.address()) || free.test(m.rack())
                    || free.test(m.site()) || anyOf(m.tags(), free));
        }
        String field = t.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = t.substring(colon + 1);
        if (!FIELDS.containsKey(field)) {
            throw new QueryException("unknown field '" + field + "' in '" + original + "'; fields are "
                    + String.join(", ", FIELDS.keySet()));
        }
        if (value.isEmpty()) {
            throw new QueryException("'" + original + "' has no value after the colon");
        }
        if (field.equals("param")) {
            return paramTerm(value);
        }
        List<String> values = QueryMatcher.expand(value);
        QueryNotes.checkFixed(field, values, original);
        QueryMatcher v = QueryMatcher.values(value);
        BiPredicate<Machine, Inventory> test = switch (field) {
            case "name" -> (m, inv) -> v.test(m.name());
            case "kind" -> (m, inv) -> v.test(m.kind().id());
            case "status" -> (m, inv) -> v.test(m.status().id());
            case "site" -> (m, inv) -> v.test(m.site());
            case "rack" -> (m, inv) -> v.test(m.rack());
            case "tag" -> (m, inv) -> anyOf(m.tags(), v);
            case "profile" -> (m, inv) -> anyOf(m.profiles(), v);
            case "cluster" -> (m, inv) -> inv.clusterRoles(m.name()).stream().anyMatch(r -> v.test(r.cluster()));
            case "role" -> (m, inv) -> inv.clusterRoles(m.name()).stream().anyMatch(r -> v.test(r.role()));
            case "address" -> (m, inv) -> v.test(m.address());
            case "face" -> (m, inv) -> v.test(m.face().id());
            case "user" -> (m, inv) -> v.test(m.sshUser());
            case "port" -> (m, inv) -> v.test(Integer.toString(m.sshPort()));
            case "credential" -> (m, inv) -> v.test(m.credential());
            case "provider" -> (m, inv) -> v.test(m.cloudProvider());
            case "region" -> (m, inv) -> v.test(m.cloudRegion());
            default -> throw new QueryException("unknown field '" + field + "'");
        };
        return new Term(field, test, QueryNotes.check(field, values));
    }

    /** A plain loop: the search box runs this over every machine on each keystroke, streams cost too much. */
    private static boolean anyOf(List<String> values, QueryMatcher v) {
        for (int i = 0; i < values.size(); i++) {
            if (v.test(values.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A param as it resolves for the machine (its own, its profiles, cluster profiles, global, the default), so
     * {@code param:env=prod} finds the machines a profile puts in prod. A secure param's value is never compared
     * (searching must not become a way to guess it): {@code param:name} still says whether it is set.
     */
    private static Term paramTerm(String value) {
        int eq = value.indexOf('=');
        String key = eq < 0 ? value : value.substring(0, eq);
        if (key.isEmpty()) {
            throw new QueryException("'param:" + value + "' names no param before the '='");
        }
        if (eq < 0) {
            return new Term("param", (m, inv) -> ParamResolver.value(inv, m, key) != null);
        }
        QueryMatcher v = QueryMatcher.values(value.substring(eq + 1));
        if (SecureParams.nameIsSecret(key)) {
            return new Term("param", (m, inv) -> false); // decided by the name alone: no machine is looked at
        }
        return new Term("param", (m, inv) -> {
            ParamDefinition d = inv.paramDefinitions().get(key);
            if (d != null && d.secure()) {
                return false;
            }
            var node = ParamResolver.value(inv, m, key);
            return node != null && v.test(node.isTextual() ? node.asText() : node.toString());
        });
    }
}
