package dev.underlay.ssh;

import dev.underlay.ssh.HostKeyChange.Result;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The known host keys, read once from the repository and kept in memory: the verifier runs on SSH I/O threads for
 * every connection and must not touch the database there. Changes a person asks for ({@link #save},
 * {@link #forget}) are written to the repository first, then shown in memory, one at a time. A key trusted on
 * first contact under the accept-new policy is the exception: it is trusted in memory at once (on the I/O thread)
 * and written by a separate writer thread, in order; {@link #flush} waits for those writes.
 *
 * <p>A revoked key is refused at every endpoint, not only the one it was revoked for: a host key whose private
 * half is compromised or retired has no endpoint where it should be trusted. A key is never trusted again once
 * revoked, and forgetting an endpoint keeps its revoked keys (as {@code ssh-keygen -R} keeps {@code @revoked}
 * lines). One endpoint holds at most one valid key per key type.
 */
public final class HostKeyStore {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyStore.class);
    private static final Duration FLUSH_LIMIT = Duration.ofSeconds(30);

    private final HostKeyRepository repository;
    private final Clock clock;
    /** Per endpoint an immutable list; replaced with {@code compute}, so a first-contact trust is atomic. */
    private final Map<Endpoint, List<KnownHostKey>> byEndpoint = new ConcurrentHashMap<>();
    /** Revoked keys by fingerprint, whichever endpoint they were revoked for. */
    private final Map<String, KnownHostKey> revoked = new ConcurrentHashMap<>();
    /** Parsed form of stored keys, so that checks compare key material instead of encoding each presented key. */
    private final Map<String, PublicKey> parsedKeys = new ConcurrentHashMap<>();
    /** Held by every writer to the repository, so that decisions, writes and memory follow one order. */
    private final Object writes = new Object();
    private final OrderedWriter firstContactWrites = new OrderedWriter("underlay-hostkey-writer");

    public HostKeyStore(HostKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        for (KnownHostKey k : repository.all()) {
            byEndpoint.merge(k.endpoint(), List.of(k), HostKeyStore::concat);
            if (k.revoked()) {
                revoked.putIfAbsent(k.fingerprint(), k);
            }
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
        return check(endpoint, presented, keys(endpoint));
    }

    private Check check(Endpoint endpoint, PublicKey presented, List<KnownHostKey> known) {
        for (KnownHostKey r : revoked.values()) {
            if (KeyUtils.compareKeys(parsed(r), presented)) {
                return new Check(HostKeyStatus.REVOKED, endpoint, r.keyType(), r.fingerprint(), r.publicKey(),
                        List.of(r));
            }
        }
        List<KnownHostKey> valid = new ArrayList<>();
        for (KnownHostKey k : known) {
            if (k.revoked()) {
                continue;
            }
            if (KeyUtils.compareKeys(parsed(k), presented)) {
                return new Check(HostKeyStatus.KNOWN, endpoint, k.keyType(), k.fingerprint(), k.publicKey(),
                        List.of(k));
            }
            valid.add(k);
        }
        String type = HostKeys.type(presented);
        // keys of the presented type first: that is the one the server replaced
        valid.sort(Comparator.comparing((KnownHostKey k) -> !k.keyType().equals(type)));
        return new Check(valid.isEmpty() ? HostKeyStatus.NEW : HostKeyStatus.CHANGED, endpoint, type,
                HostKeys.fingerprint(presented), HostKeys.openSsh(presented), List.copyOf(valid));
    }

    /**
     * Stores keys in one transaction, each decided against the store and the keys before it: a trusted key new
     * to its endpoint is added unless another valid key of its type is stored there (a conflict) or it is revoked
     * anywhere; a revoked key is added as revoked, or revokes the same key stored as trusted. Returns one change
     * per key, in order. Nothing is changed when the write fails.
     */
    public List<HostKeyChange> save(List<KnownHostKey> keys) {
        synchronized (writes) {
            Map<Endpoint, List<KnownHostKey>> view = new HashMap<>();
            Map<String, KnownHostKey> revokedNow = new LinkedHashMap<>();
            List<KnownHostKey> rows = new ArrayList<>();
            List<HostKeyChange> changes = new ArrayList<>(keys.size());
            for (KnownHostKey k : keys) {
                List<KnownHostKey> at = view.computeIfAbsent(k.endpoint(), e -> new ArrayList<>(keys(e)));
                int i = indexOf(at, k.fingerprint());
                KnownHostKey same = i < 0 ? null : at.get(i);
                KnownHostKey revokedAs = revokedNow.getOrDefault(k.fingerprint(), revoked.get(k.fingerprint()));
                HostKeyChange c;
                if (k.revoked()) {
                    if (same != null && same.revoked()) {
                        c = new HostKeyChange(k, Result.UNCHANGED, null);
                    } else {
                        KnownHostKey row = same == null ? k : same.asRevoked();
                        if (same == null) {
                            at.add(row);
                        } else {
                            at.set(i, row);
                        }
                        rows.add(row);
                        revokedNow.putIfAbsent(row.fingerprint(), row);
                        c = new HostKeyChange(k, same == null ? Result.REVOKED : Result.UNTRUSTED, same);
                    }
                } else if (revokedAs != null) {
                    c = new HostKeyChange(k, Result.REFUSED_REVOKED, revokedAs);
                } else if (same != null) {
                    c = new HostKeyChange(k, Result.UNCHANGED, null);
                } else {
                    KnownHostKey other = validOfType(at, k.keyType());
                    if (other != null) {
                        c = new HostKeyChange(k, Result.CONFLICT, other);
                    } else {
                        at.add(k);
                        rows.add(k);
                        c = new HostKeyChange(k, Result.ADDED, null);
                    }
                }
                changes.add(c);
            }
            repository.addAll(rows);
            revoked.putAll(revokedNow); // before the endpoints: from here on a check refuses them
            for (KnownHostKey row : rows) {
                byEndpoint.compute(row.endpoint(), (e, current) -> publish(current, row));
            }
            return changes;
        }
    }

    /**
     * The endpoint's list with {@code row} in it (replacing its fingerprint). A first-contact key added since the
     * save read the list, of the same type as a trusted row, is dropped: what a person saved wins, and its write
     * is then skipped.
     */
    private static List<KnownHostKey> publish(List<KnownHostKey> current, KnownHostKey row) {
        List<KnownHostKey> out = new ArrayList<>(current == null ? List.of() : current);
        out.removeIf(k -> k.fingerprint().equals(row.fingerprint())
                || (!row.revoked() && !k.revoked() && k.keyType().equals(row.keyType())));
        out.add(row);
        return List.copyOf(out);
    }

    private static int indexOf(List<KnownHostKey> keys, String fingerprint) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).fingerprint().equals(fingerprint)) {
                return i;
            }
        }
        return -1;
    }

    private static KnownHostKey validOfType(List<KnownHostKey> keys, String type) {
        return keys.stream().filter(k -> !k.revoked() && k.keyType().equals(type)).findFirst().orElse(null);
    }

    /** Stores one presented key as trusted; returns 1 when it was added. */
    public int trust(Endpoint endpoint, PublicKey key, String source) {
        return HostKeyChange.count(save(List.of(toKnown(endpoint, key, source, false))), Result.ADDED);
    }

    /**
     * The accept-new policy's first contact, on an SSH I/O thread: when nothing valid is stored for the endpoint
     * and the key is not revoked, trusts it in memory at once (atomically with other first contacts of the
     * endpoint) and hands the write to the writer thread. Returns the verdict, KNOWN when trusted. No database.
     */
    Check acceptOnFirstContact(Endpoint endpoint, PublicKey key, String source) {
        Check[] verdict = new Check[1];
        KnownHostKey[] fresh = new KnownHostKey[1];
        byEndpoint.compute(endpoint, (e, current) -> {
            List<KnownHostKey> known = current == null ? List.of() : current;
            Check c = check(endpoint, key, known);
            if (c.status() != HostKeyStatus.NEW) {
                verdict[0] = c;
                return current;
            }
            KnownHostKey k = toKnown(endpoint, key, source, false);
            fresh[0] = k;
            verdict[0] = new Check(HostKeyStatus.KNOWN, endpoint, k.keyType(), k.fingerprint(), k.publicKey(),
                    List.of(k));
            return concat(known, List.of(k));
        });
        if (fresh[0] != null) {
            firstContactWrites.execute(() -> persistFirstContact(fresh[0]));
        }
        return verdict[0];
    }

    /** On the writer thread: stores a first-contact key unless a save or forget since then replaced it. */
    private void persistFirstContact(KnownHostKey k) {
        synchronized (writes) {
            if (!keys(k.endpoint()).contains(k)) {
                return; // forgotten, revoked or replaced by what a person saved meanwhile
            }
            try {
                repository.addAll(List.of(k));
            } catch (RuntimeException e) {
                byEndpoint.computeIfPresent(k.endpoint(), (ep, list) -> without(list, k));
                LOG.warn("The host key {} of {} accepted on first contact was not stored, so it is not trusted "
                        + "from now on: {}", k.describe(), k.endpoint(), e.getMessage());
            }
        }
    }

    /** Waits for the writes of keys trusted on first contact so far (before the database closes). */
    public void flush() {
        if (!firstContactWrites.flush(FLUSH_LIMIT)) {
            LOG.warn("Host keys accepted on first contact were still being stored after {}",
                    Failures.seconds(FLUSH_LIMIT));
        }
    }

    private static List<KnownHostKey> without(List<KnownHostKey> list, KnownHostKey k) {
        List<KnownHostKey> out = new ArrayList<>(list);
        out.remove(k);
        return out.isEmpty() ? null : List.copyOf(out);
    }

    private PublicKey parsed(KnownHostKey k) {
        return parsedKeys.computeIfAbsent(k.publicKey(), HostKeys::parse);
    }

    /**
     * Forgets the trusted keys of the endpoint (before trusting a legitimately replaced key); its revoked keys
     * stay. Returns how many were forgotten.
     */
    public int forget(Endpoint endpoint) {
        synchronized (writes) {
            int n = repository.removeTrusted(endpoint);
            byEndpoint.computeIfPresent(endpoint, (e, list) -> {
                List<KnownHostKey> kept = list.stream().filter(KnownHostKey::revoked).toList();
                return kept.isEmpty() ? null : kept;
            });
            return n;
        }
    }

    KnownHostKey toKnown(Endpoint endpoint, PublicKey key, String source, boolean revoked) {
        return new KnownHostKey(endpoint, HostKeys.type(key), HostKeys.openSsh(key), HostKeys.fingerprint(key),
                source, revoked, clock.instant());
    }

    /**
     * The outcome of comparing a presented key with the store.
     *
     * @param known for KNOWN the matching stored key, for REVOKED the revoked row (possibly of another endpoint);
     *              for CHANGED the valid stored keys, same type first
     */
    public record Check(HostKeyStatus status, Endpoint endpoint, String keyType, String fingerprint,
                        String publicKey, List<KnownHostKey> known) {
        /** "ssh-ed25519 SHA256:..., ecdsa-sha2-nistp256 SHA256:..." of the known keys. */
        public String knownFingerprints() {
            return String.join(", ", known.stream().map(KnownHostKey::describe).toList());
        }
    }
}
