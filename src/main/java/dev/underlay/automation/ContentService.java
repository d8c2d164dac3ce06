package dev.underlay.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.automation.content.ContentIndex;
import dev.underlay.automation.content.ContentPack;
import dev.underlay.automation.content.ContentRules;
import dev.underlay.automation.content.ContentStore;
import dev.underlay.automation.content.ContentViolation;
import dev.underlay.automation.io.PackFile;
import dev.underlay.automation.io.PackImportException;
import dev.underlay.automation.io.PackReader;
import dev.underlay.automation.io.PackWriter;
import dev.underlay.automation.template.TemplateProblem;
import dev.underlay.automation.template.Templates;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.SecureParams;
import dev.underlay.inventory.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Content packs: import (all or nothing: every problem as {@code file:line: field: message}), export, list, and
 * the packs bundled in {@code underlay.jar}. A pack's params and profiles go into the inventory, checked by its
 * rules (schemas included) and sealed where secure; its tasks, stages and workflows into the {@link ContentStore}.
 * An installed pack is replaced, by a newer or any other version, only when the caller asks ({@code --replace}).
 */
public final class ContentService {
    /** The bundled packs, in the order a first start installs them. */
    public static final List<String> BUNDLED = List.of("facts", "health", "baseline", "kubernetes", "rolling-reboot");

    private final ContentStore store;
    private final InventoryService inventory;
    private final Templates templates;
    private volatile ContentIndex index;

    public ContentService(ContentStore store, InventoryService inventory, Templates templates) {
        this.store = store;
        this.inventory = inventory;
        this.templates = templates;
    }

    /**
     * What is installed now. Read on first use, not when the data folder opens: most commands (`machines`,
     * `exec`, `import`) never look at content, and every start would pay for reading it.
     */
    public ContentIndex index() {
        ContentIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    index = i = new ContentIndex(store.packs());
                }
            }
        }
        return i;
    }

    public Templates templates() {
        return templates;
    }

    /**
     * What {@link #install} did.
     *
     * @param replaced the pack it replaced, or null
     * @param notes    things a person should know, such as an inventory param definition that was kept
     */
    public record Installed(ContentPack pack, ContentPack replaced, List<String> notes) {
        public Installed {
            notes = List.copyOf(notes);
        }
    }

    /** Reads and installs a pack file's text; see {@link #install(PackFile, boolean)}. */
    public Installed importText(String file, String text, boolean replace) {
        return install(PackReader.read(file, new StringReader(text)), replace);
    }

    /**
     * Installs a pack read from a file, or refuses it whole with every problem found, nothing written.
     *
     * @throws PackImportException with the problems, each naming the file and line
     */
    public synchronized Installed install(PackFile file, boolean replace) {
        ContentPack pack = file.pack();
        ContentIndex installed = index();
        ContentPack old = installed.packs().get(pack.name());
        Inventory inv = inventory.inventory();
        List<String> problems = new ArrayList<>();
        if (old != null && !replace) {
            problems.add(file.locate("pack", pack.name(), "version", versionMessage(old, pack)));
        }
        for (ContentViolation v : ContentRules.check(pack, installed, inv, this::syntax)) {
            problems.add(file.locate(v));
        }
        List<String> notes = new ArrayList<>();
        InventoryChanges ch = changes(pack, old, inv, file, problems, notes);
        if (!ch.isEmpty()) {
            for (Violation v : inventory.preview(ch).violations()) {
                problems.add(file.locate(v.entity(), v.name(), v.field(), v.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PackImportException(byLine(file.file(), problems));
        }
        if (!ch.isEmpty()) {
            try {
                inventory.apply(ch); // seals secure values; a secure value its schema refuses is refused here
            } catch (InventoryValidationException e) {
                throw new PackImportException(byLine(file.file(), e.violations().stream()
                        .map(v -> file.locate(v.entity(), v.name(), v.field(), v.message())).toList()));
            }
        }
        store.install(masked(pack, inventory.inventory()));
        index = new ContentIndex(store.packs());
        return new Installed(index.packs().get(pack.name()), old, notes);
    }

    /** Removes an installed pack's tasks, stages and workflows; its profiles and params stay in the inventory. */
    public synchronized boolean remove(String name) {
        boolean removed = store.remove(name);
        index = new ContentIndex(store.packs());
        return removed;
    }

    /**
     * Removes pack {@code name} (of {@code version} when not null), refusing while a job in {@code running} (their
     * plan names: workflows or tasks) uses it, or while another installed pack names it as a prerequisite.
     *
     * @return what was removed, in words
     * @throws IllegalArgumentException naming why nothing was removed
     */
    public synchronized String remove(String name, String version, java.util.Collection<String> running) {
        ContentPack p = index().packs().get(name);
        if (p == null) {
            throw new IllegalArgumentException("no content pack named " + name + " is installed");
        }
        if (version != null && !version.equals(p.version())) {
            throw new IllegalArgumentException("content pack " + p.title() + " is installed, not " + version
                    + ": nothing removed");
        }
        List<String> needs = index().packs().values().stream().filter(o -> o.prerequisites().contains(name))
                .map(ContentPack::name).sorted().toList();
        if (!needs.isEmpty()) {
            throw new IllegalArgumentException("content pack " + name + " is a prerequisite of " + String.join(", ",
                    needs) + ": remove " + (needs.size() == 1 ? "it" : "them") + " first; nothing removed");
        }
        List<String> used = running.stream().filter(n -> p.workflows().stream().anyMatch(w -> w.name().equals(n))
                || p.tasks().stream().anyMatch(t -> t.name().equals(n))).distinct().sorted().toList();
        if (!used.isEmpty()) {
            throw new IllegalArgumentException("a running job uses content pack " + name + " (" + String.join(", ",
                    used) + "): let it end or cancel it first; nothing removed");
        }
        remove(name);
        return "removed content pack " + p.title() + ": " + p.tasks().size() + " tasks, " + p.stages().size()
                + " stages, " + p.workflows().size() + " workflows (its params and profiles stay in the inventory)";
    }

    /** The installed pack as YAML; secure values are the mask, as in every export. */
    public String export(String name) {
        ContentPack p = index().packs().get(name);
        if (p == null) {
            throw new IllegalArgumentException("no content pack named " + name + " is installed");
        }
        return PackWriter.write(p);
    }

    /** A bundled pack, read from the jar. */
    public PackFile bundled(String name) {
        String resource = "/content/" + name + ".yaml";
        try (InputStream in = ContentService.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled content pack named " + name + " (bundled: "
                        + String.join(", ", BUNDLED) + ")");
            }
            return PackReader.read(name + ".yaml", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled content pack " + name + ": " + e.getMessage(), e);
        }
    }

    private String syntax(String text) {
        try {
            templates.check(text);
            return null;
        } catch (TemplateProblem e) {
            return e.getMessage();
        }
    }

    /**
     * The pack's params and profiles as inventory changes. A param definition of the same name that this pack (in
     * an earlier version) did not bring is kept as the inventory has it (the inventory's own definition wins, and a
     * note says so); a profile of the same name refuses the pack, since machines may be using it.
     */
    private static InventoryChanges changes(ContentPack pack, ContentPack old, Inventory inv, PackFile file,
                                            List<String> problems, List<String> notes) {
        InventoryChanges ch = new InventoryChanges();
        for (ParamDefinition d : pack.params()) {
            ParamDefinition have = inv.paramDefinitions().get(d.name());
            boolean ours = old != null && old.params().stream().anyMatch(x -> x.name().equals(d.name()));
            if (have != null && !ours && !sameDefinition(have, d)) {
                notes.add("param " + d.name() + ": kept the inventory's own definition (content pack " + pack.name()
                        + " defines it differently)");
            } else if (have == null || !sameDefinition(have, d)) {
                ch.paramDefinitions.add(d);
            }
        }
        for (Profile p : pack.profiles()) {
            Profile have = inv.profiles().get(p.name());
            boolean ours = old != null && old.profiles().stream().anyMatch(x -> x.name().equals(p.name()));
            if (have != null && !ours) {
                problems.add(file.locate("profile", p.name(), "profiles", "profile " + p.name() + " already exists "
                        + "in the inventory and does not come from content pack " + pack.name()
                        + "; rename one of them"));
            } else if (!p.equals(have)) {
                ch.profiles.add(p);
            }
        }
        return ch;
    }

    private static boolean sameDefinition(ParamDefinition a, ParamDefinition b) {
        return Objects.equals(a.schema(), b.schema()) && a.secure() == b.secure()
                && (Objects.equals(a.defaultValue(), b.defaultValue()) || SecureParams.isSealed(a.defaultValue()));
    }

    /** The pack as stored: secure values (in profiles, as defaults) are the mask; the inventory holds them sealed. */
    private static ContentPack masked(ContentPack p, Inventory inv) {
        List<ParamDefinition> params = p.params().stream().map(d -> d.defaultValue() != null
                && (d.secure() || SecureParams.isSecure(inv, d.name())) ? new ParamDefinition(d.name(), d.schema(),
                SecureParams.SEALED, d.description(), d.secure()) : d).toList();
        List<Profile> profiles = p.profiles().stream().map(pr -> {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            pr.params().forEach((k, v) -> values.put(k, SecureParams.isSecure(inv, k) ? SecureParams.SEALED : v));
            return new Profile(pr.name(), pr.description(), pr.includes(), values);
        }).toList();
        return new ContentPack(p.name(), p.version(), p.description(), p.prerequisites(), params, profiles,
                p.tasks(), p.stages(), p.workflows());
    }

    static String versionMessage(ContentPack installed, ContentPack incoming) {
        int c = compareVersions(incoming.version(), installed.version());
        String what = c > 0 ? "a newer version" : c < 0 ? "an older version" : "the same version";
        return "content pack " + installed.name() + " " + installed.version() + " is installed; " + incoming.version()
                + " is " + what + " and replaces it only when asked (--replace)";
    }

    /** Compares dotted versions part by part, numerically where both parts are numbers ({@code 1.10 > 1.9}). */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d{1,9}") && q.matches("\\d{1,9}") ? Integer.compare(Integer.parseInt(p),
                    Integer.parseInt(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<String> byLine(String file, List<String> problems) {
        int from = file.length() + 1;
        return problems.stream().distinct().sorted(Comparator.comparingInt(s -> {
            int end = s.indexOf(':', from);
            try {
                return Integer.parseInt(s.substring(from, end));
            } catch (RuntimeException e) {
                return 0;
            }
        })).toList();
    }
}
