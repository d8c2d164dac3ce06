package dev.underlay.ssh;

import dev.underlay.inventory.Credential;
import dev.underlay.inventory.CredentialKind;
import dev.underlay.inventory.Machine;
import java.nio.file.Path;
import java.util.List;

/** Maps inventory machines and credentials to {@link SshTarget}s (the inventory knows nothing of SSH). */
public final class SshTargets {
    private SshTargets() {
    }

    /**
     * The target for a machine with its credential.
     *
     * @param credential the machine's credential (looked up by {@code machine.credential()})
     * @param jumps      the bastion chain, already mapped, in connection order (empty for direct)
     * @throws IllegalArgumentException with a sentence naming the machine when something needed is missing
     */
    public static SshTarget of(Machine machine, Credential credential, List<SshTarget> jumps) {
        if (machine.address().isBlank()) {
            throw new IllegalArgumentException("machine " + machine.name() + " has no address to connect to");
        }
        if (credential == null) {
            throw new IllegalArgumentException("machine " + machine.name() + " has no credential"
                    + (machine.credential().isEmpty() ? "" : " (credential " + machine.credential() + " not found)"));
        }
        String user = machine.sshUser().isBlank() ? credential.username() : machine.sshUser();
        if (user.isBlank()) {
            throw new IllegalArgumentException("machine " + machine.name() + " has no SSH user (set one on the machine "
                    + "or on credential " + credential.name() + ")");
        }
        SshAuth auth;
        if (credential.kind() == CredentialKind.KEY) {
            if (credential.keyFile().isBlank()) {
                throw new IllegalArgumentException("credential " + credential.name() + " of machine " + machine.name()
                        + " names no key file");
            }
            auth = new SshAuth.KeyFile(Path.of(credential.keyFile()), credential.name());
        } else {
            auth = new SshAuth.Password(credential.name());
        }
        return new SshTarget(machine.name(), machine.address(), machine.sshPort(), user, auth, jumps);
    }
}
