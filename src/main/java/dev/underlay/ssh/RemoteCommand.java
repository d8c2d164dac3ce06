package dev.underlay.ssh;

import java.util.concurrent.CompletableFuture;

/** A command started on one host: its result to come, and a way to stop it. */
public interface RemoteCommand {
    /** The target's display name. */
    String host();

    /** Completes once with the result; never completes exceptionally (failures are results). */
    CompletableFuture<ExecResult> result();

    /**
     * Stops the command: a queued one never starts; a running one gets signal TERM and end-of-input, its channel is
     * closed (dropped on our side after a 2 s grace), and the result is {@link FailureKind#CANCELLED}. No effect
     * once the result is in. As with OpenSSH's client without a terminal, TERM reaches the process the server
     * started: a shell that forked children may leave them running.
     */
    void cancel();
}
