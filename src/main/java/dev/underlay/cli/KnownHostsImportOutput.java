package dev.underlay.cli;

import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.ssh.KnownHostsImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** {@code underlay import --format known_hosts FILE}: host keys into the store, conflicts never overwritten. */
final class KnownHostsImportOutput {
    private KnownHostsImportOutput() {
    }

    static int run(CliContext ctx, Path file, PrintWriter out) {
        List<Endpoint> endpoints = List.copyOf(
                HostKeysCommand.endpoints(ctx.inventory().inventory().machines().values()).keySet());
        KnownHostsImport.Report r;
        try {
            r = KnownHostsFileImport.run(ctx.hostKeys(), file, endpoints);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(file + " (known_hosts): " + r.added() + " added, " + r.known() + " already known, "
                + r.conflicts() + (r.conflicts() == 1 ? " conflict, " : " conflicts, ") + r.unmatched()
                + " unmatched, " + r.skipped() + " skipped");
        r.notes().forEach(n -> out.println("note: " + n));
        if (r.conflicts() > 0) {
            out.println("note: the inventory's keys were kept; if a machine was reinstalled, check its new key, then "
                    + "'underlay hostkeys forget --on name:HOST' and import again");
        }
        if (r.unmatched() > 0) {
            out.println("note: " + r.unmatched() + (r.unmatched() == 1 ? " hashed or wildcard entry matches"
                    : " hashed or wildcard entries match") + " no machine of the inventory; import the machines "
                    + "first to match them");
        }
        out.println("imported into " + ctx.dataFolder());
        return UnderlayCli.OK;
    }
}
