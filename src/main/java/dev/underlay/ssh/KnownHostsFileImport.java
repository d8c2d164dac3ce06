package dev.underlay.ssh;

import dev.underlay.ssh.knownhosts.KnownHostsFile;
import dev.underlay.ssh.knownhosts.KnownHostsMarker;
import dev.underlay.ssh.knownhosts.KnownHostsProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads an OpenSSH known_hosts file with the parser and imports its entries into the host key store. */
public final class KnownHostsFileImport {
    private KnownHostsFileImport() {
    }

    /**
     * Parses {@code file} and imports every well-formed entry; malformed lines become notes of the report.
     *
     * @param inventory every machine's endpoint, to match hashed and wildcard entries
     */
    public static KnownHostsImport.Report run(HostKeyStore store, Path file, Collection<Endpoint> inventory)
            throws IOException {
        KnownHostsFile parsed = KnownHostsFile.parse(file);
        List<KnownHostsEntry> entries = parsed.entries().stream().map(KnownHostsFileImport::adapt).toList();
        KnownHostsImport.Report r = new KnownHostsImport(store).run(parsed.source(), entries, inventory);
        if (parsed.problems().isEmpty()) {
            return r;
        }
        List<String> notes = new ArrayList<>(r.notes());
        for (KnownHostsProblem p : parsed.problems()) {
            notes.add(p.toString());
        }
        return new KnownHostsImport.Report(r.added(), r.known(), r.conflicts(), r.unmatched(),
                r.skipped() + parsed.problems().size(), notes);
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
