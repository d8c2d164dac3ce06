package dev.underlay.inventory.io;

import dev.underlay.inventory.Credential;
import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.SecureParams;
import dev.underlay.inventory.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads JSON, CSV and Ansible inventories into an {@link ImportPlan}, and applies plans. An import is an upsert by
 * name: entities of the file are added, or merged into or replace the stored ones ({@link ImportMode}); nothing
 * is deleted. Every rule is checked over the whole result, and each broken rule is reported at the file line of
 * the entity that brought it.
 */
public final class InventoryImporter {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryImporter.class);
    private static final Pattern MACHINE_NAME = Pattern.compile("machine (\\S+)");

    private final InventoryService service;
    private final CredentialSecrets secrets;
    private final Path dataFolder;

    /** An importer without a secret store: files that carry passwords are refused. */
    public InventoryImporter(InventoryService service) {
        this(service, null);
    }

    /** An importer that hands passwords met in Ansible files to {@code secrets} when a plan is applied. */
    public InventoryImporter(InventoryService service, CredentialSecrets secrets) {
        this(service, secrets, null);
    }

    /**
     * Same, for the data folder {@code dataFolder}: a key file an export wrote as {@code $UNDERLAY_HOME/...}
     * ({@link KeyFiles}) is put back into it.
     */
    public InventoryImporter(InventoryService service, CredentialSecrets secrets, Path dataFolder) {
        this.service = service;
        this.secrets = secrets;
        this.dataFolder = dataFolder;
    }

    /** {@link #plan(Path, InventoryFormat, ImportMode)} in the default mode, {@link ImportMode#MERGE}. */
    public ImportPlan plan(Path file, InventoryFormat format) {
        return plan(file, format, ImportMode.DEFAULT);
    }

    /** Parses and checks the file against the current inventory; writes nothing. Never throws for bad input. */
    public ImportPlan plan(Path file, InventoryFormat format, ImportMode mode) {
        String name = file.toString();
        try {
            if (!Files.exists(file)) {
                return refused(name, format, new ImportProblem(name, 0, "", "no such file"));
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                return refused(name, format, new ImportProblem(name, 0, "", "not a readable file"));
            }
            Inventory current = service.inventory();
            ImportSource src = switch (format) {
                case JSON -> JsonInventoryReader.read(file);
                case CSV -> CsvMachines.read(file, current);
                case ANSIBLE -> AnsibleImport.read(file, current, secrets);
            };
            if (src.stopped) {
                new PendingSecrets(src.passwords).clear();
                return refused(name, format, src.problems.toArray(ImportProblem[]::new));
            }
            if (format == InventoryFormat.JSON) {
                src.entities.credentials.replaceAll(c -> new Credential(c.name(), c.kind(), c.username(),
                        KeyFiles.local(c.keyFile(), dataFolder), c.description()));
            } else if (format == InventoryFormat.CSV) {
                CsvReferences.complete(src, current);
            }
            new ImportMerge(mode, current).apply(src);
            // problems of single lines or fields: the rules are still checked on the rest, so that one pass
            // reports everything wrong with the file
            return compare(src, current, format, mode);
        } catch (RuntimeException e) {
            LOG.warn("import of {} failed unexpectedly", name, e);
            return refused(name, format, new ImportProblem(name, 0, "", "cannot import: an unexpected error ("
                    + e.getClass().getSimpleName() + "); the log has the details, and nothing was written"));
        }
    }

    /**
     * Applies an ok plan in one transaction, then hands its passwords to the secret store. Refuses a plan with
     * problems (IllegalArgumentException); throws InventoryValidationException when the inventory changed since
     * the plan was made so that it no longer fits.
     */
    public Inventory apply(ImportPlan plan) {
        if (!plan.ok()) {
            throw new IllegalArgumentException("the import of " + plan.file() + " was refused ("
                    + plan.problems().size() + " problems); nothing was written");
        }
        Inventory after = service.apply(plan.changes());
        if (!plan.secrets().secrets().isEmpty()) {
            plan.secrets().secrets().forEach(secrets::put);
            plan.secrets().clear();
        }
        return after;
    }

    InventoryService service() {
        return service;
    }

    private static ImportPlan refused(String file, InventoryFormat format, ImportProblem... problems) {
        return new ImportPlan(file, format, new InventoryChanges(), List.of(), List.of(), List.of(),
                List.of(problems));
    }

    private ImportPlan compare(ImportSource src, Inventory current, InventoryFormat format, ImportMode mode) {
        InventoryChanges in = src.entities;
        InventoryChanges ch = new InventoryChanges().basedOn(current);
        Diff d = new Diff(n -> SecureParams.isSecure(current, n)
                || in.paramDefinitions.stream().anyMatch(p -> p.secure() && p.name().equals(n)));
        d.run("site", in.sites, current.sites(), s -> s.name(), ch.sites);
        d.run("rack", in.racks, current.racks(), r -> r.name(), ch.racks);
        d.run("credential", in.credentials, current.credentials(), c -> c.name(), ch.credentials);
        StoredSecrets kept = new StoredSecrets(src, current, service.paramValues(),
                format == InventoryFormat.CSV || mode == ImportMode.MERGE);
        d.run("param", kept.definitions(in.paramDefinitions), current.paramDefinitions(), p -> p.name(),
                ch.paramDefinitions);
        d.run("profile", kept.profiles(in.profiles), current.profiles(), p -> p.name(), ch.profiles);
        d.run("machine", kept.machines(in.machines), current.machines(), m -> m.name(), ch.machines);
        kept.note();
        d.run("cluster", in.clusters, current.clusters(), c -> c.name(), ch.clusters);
        for (Machine m : ch.machines) {
            Machine old = current.machines().get(m.name());
            if (old != null) {
                try {
                    MachineStatus.transition(old.status(), m.status());
                } catch (IllegalStateException e) {
                    problem(src, "machine", m.name(), "status", "machine " + m.name() + ": " + e.getMessage());
                }
            }
        }
        for (Violation v : service.preview(ch).violations()) {
            problem(src, v.entity(), v.name(), v.field(), v.message());
        }
        if (!src.problems.isEmpty()) {
            new PendingSecrets(src.passwords).clear();
            return new ImportPlan(src.file, format, new InventoryChanges(), d.added, d.changed, d.unchanged,
                    src.problems, List.of(), PendingSecrets.NONE, mode, d.diffs);
        }
        return new ImportPlan(src.file, format, ch, d.added, d.changed, d.unchanged, List.of(), src.notes,
                new PendingSecrets(src.passwords), mode, d.diffs);
    }

    /** Reports a rule broken by the candidate at the line of the entity (or machine) that introduced it. */
    private static void problem(ImportSource src, String entity, String name, String field, String message) {
        ImportSource.Origin o = src.origin(entity, name);
        if (o == null) {
            Matcher m = MACHINE_NAME.matcher(message);
            while (o == null && m.find()) {
                String n = m.group(1).replaceAll("[,:;)]+$", "");
                o = src.origin("machine", n);
            }
        }
        src.problem(o == null ? 0 : o.line(field), field, message);
    }

    /** Sorts the file's entities into added / changed / unchanged, keeping only the first two as changes. */
    private static final class Diff {
        final List<String> added = new ArrayList<>();
        final List<String> changed = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<ImportDiff> diffs = new ArrayList<>();
        private final Predicate<String> secure;

        Diff(Predicate<String> secure) {
            this.secure = secure;
        }

        <T extends Record> void run(String entity, List<T> items, Map<String, T> existing, Function<T, String> name,
                     List<T> target) {
            for (T item : items) {
                String n = name.apply(item);
                T old = existing.get(n);
                if (old == null) {
                    added.add(entity + " " + n);
                    target.add(item);
                } else if (!old.equals(item)) {
                    changed.add(entity + " " + n);
                    diffs.add(ImportDiffs.of(entity, n, old, item, secure));
                    target.add(item);
                } else {
                    unchanged.add(entity + " " + n);
                }
            }
        }
    }
}
