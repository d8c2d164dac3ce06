package dev.underlay.ssh;

import java.net.SocketAddress;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;

/**
 * Verifies server keys against the {@link HostKeyStore}: known keys pass; new keys pass only under the accept-new
 * policy (trusted at once, stored by the store's writer thread, never on the I/O thread this runs on); changed and
 * revoked keys never pass. The verdict is left in the {@link Handshake} so the
 * failure can name both fingerprints.
 */
final class StoreKeyVerifier implements ServerKeyVerifier {
    private final HostKeyStore store;
    private final boolean acceptNew;

    StoreKeyVerifier(HostKeyStore store, boolean acceptNew) {
        this.store = store;
        this.acceptNew = acceptNew;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        AttributeRepository ctx = session.getConnectionContext();
        Handshake hs = ctx == null ? null : ctx.getAttribute(Handshake.KEY);
        if (hs == null) {
            return false; // a connection not made by SshTransport: nothing to check it against
        }
        hs.presented = key;
        if (hs.scanOnly) {
            return false;
        }
        // runs on an SSH I/O thread: both calls decide from the store's memory; a key accepted on first contact
        // is written by the store's writer thread
        HostKeyStore.Check check = acceptNew ? store.acceptOnFirstContact(hs.endpoint, key, "first-contact")
                : store.check(hs.endpoint, key);
        hs.verdict = check;
        boolean ok = check.status() == HostKeyStatus.KNOWN;
        if (ok) {
            // sshd checks the key at the end of the key exchange; from here on authentication may start
            hs.keyExchanged.complete(null);
        }
        return ok;
    }
}
