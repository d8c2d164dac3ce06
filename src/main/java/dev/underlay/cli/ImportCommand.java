package dev.underlay.cli;

import dev.underlay.inventory.io.ImportDiff;
import dev.underlay.inventory.io.ImportMode;
import dev.underlay.inventory.io.ImportPlan;
import dev.underlay.inventory.io.ImportProblem;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.inventory.io.InventoryImporter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code underlay import FILE [--format json|csv|ansible|known_hosts] [--merge|--replace] [--dry-run]}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Adds or updates inventory entities from a file, by name; nothing is deleted.",
            "A record that exists is merged into (the default) or replaced (--replace).",
            "The dry run shows each changed field's old and new value and warns about",
            "every param, tag or member that would go.",
            "All or nothing: any problem refuses the whole file, reported as",
            "file:line: field: message.",
            "An OpenSSH known_hosts file adds trusted host keys instead and revokes its",
            "@revoked keys; a key that differs from a stored one, or from another in the",
            "file, is never imported (a conflict, exit 1)."})
final class ImportCommand implements Callable<Integer> {
    /** A real import lists names up to this many, counts beyond; a dry run lists them all. */
    private static final int LISTED = 20;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    private Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, csv (machines), ansible (INI or YAML) or known_hosts (host keys); guessed from "
                    + "the file name when left out (known_hosts* is a known_hosts file).")
    private String format;

    @Option(names = "--dry-run", description = "Show what would be added and changed, field by field; write nothing.")
    private boolean dryRun;

    @Option(names = "--merge", description = "The default: the file's values win; params, tags, profiles and "
            + "members it does not list are kept.")
    private boolean merge;

    @Option(names = "--replace", description = "Each record the file names becomes what it says: params, tags, "
            + "profiles and members it does not list are removed.")
    private boolean replace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean knownHosts = Formats.isKnownHosts(format, file);
        InventoryFormat f = knownHosts ? null : Formats.forImport(format, file);
        if (!Files.isRegularFile(file)) {
            throw new CliException("cannot read " + file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
        }
        if (merge && replace) {
            throw new CliException("--merge and --replace exclude each other; give one (merge is the default)",
                    UnderlayCli.USAGE);
        }
        ImportMode mode = replace ? ImportMode.REPLACE : ImportMode.MERGE;
        if (knownHosts) {
            if (merge || replace) {
                throw new CliException("--merge and --replace are for inventory files; a known_hosts import adds "
                        + "new keys and revokes @revoked ones, and never replaces a stored key", UnderlayCli.USAGE);
            }
            if (dryRun) {
                throw new CliException("--dry-run is not available for known_hosts files (their import adds new "
                        + "keys and revokes @revoked ones; it never replaces a stored key)", UnderlayCli.USAGE);
            }
            try (CliContext ctx = data.open()) {
                return KnownHostsImportOutput.run(ctx, file, out);
            }
        }
        try (CliContext ctx = data.open()) {
            InventoryImporter importer = new InventoryImporter(ctx.inventory(), ctx.secrets().orElse(null),
                    ctx.dataFolder());
            ImportPlan plan = importer.plan(file, f, mode);
            if (!plan.ok()) {
                for (ImportProblem p : plan.problems()) {
                    err.println(p);
                }
                int n = plan.problems().size();
                throw new CliException("import of " + file + " refused (" + n + (n == 1 ? " problem" : " problems")
                        + "); nothing was written");
            }
            out.println(file + " (" + f.id() + ", " + (mode == ImportMode.MERGE ? "merged into" : "replacing")
                    + " existing records): " + plan.summary());
            boolean all = dryRun || plan.added().size() + plan.changed().size() <= LISTED;
            if (all) {
                plan.added().forEach(a -> out.println("  + " + a));
                for (ImportDiff d : plan.diffs()) {
                    out.println("  ~ " + d.label());
                    d.changes().forEach(c -> out.println("      " + c.text()));
                }
            } else {
                out.println("  + " + countByKind(plan.added()));
                if (!plan.changed().isEmpty()) {
                    out.println("  ~ " + countByKind(plan.changed()) + " (--dry-run lists every changed field)");
                }
            }
            List<String> warnings = plan.warnings();
            warnings.stream().limit(all ? warnings.size() : LISTED).forEach(w -> out.println("warning: " + w));
            if (warnings.size() > LISTED && !all) {
                out.println("warning: ... and " + (warnings.size() - LISTED) + " more records would lose params, "
                        + "tags or members (--dry-run lists them)");
            }
            plan.notes().forEach(n -> out.println("note: " + n));
            if (!plan.secrets().credentials().isEmpty()) {
                out.println("note: passwords of " + String.join(", ", plan.secrets().credentials())
                        + " go to the secret store, never into the inventory");
            }
            if (dryRun) {
                plan.secrets().clear();
                out.println("dry run: nothing written");
                return UnderlayCli.OK;
            }
            out.println("writing " + (plan.added().size() + plan.changed().size()) + " changes...");
            out.flush(); // a large write takes seconds: say what is happening before it starts
            importer.apply(plan);
            out.println("imported into " + ctx.dataFolder() + ": " + plan.done());
            return UnderlayCli.OK;
        }
    }

    /** "3 sites, 2500 racks, 100000 machines" from lines such as "machine m1". */
    private static String countByKind(List<String> names) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String n : names) {
            counts.merge(n.substring(0, Math.max(0, n.indexOf(' '))), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((kind, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(c).append(' ').append(kind)
                .append(c == 1 ? "" : "s"));
        return sb.toString();
    }
}
