/**
 * The SSH transport, the only package (with the lab's servers) that uses Apache SSHD.
 *
 * <p>Entry points: {@link dev.underlay.ssh.SshTransport} (one per application) opens
 * {@link dev.underlay.ssh.JobConnections} per job, whose {@code exec} returns a {@link dev.underlay.ssh.RemoteCommand}
 * completing with an {@link dev.underlay.ssh.ExecResult}; output lines go to an {@link dev.underlay.ssh.OutputSink}.
 * Host keys are verified against the {@link dev.underlay.ssh.HostKeyStore} (table ssh_host_key); new keys are
 * reviewed with {@link dev.underlay.ssh.SshTransport#scanHostKeys} and stored with
 * {@link dev.underlay.ssh.SshTransport#accept}. Everything is asynchronous: NIO2 worker threads do the I/O and
 * crypto, and no thread is held per host.
 */
package dev.underlay.ssh;
