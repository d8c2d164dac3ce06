package dev.underlay.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underlay.automation.ContentService;
import dev.underlay.automation.content.ContentPack;
import dev.underlay.automation.io.PackFile;
import dev.underlay.automation.io.PackImportException;
import dev.underlay.automation.io.PackReader;
import dev.underlay.inventory.InventoryValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code underlay content import|export|list}: automation content packs. */
@Command(name = "content", mixinStandardHelpOptions = true,
        description = "Automation content packs (tasks, stages, workflows, their params and profiles).",
        subcommands = {ContentCommand.Import.class, ContentCommand.Export.class, ContentCommand.ListPacks.class,
            ContentCommand.Remove.class})
final class ContentCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (import, export, list)");
    }

    /** {@code content import FILE... [--bundled NAME|all] [--replace]}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Installs content packs from YAML files, or the packs bundled with Underlay.",
                "Each pack is all or nothing: problems are listed as file:line: field: message.",
                "An installed pack is replaced (by a newer or any other version) only with --replace."})
    static final class Import implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Content pack files (YAML).")
        private List<Path> files = new ArrayList<>();

        @Option(names = "--bundled", paramLabel = "NAME", split = ",",
                description = "Bundled packs to install (facts, health, baseline, kubernetes, rolling-reboot), "
                        + "or all.")
        private List<String> bundled = new ArrayList<>();

        @Option(names = "--replace", description = "Replace installed packs of the same name.")
        private boolean replace;

        @Override
        public Integer call() {
            if (files.isEmpty() && bundled.isEmpty()) {
                throw new CliException("give content pack files, or --bundled NAME|all", UnderlayCli.USAGE);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (CliContext ctx = data.open()) {
                ContentService content = ctx.content();
                List<PackFile> packs = new ArrayList<>();
                for (String b : bundled) {
                    for (String n : b.equals("all") ? ContentService.BUNDLED : List.of(b)) {
                        packs.add(bundledPack(content, n));
                    }
                }
                for (Path f : files) {
                    packs.add(read(f));
                }
                for (PackFile p : packs) {
                    try {
                        ContentService.Installed done = content.install(p, replace);
                        ContentPack pack = done.pack();
                        out.println((done.replaced() == null ? "installed " : "replaced " + done.replaced().title()
                                + " by ") + pack.title() + ": " + count(pack.tasks().size(), "task") + ", "
                                + count(pack.stages().size(), "stage") + ", " + count(pack.workflows().size(),
                                "workflow") + ", " + count(pack.profiles().size(), "profile") + ", "
                                + count(pack.params().size(), "param"));
                        done.notes().forEach(n -> out.println("note: " + n));
                    } catch (PackImportException e) {
                        throw new CliException("content pack " + p.pack().name() + " refused, nothing written: "
                                + e.getMessage());
                    } catch (InventoryValidationException e) {
                        throw new CliException("content pack " + p.pack().name() + " refused: " + e.getMessage());
                    }
                }
                return UnderlayCli.OK;
            }
        }

        private static PackFile bundledPack(ContentService content, String name) {
            try {
                return content.bundled(name);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), UnderlayCli.USAGE);
            } catch (PackImportException e) {
                throw new CliException("bundled content pack " + name + " cannot be read: " + e.getMessage());
            }
        }

        private static PackFile read(Path f) {
            String text;
            try {
                text = Files.readString(f);
            } catch (CharacterCodingException e) {
                throw new CliException(f + ": not UTF-8 text");
            } catch (IOException e) {
                throw new CliException("cannot read " + f + ": " + e.getMessage());
            }
            try {
                return PackReader.read(f.toString(), new StringReader(text));
            } catch (PackImportException e) {
                throw new CliException("content pack refused, nothing written: " + e.getMessage());
            }
        }
    }

    /** {@code content export NAME FILE}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes an installed pack as YAML (secure values as ********).")
    static final class Export implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "NAME", description = "The installed pack.")
        private String name;

        @Parameters(index = "1", paramLabel = "FILE", description = "The file to write; - for standard output.")
        private String file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (CliContext ctx = data.open()) {
                String yaml;
                try {
                    yaml = ctx.content().export(name);
                } catch (IllegalArgumentException e) {
                    throw new CliException(e.getMessage());
                }
                if (file.equals("-")) {
                    out.print(yaml);
                } else {
                    Files.writeString(Path.of(file), yaml);
                    out.println("exported content pack " + ctx.content().index().packs().get(name).title() + " to "
                            + file);
                }
                return UnderlayCli.OK;
            }
        }
    }

    /** {@code content remove NAME [--version V]}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Removes an installed pack's tasks, stages and workflows (its params and profiles stay).",
                "Refused while a running job uses it or another installed pack needs it."})
    static final class Remove implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "NAME", description = "The installed pack.")
        private String name;

        @picocli.CommandLine.Option(names = "--version", paramLabel = "V",
                description = "Remove it only when this version is installed.")
        private String version;

        @Override
        public Integer call() {
            try (CliContext ctx = data.open()) {
                List<String> running = ctx.jobs().unendedPlanNames();
                try {
                    spec.commandLine().getOut().println(ctx.content().remove(name, version, running));
                } catch (IllegalArgumentException e) {
                    throw new CliException(e.getMessage());
                }
                return UnderlayCli.OK;
            }
        }
    }

    /** {@code content list [--json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the installed packs.")
    static final class ListPacks implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        private boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CliContext ctx = data.open()) {
                var packs = ctx.content().index().packs().values();
                if (json) {
                    ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                    for (ContentPack p : packs) {
                        ObjectNode o = arr.addObject();
                        o.put("name", p.name());
                        o.put("version", p.version());
                        o.put("description", p.description());
                        p.workflows().forEach(w -> o.withArray("workflows").add(w.name()));
                        p.stages().forEach(s -> o.withArray("stages").add(s.name()));
                        p.tasks().forEach(t -> o.withArray("tasks").add(t.name()));
                    }
                    out.println(arr.toPrettyString());
                    return UnderlayCli.OK;
                }
                TextTable t = new TextTable("PACK", "VERSION", "WORKFLOWS", "STAGES", "TASKS", "DESCRIPTION");
                for (ContentPack p : packs) {
                    t.row(p.name(), p.version(), String.join(",", p.workflows().stream().map(w -> w.name()).toList()),
                            String.valueOf(p.stages().size()), String.valueOf(p.tasks().size()), p.description());
                }
                t.print(out);
                out.println(count(packs.size(), "content pack"));
                return UnderlayCli.OK;
            }
        }
    }

    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
