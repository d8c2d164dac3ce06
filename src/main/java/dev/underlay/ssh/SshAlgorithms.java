package dev.underlay.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which key exchanges, host key types, ciphers and MACs the client offers, in order of preference. Names are the
 * SSH protocol names ({@code curve25519-sha256}, {@code ssh-ed25519}, ...). The default follows
 * docs/decisions/0003-ssh-key-exchange-and-ciphers.md; unknown or unsupported names are refused with a sentence
 * when the transport starts.
 */
public record SshAlgorithms(List<String> keyExchanges, List<String> hostKeyTypes, List<String> ciphers,
                            List<String> macs) {

    /** Post-quantum hybrid key exchanges (Bouncy Castle provides them; docs/decisions/0005). */
    public static final List<String> POST_QUANTUM = List.of("mlkem768x25519-sha256", "sntrup761x25519-sha512",
            "sntrup761x25519-sha512@openssh.com");

    /** The default: fast classical elliptic-curve key exchange first, no SHA-1, no CBC, no DSA. */
    public static final SshAlgorithms DEFAULT = new SshAlgorithms(
            List.of("curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256",
                    "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group16-sha512",
                    "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256"),
            List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                    "rsa-sha2-512", "rsa-sha2-256"),
            List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com",
                    "aes128-ctr", "aes192-ctr", "aes256-ctr"),
            List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256",
                    "hmac-sha2-512"));

    public SshAlgorithms {
        keyExchanges = nonEmpty(keyExchanges, "key exchange");
        hostKeyTypes = nonEmpty(hostKeyTypes, "host key type");
        ciphers = nonEmpty(ciphers, "cipher");
        macs = nonEmpty(macs, "MAC");
    }

    private static List<String> nonEmpty(List<String> names, String what) {
        Objects.requireNonNull(names, what);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one " + what + " must be offered");
        }
        return List.copyOf(names);
    }

    /** The same settings with each given list replacing its own; a null list keeps this one's. */
    public SshAlgorithms replacing(List<String> keyExchanges, List<String> hostKeyTypes, List<String> ciphers,
                                   List<String> macs) {
        return new SshAlgorithms(keyExchanges != null ? keyExchanges : this.keyExchanges,
                hostKeyTypes != null ? hostKeyTypes : this.hostKeyTypes, ciphers != null ? ciphers : this.ciphers,
                macs != null ? macs : this.macs);
    }

    /** The same settings offering only these key exchanges, in this order. */
    public SshAlgorithms withKeyExchanges(List<String> names) {
        return new SshAlgorithms(names, hostKeyTypes, ciphers, macs);
    }

    /** The same settings offering only these host key types, in this order. */
    public SshAlgorithms withHostKeyTypes(List<String> names) {
        return new SshAlgorithms(keyExchanges, names, ciphers, macs);
    }

    /**
     * The same settings with the post-quantum hybrids offered first (about 4x the CPU of curve25519 per
     * connection; without Bouncy Castle on the class path the transport refuses to start with a sentence).
     */
    public SshAlgorithms postQuantumFirst() {
        List<String> kex = new ArrayList<>(POST_QUANTUM);
        keyExchanges.stream().filter(k -> !POST_QUANTUM.contains(k)).forEach(kex::add);
        return withKeyExchanges(kex);
    }
}
