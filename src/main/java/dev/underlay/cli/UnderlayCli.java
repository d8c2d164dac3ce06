package dev.underlay.cli;

import dev.underlay.db.DatabaseException;
import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.inventory.QueryException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The headless command line, on the same services as the console. */
public final class UnderlayCli {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private UnderlayCli() {
    }

    /**
     * Runs one command and returns the process exit code: 0 done, 1 failed (one line {@code underlay: ...} on
     * {@code err}), 2 wrong usage.
     *
     * @param opener opens a data folder; {@code app.Main} passes one built on AppContext
     */
    public static int run(String[] args, PrintStream out, PrintStream err, CliContext.Opener opener) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
        try {
            return commandLine(opener, o, e, commandWord(args)).execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /**
     * The commands by name, in the order help lists them. picocli builds a command's model by reflection over it
     * and its options' types (a third of a second of CPU for all of them, Jackson's classes among them), so
     * {@link #run} builds only the one named on the command line, and all of them when none is (help, a typo).
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("import", ImportCommand.class);
        m.put("export", ExportCommand.class);
        m.put("machines", MachinesCommand.class);
        m.put("exec", ExecCommand.class);
        m.put("hostkeys", HostKeysCommand.class);
        m.put("lab", LabCommand.class);
        m.put("content", ContentCommand.class);
        m.put("params", ParamsCommand.class);
        m.put("render", RenderCommand.class);
        m.put("run", RunCommand.class);
        m.put("jobs", JobsCommands.Jobs.class);
        m.put("logs", JobsCommands.Logs.class);
        m.put("rerun", JobsCommands.Rerun.class);
        m.put("facts", FactsCommands.Facts.class);
        m.put("health", FactsCommands.Health.class);
        m.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /**
     * The command word of {@code args} (the first argument that is not the root's {@code --data DIR}) when it names
     * a command other than {@code help} (which needs the others), else {@code null}.
     */
    static String commandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data")) {
                i++;
            } else if (!a.startsWith("--data=")) {
                return COMMANDS.containsKey(a) && !a.equals("help") ? a : null;
            }
        }
        return null;
    }

    /** The configured picocli command line; public so tests and tools can inspect the command tree. */
    public static CommandLine commandLine(CliContext.Opener opener, PrintWriter out, PrintWriter err) {
        return commandLine(opener, out, err, null);
    }

    /** The command line with only the command {@code only} ({@code null}: all of them). */
    static CommandLine commandLine(CliContext.Opener opener, PrintWriter out, PrintWriter err, String only) {
        CommandLine cl = new CommandLine(new UnderlayCommand(opener));
        COMMANDS.forEach((name, type) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, type);
            }
        });
        // `exec --on all uname -a`: everything after the command's first word belongs to the remote command
        if (cl.getSubcommands().containsKey("exec")) {
            cl.getSubcommands().get("exec").setStopAtPositional(true);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("underlay: " + message(ex));
            return ex instanceof CliException c ? c.exitCode() : FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine at = ex.getCommandLine();
            at.getErr().println("underlay: " + usageMessage(ex) + " (see '" + at.getCommandSpec().qualifiedName()
                    + " --help')");
            return USAGE;
        });
        return cl;
    }

    /**
     * A usage error in words: a mistyped command or option names what was meant ({@code unknown command 'imprt';
     * did you mean 'import'?}) instead of picocli's "Unmatched arguments from index 0".
     */
    static String usageMessage(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean option = first.startsWith("-");
            boolean hasSubcommands = !ex.getCommandLine().getSubcommands().isEmpty();
            String what = option ? "unknown option '" + first + "'"
                    : hasSubcommands ? "unknown command '" + first + "'" : "unexpected argument '" + first + "'";
            java.util.List<String> suggestions = u.getSuggestions().stream().filter(s -> !s.equals(first))
                    .filter(s -> close(first, s)).limit(3).toList();
            if (!suggestions.isEmpty()) {
                what += "; did you mean " + String.join(" or ", suggestions.stream().map(s -> "'" + s + "'")
                        .toList()) + "?";
            } else if (hasSubcommands && !option) {
                what += "; commands are " + String.join(", ", ex.getCommandLine().getSubcommands().keySet());
            }
            return what;
        }
        return ex.getMessage();
    }

    /**
     * A suggestion only when it is a plausible typo of what was typed (picocli offers anything sharing a letter:
     * 'jobs' for 'frobnicate'): at most two edits, or a third of the word's length for long words.
     */
    static boolean close(String typed, String candidate) {
        String a = typed.replaceFirst("^-+", "");
        String b = candidate.replaceFirst("^-+", "");
        if (b.startsWith(a) && !a.isEmpty()) {
            return true; // an abbreviation: 'cont' for 'content'
        }
        return editDistance(a, b) <= Math.max(2, Math.max(a.length(), b.length()) / 3);
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** One sentence for an error; messages of our own exceptions already are one. */
    static String message(Exception ex) {
        if (ex instanceof CliException || ex instanceof DatabaseException) {
            return ex.getMessage();
        }
        if (ex instanceof QueryException) {
            return "bad query: " + ex.getMessage();
        }
        if (ex instanceof InventoryValidationException v) {
            return "the change breaks inventory rules: " + v.getMessage();
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return "input/output error: " + ex.getMessage();
        }
        return "unexpected error: " + ex;
    }
}
