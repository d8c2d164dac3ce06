package dev.underlay.cli;

import dev.underlay.ssh.SshAlgorithms;
import java.util.Arrays;
import java.util.List;

/**
 * The algorithm options of the commands that connect ({@code exec}, {@code hostkeys scan}): each replaces one list
 * of {@link SshAlgorithms#DEFAULT} (docs/decisions/0003), comma-separated, in order of preference. A name the
 * installation does not know or cannot run stops the command with a sentence before anything connects.
 */
public final class SshAlgorithmOptions {
    @picocli.CommandLine.Option(names = "--kex", paramLabel = "LIST",
            description = "Key exchanges to offer, in order (default: curve25519-sha256 first, no SHA-1).")
    private String keyExchanges;

    @picocli.CommandLine.Option(names = "--host-key-types", paramLabel = "LIST",
            description = "Host key and signature types to accept, in order (default: ssh-ed25519 first).")
    private String hostKeyTypes;

    @picocli.CommandLine.Option(names = "--ciphers", paramLabel = "LIST",
            description = "Ciphers to offer, in order (default: aes128-gcm@openssh.com first, no CBC).")
    private String ciphers;

    @picocli.CommandLine.Option(names = "--macs", paramLabel = "LIST",
            description = "MACs to offer, in order (default: hmac-sha2-256-etm@openssh.com first).")
    private String macs;

    @picocli.CommandLine.Option(names = "--post-quantum",
            description = "Offer the post-quantum hybrid key exchanges first (mlkem768x25519-sha256, "
                    + "sntrup761x25519-sha512); about 4x the CPU per connection.")
    private boolean postQuantum;

    /** The algorithms these options ask for: the default with the given lists replaced. */
    public SshAlgorithms algorithms() {
        SshAlgorithms a = SshAlgorithms.DEFAULT.replacing(list(keyExchanges, "--kex"),
                list(hostKeyTypes, "--host-key-types"), list(ciphers, "--ciphers"), list(macs, "--macs"));
        return postQuantum ? a.postQuantumFirst() : a;
    }

    /**
     * The context's SSH client, started with these algorithms; a name that is unknown or unavailable here becomes
     * a usage error with the transport's sentence.
     */
    public dev.underlay.ssh.SshTransport transport(CliContext ctx) {
        try {
            if (given()) {
                ctx.sshAlgorithms(algorithms());
            }
            return ctx.ssh();
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), UnderlayCli.USAGE);
        }
    }

    /** True when any option was given (the transport's defaults need no change otherwise). */
    public boolean given() {
        return keyExchanges != null || hostKeyTypes != null || ciphers != null || macs != null || postQuantum;
    }

    /** The names an option gives, or null when it was not given. */
    private static List<String> list(String value, String option) {
        if (value == null) {
            return null;
        }
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new CliException(option + " needs at least one algorithm name", UnderlayCli.USAGE);
        }
        return names;
    }
}
