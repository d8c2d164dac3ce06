package dev.underlay.ssh;

import java.util.Locale;

/**
 * An SSH server address and port, the unit host keys are kept for. Host names are compared case-insensitively
 * (stored lower case); IPv6 literals are kept without brackets.
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
