package dev.underlay.app;

import dev.underlay.cli.TerminalPrompts;
import dev.underlay.cli.UnderlayCli;
import javafx.application.Application;

/**
 * Entry point of {@code underlay.jar}: no arguments (or only {@code --data DIR}) opens the console, anything
 * else runs the headless CLI. Not a JavaFX {@code Application} itself, so the jar starts from the classpath.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (isConsole(args)) {
            Application.launch(UnderlayApp.class, args);
        } else {
            TerminalPrompts terminal = TerminalPrompts.system();
            AppContext.Prompts prompts = new AppContext.Prompts(terminal, terminal);
            System.exit(UnderlayCli.run(args, System.out, System.err,
                    folder -> AppContext.open(folder, false, Runnable::run, prompts)));
        }
    }

    static boolean isConsole(String[] args) {
        return args.length == 0 || (args.length == 2 && args[0].equals("--data")) || (args.length == 1
                && args[0].startsWith("--data="));
    }
}
