package dev.underlay.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.session.ClientSession;

/** Collects host keys of many targets in parallel for review, without authenticating to them. */
final class HostKeyScanner {
    private final SshTransport transport;

    HostKeyScanner(SshTransport transport) {
        this.transport = transport;
    }

    CompletableFuture<List<HostKeyReview>> scan(List<SshTarget> targets) {
        JobConnections bastions = transport.openJob();
        List<CompletableFuture<HostKeyReview>> rows = new ArrayList<>(targets.size());
        for (SshTarget t : targets) {
            rows.add(transport.limited(t, () -> scanOne(t, bastions)));
        }
        return CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new)).handle((v, e) -> {
            bastions.close();
            return rows.stream().map(CompletableFuture::join).toList();
        });
    }

    private CompletableFuture<HostKeyReview> scanOne(SshTarget t, JobConnections bastions) {
        Handshake hs = new Handshake(t.endpoint(), true, t.algorithms());
        CompletableFuture<ClientSession> bastion = t.jumps().isEmpty()
                ? CompletableFuture.completedFuture(null)
                : bastions.session(bastionOf(t));
        return bastion.thenCompose(b -> transport.connector().handshake(t, b, hs)).handle((s, e) -> {
            if (s != null) {
                s.close(true); // cannot happen: the scan verifier refuses every key
            }
            if (hs.presented == null) {
                SshFailure f = SshFailure.of(e, t.label());
                return new HostKeyReview(t.name(), t.endpoint(), HostKeyStatus.FAILED, "", "", List.of(), null,
                        f.getMessage());
            }
            HostKeyStore.Check c = transport.hostKeys().check(t.endpoint(), hs.presented);
            List<String> known = c.known().stream().map(KnownHostKey::describe).toList();
            String presented = c.keyType() + " " + c.fingerprint();
            String msg = switch (c.status()) {
                case NEW -> t.label() + ": new host key " + presented + ".";
                case KNOWN -> t.label() + ": known host key " + presented + ".";
                case CHANGED -> t.label() + ": host key changed: known " + c.knownFingerprints() + ", presented "
                        + presented + ".";
                default -> t.label() + ": presents the revoked host key " + presented + Failures.revokedWhere(t, c)
                        + "; it is never trusted again.";
            };
            return new HostKeyReview(t.name(), t.endpoint(), c.status(), c.keyType(), c.fingerprint(), known,
                    hs.presented, msg);
        });
    }

    private static SshTarget bastionOf(SshTarget target) {
        List<SshTarget> chain = target.jumps();
        return chain.get(chain.size() - 1).via(chain.subList(0, chain.size() - 1));
    }
}
