package dev.underlay.ssh.knownhosts;

import java.util.List;
import java.util.Locale;

/**
 * OpenSSH's host pattern matching (match.c {@code match_hostname}): a comma-separated list of patterns with
 * {@code *} and {@code ?} wildcards over the whole host string, compared case-insensitively; a pattern starting
 * with {@code !} that matches vetoes the whole list, whatever else matches.
 */
final class HostPatterns {
    private HostPatterns() {
    }

    /**
     * The name OpenSSH looks up for a host and port ({@code put_host_port}): {@code host} for port 22 (or 0),
     * else {@code [host]:port}; lower-cased, as ssh lower-cases the host name it is given.
     */
    static String hostString(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 || port == 0 ? h : "[" + h + "]:" + port;
    }

    /** True when a positive pattern matches and no negated one does. */
    static boolean matches(String hostString, List<String> patterns) {
        String s = hostString.toLowerCase(Locale.ROOT);
        boolean positive = false;
        for (String p : patterns) {
            boolean negated = p.startsWith("!");
            String glob = (negated ? p.substring(1) : p).toLowerCase(Locale.ROOT);
            if (glob(s, glob)) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    /**
     * Whole-string glob with {@code *} (any run) and {@code ?} (one character). Iterative with one backtrack
     * point, so it runs in O(length of s times length of p) without recursion.
     */
    static boolean glob(String s, String p) {
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                si++;
                pi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
