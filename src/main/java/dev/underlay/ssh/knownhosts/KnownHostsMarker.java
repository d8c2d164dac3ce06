package dev.underlay.ssh.knownhosts;

/** The optional first field of a known_hosts line. */
public enum KnownHostsMarker {
    /** An ordinary host key. */
    NONE(""),
    /** The key is a certificate authority trusted to sign host certificates of the matching hosts. */
    CERT_AUTHORITY("@cert-authority"),
    /** The key must be refused for the matching hosts, even if another line accepts it. */
    REVOKED("@revoked");

    private final String text;

    KnownHostsMarker(String text) {
        this.text = text;
    }

    /** As written in the file; empty for {@link #NONE}. */
    public String text() {
        return text;
    }

    /** The marker written as {@code field} (case-sensitive, as OpenSSH reads it), or null when unknown. */
    static KnownHostsMarker parse(String field) {
        for (KnownHostsMarker m : values()) {
            if (m != NONE && m.text.equals(field)) {
                return m;
            }
        }
        return null;
    }
}
