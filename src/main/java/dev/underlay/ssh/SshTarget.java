package dev.underlay.ssh;

import java.util.List;
import java.util.Objects;

/**
 * One host to reach over SSH, independent of the inventory model.
 *
 * @param name  display name used in results, output lines and messages (the machine name)
 * @param jumps bastion chain in connection order, as OpenSSH ProxyJump: the client connects to {@code jumps[0]},
 *              which opens a tunnel to {@code jumps[1]}, ..., and the last one to this target. Each hop has its
 *              own user and auth; hops' own jump lists are ignored.
 * @param algorithms what to offer this host, or null for the transport's settings (an old BMC that only speaks
 *              SHA-1 algorithms, say)
 */
public record SshTarget(String name, String address, int port, String user, SshAuth auth, List<SshTarget> jumps,
                        SshAlgorithms algorithms) {
    public SshTarget {
        Objects.requireNonNull(auth, "auth");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("machine " + name + " has no SSH address");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("machine " + name + " has no SSH user");
        }
        name = name == null || name.isBlank() ? address : name;
        new Endpoint(address, port); // validates the port with a sentence
        jumps = List.copyOf(jumps == null ? List.of() : jumps);
    }

    /** A target with the transport's algorithms. */
    public SshTarget(String name, String address, int port, String user, SshAuth auth, List<SshTarget> jumps) {
        this(name, address, port, user, auth, jumps, null);
    }

    /** A target without bastions. */
    public static SshTarget direct(String name, String address, int port, String user, SshAuth auth) {
        return new SshTarget(name, address, port, user, auth, List.of());
    }

    /** This target reached through the given bastion chain. */
    public SshTarget via(List<SshTarget> chain) {
        return new SshTarget(name, address, port, user, auth, chain, algorithms);
    }

    /** This target offered these algorithms instead of the transport's (null: the transport's). */
    public SshTarget withAlgorithms(SshAlgorithms a) {
        return new SshTarget(name, address, port, user, auth, jumps, a);
    }

    public Endpoint endpoint() {
        return new Endpoint(address, port);
    }

    /** "name (user@address:port)" for messages. */
    public String label() {
        return name + " (" + user + "@" + endpoint() + ")";
    }

    /**
     * Identity of the SSH session this target needs: name, user, endpoint, auth and the path through bastions.
     * The name is part of it so that two inventory entries for one address stay two hosts with their own session.
     */
    String sessionKey() {
        StringBuilder b = new StringBuilder();
        for (SshTarget j : jumps) {
            b.append(j.name).append('=').append(j.user).append('@').append(j.endpoint()).append('>');
        }
        b.append(name).append('=').append(user).append('@').append(endpoint()).append('#').append(auth);
        return algorithms == null ? b.toString() : b.append('#').append(algorithms).toString();
    }
}
