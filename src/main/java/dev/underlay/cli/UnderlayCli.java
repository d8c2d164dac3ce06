package dev.underlay.cli;

import java.io.PrintStream;

/** The headless command line, on the same services as the console. */
public final class UnderlayCli {
    private UnderlayCli() {
    }

    /** Runs one command and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("underlay: no commands yet");
        return 2;
    }
}
