package dev.underlay.ssh.knownhosts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.buffer.keys.BufferPublicKeyParser;

/**
 * Reads one known_hosts line ({@code [marker] hosts keytype base64-key [comment]}, fields separated by spaces or
 * tabs) into an entry or a problem. Mirrors what OpenSSH's hostfile.c accepts; anything it would skip is reported
 * with a sentence saying why.
 */
final class KnownHostsLineParser {
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]]+)]:([0-9*?]+)");
    /** A host name or IPv4 address, with OpenSSH's wildcards. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.*?-]+");
    /** An IPv6 address (at least one ':'), wildcards and a zone allowed. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.*?]*:[0-9A-Fa-f:.*?]*(%[A-Za-z0-9_.-]+)?");
    private static final Pattern HOST_CHARS = Pattern.compile("[A-Za-z0-9_.*?:%-]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final String source;

    KnownHostsLineParser(String source) {
        this.source = source;
    }

    void parse(int lineNumber, String line, List<KnownHostsEntry> entries, List<KnownHostsProblem> problems) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        try {
            visibleOnly(line);
            entries.add(entry(lineNumber, text));
        } catch (LineException e) {
            problems.add(new KnownHostsProblem(source, lineNumber, e.getMessage()));
        }
    }

    private KnownHostsEntry entry(int lineNumber, String text) throws LineException {
        if (text.length() > KnownHostsFile.MAX_LINE) {
            throw new LineException("The line is longer than " + KnownHostsFile.MAX_LINE + " characters.");
        }
        Fields f = new Fields(text);
        KnownHostsMarker marker = KnownHostsMarker.NONE;
        String first = f.next();
        if (first.startsWith("@")) {
            marker = KnownHostsMarker.parse(first);
            if (marker == null) {
                throw new LineException("Unknown marker '" + first + "' (expected @cert-authority or @revoked).");
            }
            first = f.next();
        }
        String hosts = first;
        String type = f.next();
        if (hosts == null || type == null) {
            throw new LineException("Expected host names, a key type and a base64 key, found only "
                    + (hosts == null ? "a marker." : "'" + hosts + "'."));
        }
        if (DIGITS.matcher(type).matches()) {
            throw new LineException("This is an SSH protocol 1 RSA key (bits, exponent, modulus), which is not "
                    + "supported.");
        }
        String base64 = f.next();
        if (base64 == null) {
            throw new LineException("The " + type + " key data is missing after the key type.");
        }
        String comment = f.rest();

        HashedHost hashed = null;
        List<String> patterns = List.of();
        if (hosts.startsWith("|")) {
            hashed = hashed(hosts);
        } else {
            patterns = patterns(hosts);
        }
        PublicKey key = key(type, base64);
        return new KnownHostsEntry(lineNumber, marker, patterns, hashed, type, key, comment);
    }

    private static HashedHost hashed(String field) throws LineException {
        if (!field.startsWith(HashedHost.MAGIC)) {
            throw new LineException("The hashed host '" + field + "' uses an unknown hash type (only |1| exists).");
        }
        if (field.contains(",")) {
            throw new LineException("A hashed host cannot be combined with other host names in one field.");
        }
        String[] parts = field.substring(HashedHost.MAGIC.length()).split("\\|", -1);
        try {
            if (parts.length == 2) {
                byte[] salt = Base64.getDecoder().decode(parts[0]);
                byte[] hash = Base64.getDecoder().decode(parts[1]);
                if (salt.length == HashedHost.SHA1_BYTES && hash.length == HashedHost.SHA1_BYTES) {
                    return new HashedHost(salt, hash);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below with the expected form
        }
        throw new LineException("The hashed host '" + field + "' is not of the form |1|salt|hash (two base64 values "
                + "of 20 bytes each).");
    }

    private static List<String> patterns(String field) throws LineException {
        List<String> out = new ArrayList<>();
        for (String p : field.split(",", -1)) {
            String bare = p.startsWith("!") ? p.substring(1) : p;
            if (bare.isEmpty()) {
                throw new LineException("The host list '" + field + "' has an empty entry.");
            }
            String host = bare;
            if (bare.startsWith("[")) {
                var m = BRACKETED.matcher(bare);
                if (!m.matches()) {
                    throw new LineException("The host '" + visible(p) + "' is not of the form [host]:port.");
                }
                host = m.group(1);
                String port = m.group(2);
                if (DIGITS.matcher(port).matches() && (port.length() > 5 || Integer.parseInt(port) < 1
                        || Integer.parseInt(port) > 65535)) {
                    throw new LineException("The host '" + p + "' has port " + port + ", outside 1-65535.");
                }
            }
            if (!NAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
                throw new LineException("The host '" + visible(p) + "' is not a host name, IP address, [host]:port "
                        + "or hashed host (" + whyNotAHost(host) + ").");
            }
            out.add(p);
        }
        return out;
    }

    /**
     * Refuses a line with a control character (tab aside), an invisible formatting character (bidirectional
     * overrides, zero-width marks: they make one name look like another) or U+FFFD (what a replacing decoder
     * leaves of bytes that were not UTF-8), wherever on the line: such a line was not written by ssh.
     */
    private static void visibleOnly(String line) throws LineException {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            String what = c == '\t' ? null
                    : Character.isISOControl(c) ? "the control character"
                    : Character.getType(c) == Character.FORMAT ? "the invisible formatting character"
                    : c == '\uFFFD' ? "the replacement character (bytes that were not UTF-8)"
                    : null;
            if (what != null) {
                throw new LineException("The line contains " + what + " " + codePoint(c) + " at column " + (i + 1)
                        + "; nothing on it is read.");
            }
        }
    }

    /** Why a host that matched neither form is not one, naming its first offending character. */
    private static String whyNotAHost(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c > 0x7e) {
                return "it contains the non-ASCII character " + codePoint(c) + "; ssh writes names as ASCII";
            }
            if (!HOST_CHARS.matcher(String.valueOf(c)).matches()) {
                return "it contains '" + c + "'";
            }
        }
        return host.contains(":") ? "a name with ':' is an IPv6 address; a port is written [host]:port"
                : "it is not a name";
    }

    private static String codePoint(char c) {
        return String.format(java.util.Locale.ROOT, "U+%04X", (int) c);
    }

    /** {@code s} with anything outside printable ASCII shown as U+XXXX, for messages. */
    static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                b.append(codePoint(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static PublicKey key(String type, String base64) throws LineException {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new LineException("The " + type + " key data is not valid base64.");
        }
        String blobType = blobType(blob);
        if (blobType == null) {
            throw new LineException("The " + type + " key data is truncated or not an SSH public key.");
        }
        if (!blobType.equals(type)) {
            throw new LineException("The key type field says " + type + " but the key data is a " + blobType
                    + " key.");
        }
        if (!BufferPublicKeyParser.DEFAULT.isKeyTypeSupported(type)) {
            throw new LineException("Key type " + type + " is not supported.");
        }
        try {
            return new ByteArrayBuffer(blob).getRawPublicKey();
        } catch (RuntimeException | java.io.IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new LineException("The " + type + " key data is damaged and cannot be decoded (" + reason + ").");
        }
    }

    /** The type name at the start of an SSH key blob (uint32 length, ASCII name), or null when malformed. */
    private static String blobType(byte[] blob) {
        if (blob.length < 4) {
            return null;
        }
        int len = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (len <= 0 || len > 64 || 4 + len > blob.length) {
            return null;
        }
        return new String(Arrays.copyOfRange(blob, 4, 4 + len), StandardCharsets.US_ASCII);
    }

    /** Whitespace-separated fields, with the untouched rest of the line for the comment. */
    private static final class Fields {
        private final String text;
        private int pos;

        Fields(String text) {
            this.text = text;
        }

        String next() {
            skipBlanks();
            if (pos >= text.length()) {
                return null;
            }
            int start = pos;
            while (pos < text.length() && !blank(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        String rest() {
            skipBlanks();
            return text.substring(pos).strip();
        }

        private void skipBlanks() {
            while (pos < text.length() && blank(text.charAt(pos))) {
                pos++;
            }
        }

        private static boolean blank(char c) {
            return c == ' ' || c == '\t';
        }
    }

    /** A reason the current line is skipped; becomes a {@link KnownHostsProblem}. */
    private static final class LineException extends Exception {
        private static final long serialVersionUID = 1L;

        LineException(String message) {
            super(message, null, false, false);
        }
    }
}
