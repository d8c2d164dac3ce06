package dev.underlay.ssh;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

/** Turns what went wrong while connecting into one sentence naming the host and the cause. */
final class Failures {
    private Failures() {
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static SshFailure connectTimeout(SshTarget t, boolean tcpUp, Duration limit) {
        return new SshFailure(FailureKind.CONNECT_TIMEOUT, tcpUp
                ? t.label() + ": timed out after " + seconds(limit) + " waiting for the SSH handshake (the port "
                        + "accepted the connection but the server did not complete the SSH greeting and key exchange)."
                : t.label() + ": timed out after " + seconds(limit) + " connecting (no answer from the address).");
    }

    static SshFailure authTimeout(SshTarget t, Duration limit) {
        return new SshFailure(FailureKind.AUTH_FAILED, t.label() + ": authentication did not finish within "
                + seconds(limit) + " (tried " + t.auth().describe() + ").");
    }

    static SshFailure authFailed(SshTarget t, Throwable cause) {
        return new SshFailure(FailureKind.AUTH_FAILED, t.label() + ": authentication failed: the server refused "
                + t.auth().describe() + " for user " + t.user() + detail(cause) + ".");
    }

    /** A failure before authentication: TCP, handshake or host key. */
    static SshFailure connectFailed(SshTarget t, Handshake hs, Throwable error, boolean viaBastion) {
        HostKeyStore.Check v = hs.verdict;
        if (v != null && v.status() != HostKeyStatus.KNOWN) {
            return hostKey(t, v);
        }
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof SshFailure f) {
                return f;
            }
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (c instanceof ConnectException && m.contains("timed out")) {
                return new SshFailure(FailureKind.CONNECT_TIMEOUT, t.label() + ": timed out connecting (no answer "
                        + "from the address).");
            }
            if (c instanceof SocketException && m.contains("unreachable")) {
                return new SshFailure(FailureKind.UNREACHABLE, t.label() + ": unreachable (" + c.getMessage() + ").");
            }
            if (c instanceof ConnectException && !viaBastion) {
                return new SshFailure(FailureKind.CONNECTION_REFUSED, t.label()
                        + ": connection refused (nothing accepts SSH connections on port " + t.port() + ").");
            }
            if (c instanceof NoRouteToHostException || c instanceof PortUnreachableException) {
                return new SshFailure(FailureKind.UNREACHABLE, t.label() + ": unreachable (no route to host).");
            }
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                return new SshFailure(FailureKind.UNREACHABLE, t.label() + ": unreachable (the address "
                        + t.address() + " does not resolve).");
            }
            if (c instanceof SocketTimeoutException || c instanceof InterruptedByTimeoutException) {
                return new SshFailure(FailureKind.CONNECT_TIMEOUT, t.label() + ": timed out connecting.");
            }
        }
        if (viaBastion) {
            return new SshFailure(FailureKind.BASTION_FAILED, t.label() + ": could not be reached through bastion "
                    + t.jumps().get(t.jumps().size() - 1).label()
                    + " (the bastion closed the tunnel: refused, unreachable, or not allowed to forward)" + detail(error)
                    + ".");
        }
        String msg = error == null ? "" : String.valueOf(error.getMessage());
        if (msg.contains("negotiate") || msg.contains("No matching") || msg.contains("not supported")) {
            return new SshFailure(FailureKind.HANDSHAKE_FAILED, t.label()
                    + ": no algorithm in common with the server (" + msg + ").");
        }
        return new SshFailure(FailureKind.DISCONNECTED, t.label() + ": the connection closed during the SSH handshake"
                + detail(error) + ".");
    }

    static SshFailure hostKey(SshTarget t, HostKeyStore.Check v) {
        String presented = v.keyType() + " " + v.fingerprint();
        switch (v.status()) {
            case CHANGED:
                return new SshFailure(FailureKind.HOST_KEY_CHANGED, t.label() + ": host key changed: the inventory "
                        + "knows " + v.knownFingerprints() + " but the server presented " + presented + "; refusing to "
                        + "connect (if the machine was reinstalled, check the new key and replace it in Host keys).");
            case REVOKED:
                return new SshFailure(FailureKind.HOST_KEY_REVOKED, t.label() + ": the server presented the revoked "
                        + "host key " + presented + revokedWhere(t, v) + "; refusing to connect (a revoked key is "
                        + "never trusted again; see 'underlay hostkeys list').");
            default:
                return new SshFailure(FailureKind.HOST_KEY_UNKNOWN, t.label() + ": host key unknown: the server "
                        + "presented " + presented + ", which is not in the inventory; review it with "
                        + "'underlay hostkeys scan' (or Host keys in the console) and accept it, or import a "
                        + "known_hosts file.");
        }
    }

    /** " (revoked for [host]:port)" when the key was revoked for another endpoint than the target's. */
    static String revokedWhere(SshTarget t, HostKeyStore.Check v) {
        Endpoint at = v.known().isEmpty() ? null : v.known().get(0).endpoint();
        return at == null || at.equals(t.endpoint()) ? "" : " (revoked for " + at + ")";
    }

    private static String detail(Throwable t) {
        Throwable root = t;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root == null ? null : root.getMessage();
        return m == null || m.isBlank() ? "" : " (" + m.strip() + ")";
    }
}
