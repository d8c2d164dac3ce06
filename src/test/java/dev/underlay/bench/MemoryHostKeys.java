package dev.underlay.bench;

import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.HostKeyRepository;
import dev.underlay.ssh.KnownHostKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Host keys kept in memory for one benchmark run: the bench verifies every host key against an imported
 * known_hosts file but must not write the lab's throwaway keys into a user's data folder.
 */
final class MemoryHostKeys implements HostKeyRepository {
    private final List<KnownHostKey> keys = new ArrayList<>();

    @Override
    public synchronized List<KnownHostKey> all() {
        return List.copyOf(keys);
    }

    @Override
    public synchronized void addAll(List<KnownHostKey> add) {
        for (KnownHostKey k : add) {
            keys.removeIf(s -> s.endpoint().equals(k.endpoint()) && s.fingerprint().equals(k.fingerprint()));
            keys.add(k);
        }
    }

    @Override
    public synchronized int removeTrusted(Endpoint endpoint) {
        int before = keys.size();
        keys.removeIf(k -> k.endpoint().equals(endpoint) && !k.revoked());
        return before - keys.size();
    }

    /** The bench authenticates with unencrypted key files only: there are no secrets to look up. */
    static final CredentialSecrets NO_SECRETS = new CredentialSecrets() {
        @Override
        public void put(String credential, char[] secret) {
            throw new UnsupportedOperationException("the benchmark stores no secrets");
        }

        @Override
        public Optional<char[]> get(String credential) {
            return Optional.empty();
        }

        @Override
        public void remove(String credential) {
            // nothing stored
        }
    };
}
