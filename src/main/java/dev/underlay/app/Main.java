package dev.underlay.app;

import dev.underlay.cli.TerminalPrompts;
import dev.underlay.cli.UnderlayCli;

/**
 * Entry point of {@code underlay.jar}: no arguments (or only the console's {@code --data DIR} and
 * {@code --data-label NAME}) opens the console, anything
 * else runs the headless CLI. Not a JavaFX {@code Application} itself, so the jar starts from the classpath.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("jvm up, main()");
        if (StartupTrace.on()) {
            org.slf4j.LoggerFactory.getILoggerFactory(); // otherwise at the first logger, inside a later phase
            StartupTrace.mark("logging configured");
        }
        if (isConsole(args)) {
            UnderlayApp.launch(ExitGuard.install(System.err), args);
        } else {
            TerminalPrompts terminal = TerminalPrompts.system();
            AppContext.Prompts prompts = new AppContext.Prompts(terminal, terminal);
            ExitGuard guard = ExitGuard.install(System.err);
            int status = UnderlayCli.run(args, System.out, System.err, folder -> {
                StartupTrace.mark("command line parsed");
                return guard.watch(() -> AppContext.open(folder, false, Runnable::run, prompts));
            });
            StartupTrace.mark("command done");
            System.exit(status);
        }
    }

    static boolean isConsole(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--data=") || a.startsWith("--data-label=")) {
                continue;
            }
            if ((a.equals("--data") || a.equals("--data-label")) && i + 1 < args.length) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }
}
