package dev.underlay.ssh;

import java.util.Locale;

/**
 * An SSH server address and port, the unit host keys are kept for. Host names are compared case-insensitively
 * (stored lower case); IPv6 literals are kept without brackets. An address with blanks, control or invisible
 * formatting characters is refused.
 */
public record Endpoint(String address, int port) {
    public Endpoint {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("an SSH address must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port " + port + " of " + address + " is outside 1-65535");
        }
        address = address.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\uFFFD') {
                // never the address of a real host: keys are neither stored nor checked for such a name
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the SSH address '%s' contains "
                        + "U+%04X, which no host name or IP address has", address.replaceAll("[^ -~]", "?"), (int) c));
            }
        }
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
    }

    /** "host" for port 22, "[host]:port" otherwise: the OpenSSH known_hosts spelling. */
    @Override
    public String toString() {
        return port == 22 ? address : "[" + address + "]:" + port;
    }
}
