package dev.underlay.inventory.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host patterns as Ansible reads them in INI host lines and YAML host keys: a port after the host with a colon
 * ({@code bar.example.com:2222}, {@code 10.0.0.1:2222}, {@code [2001:db8::1]:2222}; a bare IPv6 address has no
 * port), then ranges: {@code web[01:20]} (zero padding kept), {@code db-[a:f]}, a stride {@code [0:10:2]}, and
 * several in one name.
 */
final class AnsibleHostPatterns {
    /** Bound on how many hosts one pattern may produce, so that a typo cannot exhaust memory. */
    static final int MAX_RANGE = 100_000;

    private static final Pattern BRACKETED_PORT = Pattern.compile("\\[(.+)\\]:([0-9]+)");
    /** A host of plain characters and complete [...] ranges, a colon, a port. */
    private static final Pattern HOST_PORT = Pattern.compile("((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)");
    private static final String RANGE = "\\[(?:[a-zA-Z]:[a-zA-Z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String LABEL = "(?:\\w|" + RANGE + ")(?:[\\w-]|" + RANGE + ")*(?<![_-])";
    private static final Pattern HOSTNAME = Pattern.compile("(?U)" + LABEL + "(?:\\." + LABEL + ")*");
    private static final Pattern IPV6 = Pattern.compile("(?i)(?:[0-9a-f]{1,4}|\\[[0-9a-f]+:[0-9a-f]+(?::[0-9]+)?\\]"
            + "|[:.])*:(?:[0-9a-f]{1,4}|\\[[0-9a-f]+:[0-9a-f]+(?::[0-9]+)?\\]|[:.])*");
    private static final Pattern ONE_RANGE = Pattern.compile("\\[([^\\]]*)\\]");

    private AnsibleHostPatterns() {
    }

    /**
     * Splits off the port and expands the ranges. A pattern whose host part is no host name or address keeps its
     * colon as part of the name, as Ansible does. {@code ini} adds the INI plugin's own check: a name may not end
     * in a colon with no port after it. Throws IllegalArgumentException with a sentence for a bad pattern.
     */
    static AnsibleModel.HostPattern parse(String pattern, boolean ini) {
        if (plainName(pattern, pattern.length())) {
            return new AnsibleModel.HostPattern(List.of(pattern), null); // most names: no port, no range
        }
        String host = pattern;
        Integer port = null;
        Matcher m = BRACKETED_PORT.matcher(pattern);
        if (!m.matches()) {
            m = HOST_PORT.matcher(pattern);
        }
        if (m.matches() && validHost(m.group(1))) {
            host = m.group(1);
            port = portOf(pattern, m.group(2));
        }
        if (ini && port == null && pattern.strip().endsWith(":")) {
            throw new IllegalArgumentException("host " + pattern + " ends in ':' with no port after it (write "
                    + "host:port, or leave the colon out)");
        }
        return new AnsibleModel.HostPattern(host.indexOf('[') >= 0 ? expand(host) : List.of(host), port);
    }

    /**
     * Whether the first {@code end} characters are a host name of ASCII labels (letters, digits, '-', '_', not
     * ending in '-' or '_') with no range: what HOSTNAME says for them, without its cost, which a 100,000-host
     * file pays once a line.
     */
    private static boolean plainName(String s, int end) {
        if (end == 0) {
            return false;
        }
        boolean labelStart = true;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                labelStart = false;
            } else if (c == '-' || c == '_') {
                if (labelStart || i + 1 == end || s.charAt(i + 1) == '.') {
                    return false;
                }
            } else if (c != '.' || labelStart || i + 1 == end) {
                return false;
            } else {
                labelStart = true;
            }
        }
        return true;
    }

    private static boolean validHost(String h) {
        return plainName(h, h.length()) || HOSTNAME.matcher(h).matches() || h.indexOf(':') >= 0 && IPV6.matcher(h).matches();
    }

    private static int portOf(String pattern, String digits) {
        int p;
        try {
            p = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            p = Integer.MAX_VALUE;
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("host " + pattern + " has port " + digits + "; a port is 1 to 65535");
        }
        return p;
    }

    /**
     * Expands every {@code [from:to]} or {@code [from:to:step]} in a name, left to right. Numbers keep the zero
     * padding of {@code from} (which must then be as long as {@code to}); {@code [:5]} starts at 0; letters run
     * a-z then A-Z, as Ansible's do.
     */
    static List<String> expand(String pattern) {
        Matcher m = ONE_RANGE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        String head = pattern.substring(0, m.start());
        List<String> tails = expand(pattern.substring(m.end()));
        List<String> items = items(m.group());
        List<String> out = new ArrayList<>(items.size() * tails.size());
        for (String i : items) {
            for (String t : tails) {
                if (out.size() >= MAX_RANGE) {
                    throw new IllegalArgumentException("pattern " + pattern + " makes more than " + MAX_RANGE
                            + " hosts");
                }
                out.add(head + i + t);
            }
        }
        return out;
    }

    private static List<String> items(String range) {
        String[] b = range.substring(1, range.length() - 1).split(":", -1);
        if (b.length != 2 && b.length != 3) {
            throw new IllegalArgumentException("range " + range + " must be [from:to] or [from:to:step]");
        }
        String from = b[0].isEmpty() ? "0" : b[0];
        String to = b[1];
        if (to.isEmpty()) {
            throw new IllegalArgumentException("range " + range + " has no end");
        }
        int step;
        try {
            step = b.length == 3 ? Integer.parseInt(b[2]) : 1;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("range " + range + " has a step that is not a whole number");
        }
        if (step < 1) {
            throw new IllegalArgumentException("range " + range + " has a step below 1");
        }
        List<String> items = new ArrayList<>();
        if (from.length() == 1 && to.length() == 1 && letter(from.charAt(0)) && letter(to.charAt(0))) {
            int a = letterIndex(from.charAt(0));
            int z = letterIndex(to.charAt(0));
            if (a > z) {
                throw new IllegalArgumentException("range " + range + " runs backwards; write it as [" + to + ":"
                        + from + "]");
            }
            for (int i = a; i <= z; i += step) {
                items.add(String.valueOf(i < 26 ? (char) ('a' + i) : (char) ('A' + i - 26)));
            }
            return items;
        }
        if (!from.matches("[0-9]+") || !to.matches("[0-9]+")) {
            throw new IllegalArgumentException("range " + range + " is neither numbers like [01:20] nor letters "
                    + "like [a:f]");
        }
        boolean padded = from.length() > 1 && from.charAt(0) == '0';
        if (padded && from.length() != to.length()) {
            throw new IllegalArgumentException("range " + range + " pads " + from + " with zeros, so " + to
                    + " must have as many digits");
        }
        long a = Long.parseLong(from.length() > 18 ? from.substring(0, 18) : from);
        long z = Long.parseLong(to.length() > 18 ? to.substring(0, 18) : to);
        if (a > z) {
            throw new IllegalArgumentException("range " + range + " counts down; write it as [" + to + ":" + from
                    + "]");
        }
        if ((z - a) / step + 1 > MAX_RANGE) {
            throw new IllegalArgumentException("range " + range + " makes more than " + MAX_RANGE + " hosts");
        }
        for (long i = a; i <= z; i += step) {
            String s = Long.toString(i);
            items.add(padded && s.length() < from.length() ? "0".repeat(from.length() - s.length()) + s : s);
        }
        return items;
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int letterIndex(char c) {
        return c >= 'a' ? c - 'a' : c - 'A' + 26;
    }
}
