package dev.underlay.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * The SSH sessions of one job: one authenticated session per target (and per bastion) opened on first use and
 * reused by every later command of the job, all closed by {@link #close()}. A target that failed to connect keeps
 * its failure for the job, so its later commands fail at once with the same sentence. Thread-safe; nothing blocks.
 */
public final class JobConnections implements AutoCloseable {
    private final SshTransport transport;
    private final Map<String, CompletableFuture<ClientSession>> sessions = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> passwords = new ConcurrentHashMap<>();
    private final Set<CommandRun> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    JobConnections(SshTransport transport) {
        this.transport = transport;
    }

    /** Runs a command with the transport's default command timeout. */
    public RemoteCommand exec(SshTarget target, String command, OutputSink sink) {
        return exec(target, command, transport.settings().commandTimeout(), sink);
    }

    /**
     * Runs a command on the target, streaming its output lines to the sink.
     *
     * @param timeout zero for no limit
     */
    public RemoteCommand exec(SshTarget target, String command, Duration timeout, OutputSink sink) {
        CommandRun run = new CommandRun(target, command, timeout, sink, transport.timers());
        if (closed) {
            run.fail(new SshFailure(FailureKind.CANCELLED, target.label() + ": the job's connections are closed."));
            return run;
        }
        running.add(run);
        run.result().whenComplete((r, e) -> running.remove(run));
        transport.limited(target, () -> {
            if (!run.waiting()) {
                return run.result(); // cancelled while queued
            }
            return session(target).handle((s, e) -> {
                if (e != null) {
                    run.fail(SshFailure.of(e, target.label()));
                    return run.result();
                }
                return run.start(s);
            }).thenCompose(f -> f);
        });
        return run;
    }

    /** Writes bytes to a remote file over SFTP (created or truncated), then sets its permissions (e.g. 0644). */
    public CompletableFuture<ExecResult> upload(SshTarget target, byte[] content, String remotePath,
                                                int permissions) {
        long start = System.nanoTime();
        return transport.limited(target, () -> session(target).thenApplyAsync(s -> {
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
                try (OutputStream os = sftp.write(remotePath, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                        SftpClient.OpenMode.Truncate)) {
                    os.write(content);
                }
                sftp.setStat(remotePath, new SftpClient.Attributes().perms(permissions));
                return new ExecResult(target.name(), 0, "", Duration.ofNanos(System.nanoTime() - start),
                        FailureKind.NONE, target.label() + ": uploaded " + content.length + " bytes to " + remotePath
                        + ".", 0, 0, CommandRun.kex(s));
            } catch (IOException e) {
                throw new SshFailure(FailureKind.TRANSFER_FAILED, target.label() + ": upload to " + remotePath
                        + " failed (" + e.getMessage() + ").");
            }
        }, transport.blocking())).handle((r, e) -> e == null ? r : asResult(target, e, start));
    }

    /** Uploads a local file; see {@link #upload(SshTarget, byte[], String, int)}. */
    public CompletableFuture<ExecResult> upload(SshTarget target, Path localFile, String remotePath,
                                                int permissions) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(localFile);
            } catch (IOException e) {
                throw new SshFailure(FailureKind.TRANSFER_FAILED, target.label() + ": cannot read the local file "
                        + localFile + " to upload (" + e.getMessage() + ").");
            }
        }, transport.blocking()).thenCompose(bytes -> upload(target, bytes, remotePath, permissions))
                .handle((r, e) -> e == null ? r : asResult(target, e, System.nanoTime()));
    }

    private static ExecResult asResult(SshTarget target, Throwable e, long start) {
        SshFailure f = SshFailure.of(e, target.label());
        return ExecResult.failure(target.name(), f.kind(), f.getMessage(),
                Duration.ofNanos(System.nanoTime() - start), "");
    }

    /**
     * Forgets a failed connection attempt to the target and to its bastions, so that its next command connects
     * again (a host that was down or rebooting when an earlier step ran). An open session is kept.
     */
    public void forgetFailure(SshTarget target) {
        sessions.computeIfPresent(target.sessionKey(), (k, f) -> f.isCompletedExceptionally() ? null : f);
        if (!target.jumps().isEmpty()) {
            forgetFailure(bastionOf(target));
        }
    }

    /**
     * Closes the target's own session (not its bastions'): its next command opens a new one. For a host that
     * reboots: the old session may linger half-open until keep-alives give up.
     */
    public void reconnect(SshTarget target) {
        CompletableFuture<ClientSession> f = sessions.remove(target.sessionKey());
        if (f != null) {
            f.thenAccept(s -> s.close(true));
        }
    }

    /** Cancels every command of the job that has not finished. */
    public void cancelAll() {
        for (CommandRun r : new ArrayList<>(running)) {
            r.cancel();
        }
    }

    /** Sessions currently open (targets and bastions). */
    public int openSessions() {
        int n = 0;
        for (CompletableFuture<ClientSession> f : sessions.values()) {
            if (f.isDone() && !f.isCompletedExceptionally() && f.join().isOpen()) {
                n++;
            }
        }
        return n;
    }

    /** Cancels what still runs and closes every session of the job. */
    @Override
    public void close() {
        closed = true;
        cancelAll();
        for (CompletableFuture<ClientSession> f : sessions.values()) {
            f.thenAccept(s -> s.close(false));
        }
        sessions.clear();
        passwords.clear();
    }

    /** The job's authenticated session to the target, opening it (and its bastions) when needed. */
    CompletableFuture<ClientSession> session(SshTarget target) {
        String key = target.sessionKey();
        CompletableFuture<ClientSession> f = sessions.get(key);
        if (f != null && (!f.isDone() || f.isCompletedExceptionally() || f.join().isOpen())) {
            return f;
        }
        CompletableFuture<ClientSession> fresh = new CompletableFuture<>();
        boolean mine = f == null ? sessions.putIfAbsent(key, fresh) == null : sessions.replace(key, f, fresh);
        if (!mine) {
            return session(target);
        }
        CompletableFuture<ClientSession> bastion = target.jumps().isEmpty()
                ? CompletableFuture.completedFuture(null) : session(bastionOf(target)).handle((b, e) -> {
                    if (e != null) {
                        SshFailure bf = SshFailure.of(e, target.label());
                        throw new SshFailure(FailureKind.BASTION_FAILED, target.label() + ": cannot go through "
                                + "its bastion: " + bf.getMessage());
                    }
                    return b;
                });
        secret(target).thenCompose(secret -> bastion.thenCompose(b -> transport.connector().open(target, b, secret)))
                .whenComplete((s, e) -> {
                    if (e != null) {
                        fresh.completeExceptionally(unwrap(e));
                    } else if (closed) {
                        s.close(true);
                        fresh.completeExceptionally(new SshFailure(FailureKind.CANCELLED,
                                target.label() + ": the job's connections are closed."));
                    } else {
                        fresh.complete(s);
                    }
                });
        return fresh;
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** The last bastion of the chain, itself reached through the bastions before it. */
    private static SshTarget bastionOf(SshTarget target) {
        List<SshTarget> chain = target.jumps();
        SshTarget last = chain.get(chain.size() - 1);
        return last.via(chain.subList(0, chain.size() - 1));
    }

    private CompletableFuture<Connector.Secret> secret(SshTarget target) {
        if (target.auth() instanceof SshAuth.KeyFile k) {
            return transport.identities().load(k).handle((kp, e) -> {
                if (e != null) {
                    SshFailure f = SshFailure.of(e, target.label());
                    throw new SshFailure(f.kind(), target.label() + ": " + f.getMessage());
                }
                return new Connector.Secret(kp, null);
            });
        }
        String credential = target.auth().credential();
        return passwords.computeIfAbsent(credential, c -> CompletableFuture.supplyAsync(() -> {
            Optional<char[]> secret = transport.secrets().get(c);
            if (secret.isEmpty()) {
                throw new SshFailure(FailureKind.AUTH_FAILED, "no password is stored for credential " + c + ".");
            }
            char[] chars = secret.get();
            String s = new String(chars);
            java.util.Arrays.fill(chars, '\0');
            return s;
        }, transport.blocking())).handle((p, e) -> {
            if (e != null) {
                SshFailure f = SshFailure.of(e, target.label());
                throw new SshFailure(f.kind(), target.label() + ": " + f.getMessage());
            }
            return new Connector.Secret(null, p);
        });
    }
}
