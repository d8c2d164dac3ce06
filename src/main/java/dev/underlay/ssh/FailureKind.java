package dev.underlay.ssh;

/** Why a host did not run its command to the end. {@link #NONE} when it did (whatever its exit status). */
public enum FailureKind {
    NONE,
    CONNECTION_REFUSED,
    CONNECT_TIMEOUT,
    UNREACHABLE,
    HANDSHAKE_FAILED,
    HOST_KEY_UNKNOWN,
    HOST_KEY_CHANGED,
    HOST_KEY_REVOKED,
    KEY_FILE,
    AUTH_FAILED,
    BASTION_FAILED,
    DISCONNECTED,
    COMMAND_TIMEOUT,
    CANCELLED,
    TRANSFER_FAILED,
    /** Nothing to connect to: the machine lacks an address, a user or a usable credential. */
    TARGET_INVALID,
    /** The job could not render the step's command for this host (an unknown param, a template error). */
    RENDER_FAILED,
    INTERNAL
}
