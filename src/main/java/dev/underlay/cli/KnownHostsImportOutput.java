package dev.underlay.cli;

import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.ssh.KnownHostsImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code underlay import --format known_hosts FILE}: host keys into the store, conflicts never overwritten. Exits
 * non-zero with a one-line summary when there was a conflict or nothing of the file could be stored; otherwise
 * the counts and notes say what was imported and what not.
 */
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
        out.println(file + " (known_hosts): " + r.summary());
        r.notes().forEach(out::println);
        if (r.conflicts() > 0) {
            out.println("note: the inventory's keys were kept; if a machine was reinstalled, check its new key, then "
                    + "'underlay hostkeys forget --on name:HOST' and import again");
        }
        if (r.unmatched() > 0) {
            out.println("note: " + r.unmatched() + (r.unmatched() == 1 ? " hashed or wildcard entry matches"
                    : " hashed or wildcard entries match") + " no machine of the inventory; import the machines "
                    + "first to match them");
        }
        out.flush();
        if (r.failed()) {
            throw new CliException(failure(file, r));
        }
        int notImported = r.conflicts() + r.unmatched() + r.skipped() + r.rejected();
        out.println("imported into " + ctx.dataFolder() + (notImported == 0 ? ""
                : "; " + notImported + " not imported (listed above)"));
        return UnderlayCli.OK;
    }

    /** The one line saying why the import failed, and what it did all the same. */
    private static String failure(Path file, KnownHostsImport.Report r) {
        List<String> why = new ArrayList<>();
        if (r.conflicts() > 0) {
            why.add(r.conflicts() + (r.conflicts() == 1 ? " conflict" : " conflicts"));
        }
        if (r.rejected() > 0) {
            why.add(r.rejected() + (r.rejected() == 1 ? " line rejected" : " lines rejected"));
        }
        if (r.unmatched() > 0) {
            why.add(r.unmatched() + " unmatched");
        }
        if (r.skipped() > 0) {
            why.add(r.skipped() + " skipped");
        }
        int stored = r.added() + r.revoked();
        String done = stored == 0 && r.known() == 0 ? "nothing was imported"
                : r.added() + " added and " + r.revoked() + " revoked, the conflicting keys not imported";
        if (why.isEmpty()) {
            return "known_hosts import of " + file + ": the file has no host key lines; nothing was imported";
        }
        return "known_hosts import of " + file + " failed (" + String.join(", ", why) + "): " + done;
    }
}
