package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help, as {@code underlay CMD --help} prints it, renders without picocli's own warnings: a bare
 * {@code %} in a description ("N% of them") made picocli print "[picocli WARN] Could not format ..." three times
 * above the help of {@code underlay run}.
 */
class CliHelpTest {
    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        CommandLine root = UnderlayCli.commandLine(folder -> {
            throw new AssertionError("help opens no data folder");
        }, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        assertTrue(all.size() > 10, "the tree has its commands: " + all.size());
        PrintStream was = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> empty = new ArrayList<>();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (CommandLine c : all) {
                if (c.getUsageMessage().isBlank()) {
                    empty.add(c.getCommandName());
                }
            }
        } finally {
            System.setErr(was);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "picocli warned while rendering the help");
        assertEquals(List.of(), empty);
    }

    @Test
    void runsHelpSaysWhatAWaveIs() {
        Cli.Result r = Cli.run("run", "--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Rolling waves of N hosts (or N% of them)."), r.out());
        assertTrue(!r.err().contains("picocli WARN") && !r.out().contains("picocli WARN"), r.toString());
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().stream().distinct().forEach(s -> collect(s, out));
    }
}
