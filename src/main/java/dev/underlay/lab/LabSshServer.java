package dev.underlay.lab;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

/**
 * The lab's one SSHD server: host keys, authentication, commands and SFTP all pick the host by the connection's
 * local port. Public key authentication only, with the lab's client key.
 */
final class LabSshServer extends SshServer {
    static final Duration STDIO_TIMEOUT = Duration.ofSeconds(30);

    /** The acceptor, to bind and unbind host ports while running (SshServer keeps it protected). */
    IoAcceptor acceptor() {
        return acceptor;
    }

    static LabSshServer create(Lab lab) {
        // the builder applies the stock algorithm lists (curve25519 key exchange and ed25519 keys come first
        // without Bouncy Castle; see docs/decisions/0004-simulated-lab.md)
        LabSshServer server = (LabSshServer) ServerBuilder.builder().factory(LabSshServer::new).build();
        // without TCP_NODELAY, Nagle and delayed ACKs add about 40 ms to every small exchange on loopback
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        // a command reading stdin (cat > file) or writing to a client that does not read blocks a shell-pool
        // thread; this bounds the wait so a stuck client cannot hold one of the few threads for ever
        CoreModuleProperties.WINDOW_TIMEOUT.set(server, STDIO_TIMEOUT);
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setKeyPairProvider(new KeyPairProvider() {
            @Override
            public Iterable<KeyPair> loadKeys(SessionContext session) {
                return List.of(lab.hostKey(lab.hostOf((Session) session)));
            }
        });
        server.setPublickeyAuthenticator((user, key, session) -> {
            HostState host = lab.hostOf(session);
            return !host.faults().auth() && KeyUtils.compareKeys(key, lab.keys().clientPublicKey());
        });
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setCommandFactory((channel, command) -> new LabShellCommand(lab, command));
        server.setShellFactory(channel -> new LabShellCommand(lab, null));
        server.setSubsystemFactories(List.of(new LabSftp(lab)));
        server.setFileSystemFactory(new FileSystemFactory() {
            @Override
            public Path getUserHomeDir(SessionContext session) {
                return lab.hostOf((Session) session).files().getPath("/root");
            }

            @Override
            public FileSystem createFileSystem(SessionContext session) {
                return lab.hostOf((Session) session).files();
            }
        });
        return server;
    }
}
