package dev.underlay.ssh;

import dev.underlay.ssh.knownhosts.KnownHostsFile;
import dev.underlay.ssh.knownhosts.KnownHostsMarker;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;

/** Reads an OpenSSH known_hosts file with the parser and imports its entries into the host key store. */
public final class KnownHostsFileImport {
    private KnownHostsFileImport() {
    }

    /**
     * Parses {@code file} and imports its well-formed entries; malformed lines become rejected notes of the report.
     *
     * @param inventory every machine's endpoint, to match hashed and wildcard entries
     */
    public static KnownHostsImport.Report run(HostKeyStore store, Path file, Collection<Endpoint> inventory)
            throws IOException {
        KnownHostsFile parsed = KnownHostsFile.parse(file);
        List<KnownHostsEntry> entries = parsed.entries().stream().map(KnownHostsFileImport::adapt).toList();
        List<KnownHostsImport.Rejected> rejected = parsed.problems().stream()
                .map(p -> new KnownHostsImport.Rejected(p.lineNumber(), p.message())).toList();
        return new KnownHostsImport(store).run(parsed.source(), entries, rejected, inventory);
    }

    private static KnownHostsEntry adapt(dev.underlay.ssh.knownhosts.KnownHostsEntry e) {
        KnownHostsEntry.Marker marker = e.marker() == KnownHostsMarker.REVOKED ? KnownHostsEntry.Marker.REVOKED
                : e.marker() == KnownHostsMarker.CERT_AUTHORITY ? KnownHostsEntry.Marker.CERT_AUTHORITY
                : KnownHostsEntry.Marker.NONE;
        return new KnownHostsEntry() {
            @Override
            public int line() {
                return e.lineNumber();
            }

            @Override
            public List<String> hostPatterns() {
                return e.isHashed() ? List.of(e.hostField()) : e.hostPatterns();
            }

            @Override
            public boolean hashed() {
                return e.isHashed();
            }

            @Override
            public boolean matches(String host, int port) {
                return e.matches(host, port);
            }

            @Override
            public PublicKey key() {
                return e.publicKey();
            }

            @Override
            public Marker marker() {
                return marker;
            }
        };
    }
}
