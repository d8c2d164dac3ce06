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
    private static final Pattern BRACKETED = Pattern.compile("\\[[^\\[\\]]+]:([0-9*?]+)");
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
            if (bare.startsWith("[")) {
                var m = BRACKETED.matcher(bare);
                if (!m.matches()) {
                    throw new LineException("The host '" + p + "' is not of the form [host]:port.");
                }
                String port = m.group(1);
                if (DIGITS.matcher(port).matches() && (port.length() > 5 || Integer.parseInt(port) < 1
                        || Integer.parseInt(port) > 65535)) {
                    throw new LineException("The host '" + p + "' has port " + port + ", outside 1-65535.");
                }
            }
            out.add(p);
        }
        return out;
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
