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
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AgentForwardingFilter;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.forward.X11ForwardingFilter;

/**
 * The lab's one SSHD server: host keys, authentication, commands and SFTP all pick the host by the connection's
 * local port. Public key authentication only, with the lab's client key. Tunnels only to other lab hosts.
 */
final class LabSshServer extends SshServer {
    static final Duration STDIO_TIMEOUT = Duration.ofSeconds(30);

    /** The acceptor, to bind and unbind host ports while running (SshServer keeps it protected). */
    IoAcceptor acceptor() {
        return acceptor;
    }

    static LabSshServer create(Lab lab) {
        // the builder applies the stock algorithm lists (post-quantum hybrids first with Bouncy Castle, but the
        // client's order decides; see docs/decisions/0004-simulated-lab.md and 0005)
        LabSshServer server = (LabSshServer) ServerBuilder.builder().factory(LabSshServer::new).build();
        // without TCP_NODELAY, Nagle and delayed ACKs add about 40 ms to every small exchange on loopback
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        // a command reading stdin (cat > file) or writing to a client that does not read blocks a shell-pool
        // thread; this bounds the wait so a stuck client cannot hold one of the few threads for ever
        CoreModuleProperties.WINDOW_TIMEOUT.set(server, STDIO_TIMEOUT);
        server.setForwardingFilter(ForwardingFilter.asForwardingFilter(AgentForwardingFilter.of(false),
                X11ForwardingFilter.of(false), bastionOnly(lab)));
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

    /**
     * Lab hosts act as bastions: a client may open a tunnel (direct-tcpip, as OpenSSH's ProxyJump) to another lab
     * host, and to nothing else. No remote listening, no agent or X11 forwarding.
     */
    private static TcpForwardingFilter bastionOnly(Lab lab) {
        return new TcpForwardingFilter() {
            @Override
            public boolean canListen(SshdSocketAddress address, Session session) {
                return false;
            }

            @Override
            public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
                String host = address.getHostName();
                return type == Type.Direct && lab.servesPort(address.getPort())
                        && (host.equals("localhost") || host.startsWith("127."));
            }
        };
    }
}
