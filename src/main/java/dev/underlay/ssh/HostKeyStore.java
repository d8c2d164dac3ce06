package dev.underlay.ssh;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * The known host keys, read once from the repository and kept in memory: the verifier runs on SSH I/O threads for
 * every connection and must not query the database there. Writes go to the repository first, then to memory.
 */
public final class HostKeyStore {
    private final HostKeyRepository repository;
    private final Clock clock;
    private final Map<Endpoint, List<KnownHostKey>> byEndpoint = new ConcurrentHashMap<>();
    /** Parsed form of stored keys, so that checks compare key material instead of encoding each presented key. */
    private final Map<String, PublicKey> parsedKeys = new ConcurrentHashMap<>();

    public HostKeyStore(HostKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        for (KnownHostKey k : repository.all()) {
            byEndpoint.merge(k.endpoint(), List.of(k), HostKeyStore::concat);
        }
    }

    private static List<KnownHostKey> concat(List<KnownHostKey> a, List<KnownHostKey> b) {
        List<KnownHostKey> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** Keys stored for the endpoint (valid and revoked). */
    public List<KnownHostKey> keys(Endpoint endpoint) {
        return byEndpoint.getOrDefault(endpoint, List.of());
    }

    /** Every stored key, by address and port. */
    public List<KnownHostKey> all() {
        List<KnownHostKey> out = new ArrayList<>();
        byEndpoint.values().forEach(out::addAll);
        out.sort(Comparator.comparing((KnownHostKey k) -> k.endpoint().address())
                .thenComparingInt(k -> k.endpoint().port()).thenComparing(KnownHostKey::addedAt));
        return out;
    }

    /** Compares a presented key with the store. Runs for every connection: the match needs no encoding. */
    public Check check(Endpoint endpoint, PublicKey presented) {
        List<KnownHostKey> known = keys(endpoint);
        List<KnownHostKey> valid = new ArrayList<>();
        for (KnownHostKey k : known) {
            if (KeyUtils.compareKeys(parsed(k), presented)) {
                return new Check(k.revoked() ? HostKeyStatus.REVOKED : HostKeyStatus.KNOWN, endpoint,
                        k.keyType(), k.fingerprint(), k.publicKey(), List.of(k));
            }
            if (!k.revoked()) {
                valid.add(k);
            }
        }
        String text = HostKeys.openSsh(presented);
        String type = HostKeys.type(presented);
        // keys of the presented type first: that is the one the server replaced
        valid.sort(Comparator.comparing((KnownHostKey k) -> !k.keyType().equals(type)));
        return new Check(valid.isEmpty() ? HostKeyStatus.NEW : HostKeyStatus.CHANGED, endpoint, type,
                HostKeys.fingerprint(presented), text, List.copyOf(valid));
    }

    /**
     * Stores keys as trusted (or revoked) in one transaction. Keys already stored are skipped. Returns the number
     * newly stored.
     */
    public synchronized int addAll(List<KnownHostKey> keys) {
        Map<String, KnownHostKey> fresh = new LinkedHashMap<>();
        for (KnownHostKey k : keys) {
            boolean stored = keys(k.endpoint()).stream().anyMatch(s -> s.fingerprint().equals(k.fingerprint()));
            if (!stored) {
                fresh.putIfAbsent(k.endpoint() + " " + k.fingerprint(), k);
            }
        }
        List<KnownHostKey> list = List.copyOf(fresh.values());
        repository.addAll(list);
        for (KnownHostKey k : list) {
            byEndpoint.merge(k.endpoint(), List.of(k), HostKeyStore::concat);
        }
        return list.size();
    }

    private PublicKey parsed(KnownHostKey k) {
        return parsedKeys.computeIfAbsent(k.publicKey(), HostKeys::parse);
    }

    /** Stores one presented key as trusted. */
    public int trust(Endpoint endpoint, PublicKey key, String source) {
        return addAll(List.of(toKnown(endpoint, key, source, false)));
    }

    /** Forgets every key of the endpoint (before trusting a legitimately replaced key). */
    public synchronized int forget(Endpoint endpoint) {
        int n = repository.removeAll(endpoint);
        byEndpoint.remove(endpoint);
        return n;
    }

    KnownHostKey toKnown(Endpoint endpoint, PublicKey key, String source, boolean revoked) {
        return new KnownHostKey(endpoint, HostKeys.type(key), HostKeys.openSsh(key), HostKeys.fingerprint(key),
                source, revoked, clock.instant());
    }

    /**
     * The outcome of comparing a presented key with the store.
     *
     * @param known for KNOWN/REVOKED the matching stored key; for CHANGED the valid stored keys, same type first
     */
    public record Check(HostKeyStatus status, Endpoint endpoint, String keyType, String fingerprint,
                        String publicKey, List<KnownHostKey> known) {
        /** "ssh-ed25519 SHA256:..., ecdsa-sha2-nistp256 SHA256:..." of the known keys. */
        public String knownFingerprints() {
            return String.join(", ", known.stream().map(KnownHostKey::describe).toList());
        }
    }
}
