package dev.underlay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code underlay} command. Each subcommand is its own class listed here; it mixes in
 * {@link DataOption} to open the data folder and writes through {@code spec.commandLine().getOut()/getErr()}.
 */
@Command(name = "underlay", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Underlay: inventory and automation for racks and clouds. Without a command, "
                + "'underlay' opens the console.",
        subcommands = {ImportCommand.class, ExportCommand.class, MachinesCommand.class, ExecCommand.class,
                HostKeysCommand.class, LabCommand.class, ContentCommand.class, ParamsCommand.class,
                RenderCommand.class, RunCommand.class, JobsCommands.Jobs.class, JobsCommands.Logs.class,
                JobsCommands.Rerun.class, FactsCommands.Facts.class, FactsCommands.Health.class,
                CommandLine.HelpCommand.class})
public final class UnderlayCommand implements Runnable {
    private final CliContext.Opener opener;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder for the command that follows.")
    private String data;

    UnderlayCommand(CliContext.Opener opener) {
        this.opener = opener;
    }

    CliContext.Opener opener() {
        return opener;
    }

    String data() {
        return data;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (import, export, machines, "
                + "exec, hostkeys, lab, content, params, render, run, jobs, logs, rerun)");
    }
}
