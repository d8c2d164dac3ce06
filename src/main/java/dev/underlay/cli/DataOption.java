package dev.underlay.cli;

import dev.underlay.db.DataFolders;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --data DIR} option every command that touches the inventory mixes in ({@code @Mixin DataOption
 * data;}), and the one way such a command opens the data folder: {@code try (CliContext ctx = data.open())}.
 */
public final class DataOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: $UNDERLAY_HOME, else the platform's user data folder).")
    private String data;

    /** The folder this command works on. */
    public Path folder() {
        Object root = mixee.root().userObject();
        String parent = root instanceof UnderlayCommand u ? u.data() : null; // a command run on its own has none
        return DataFolders.resolve(data != null ? data : parent);
    }

    /** Opens the data folder; the caller closes it. */
    public CliContext open() {
        return root().opener().open(folder());
    }

    private UnderlayCommand root() {
        return (UnderlayCommand) mixee.root().userObject();
    }
}
