package dev.underlay.ssh;

import java.time.Duration;

/**
 * What happened on one host: exit status or signal when the command ended, else the failure and its sentence.
 *
 * @param host         the target's display name
 * @param exitStatus   the remote exit status, or -1 when none was reported (failure, or ended by a signal)
 * @param exitSignal   the signal name that ended the remote command ("KILL", "TERM"), or "" when none
 * @param duration     from the start of the operation (including waiting for a connection slot) to its end
 * @param message      one sentence naming the host and what happened, for lists and logs
 * @param keyExchange  the negotiated key exchange of the session used, or "" when none was negotiated
 */
public record ExecResult(String host, int exitStatus, String exitSignal, Duration duration, FailureKind failure,
                         String message, long stdoutLines, long stderrLines, String keyExchange) {

    /** Exit status value when the remote side reported none. */
    public static final int NO_STATUS = -1;

    /** True when the command ran and exited with status 0. */
    public boolean succeeded() {
        return failure == FailureKind.NONE && exitStatus == 0 && exitSignal.isEmpty();
    }

    /** True when the host could not run the command at all or was stopped (connection, auth, cancel...). */
    public boolean failed() {
        return failure != FailureKind.NONE;
    }

    static ExecResult failure(String host, FailureKind kind, String message, Duration took, String kex) {
        return new ExecResult(host, NO_STATUS, "", took, kind, message, 0, 0, kex);
    }
}
