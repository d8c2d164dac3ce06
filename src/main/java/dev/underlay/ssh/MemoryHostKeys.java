package dev.underlay.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * Host keys kept in memory for one run and never written anywhere: a rehearsal on lab twins and the benchmarks
 * verify every host key, but must not put the lab's throwaway keys into a user's data folder.
 */
public final class MemoryHostKeys implements HostKeyRepository {
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
}
