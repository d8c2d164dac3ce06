package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A start builds the model of the one command it runs (picocli's reflection costs per command), help all of them. */
class OneCommandTreeTest {
    @TempDir
    Path dir;

    @Test
    void everyListedNameIsTheNameItsCommandDeclares() {
        UnderlayCli.COMMANDS.forEach((name, type) ->
                assertEquals(name, type.getAnnotation(CommandLine.Command.class).name(), type.getName()));
        assertEquals(16, UnderlayCli.COMMANDS.size(), "a new command goes into UnderlayCli.COMMANDS");
    }

    @Test
    void theCommandWordSkipsTheRootsDataOptionAndIsNullForHelpOptionsAndTypos() {
        assertEquals("machines", UnderlayCli.commandWord(new String[] {"machines", "--query", "all"}));
        assertEquals("machines", UnderlayCli.commandWord(new String[] {"--data", "/x", "machines"}));
        assertEquals("export", UnderlayCli.commandWord(new String[] {"--data=/x", "export", "f.json"}));
        assertNull(UnderlayCli.commandWord(new String[] {"--version"}));
        assertNull(UnderlayCli.commandWord(new String[] {"help", "machines"}));
        assertNull(UnderlayCli.commandWord(new String[] {"machnes"}));
        assertNull(UnderlayCli.commandWord(new String[] {}));
    }

    @Test
    void aNamedCommandGetsATreeOfItselfAndNoneGetsEveryCommand() {
        PrintWriter w = new PrintWriter(new StringWriter());
        CommandLine one = UnderlayCli.commandLine(f -> null, w, w, "exec");
        assertEquals(java.util.Set.of("exec"), one.getSubcommands().keySet());
        assertTrue(one.getSubcommands().get("exec").isStopAtPositional(), "exec keeps the remote command whole");
        CommandLine all = UnderlayCli.commandLine(f -> null, w, w);
        assertEquals(UnderlayCli.COMMANDS.keySet(), all.getSubcommands().keySet());
    }

    @Test
    void helpForACommandAndATypoStillSeeEveryCommand() {
        Cli.Result help = Cli.run("help", "machines");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().contains("--query"), help.out());
        Cli.Result typo = Cli.run("machnes", "--data", dir.toString());
        assertEquals(UnderlayCli.USAGE, typo.code(), typo.toString());
        assertTrue(typo.err().contains("did you mean 'machines'"), typo.err());
        Cli.Result usage = Cli.run("--help");
        assertTrue(usage.out().contains("rerun") && usage.out().contains("hostkeys"), usage.out());
    }

    @Test
    void aCommandRunsOnItsOwnTree() {
        Cli.seedDemo(dir);
        Cli.Result r = Cli.run("--data", dir.toString(), "machines", "--query", "all");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().strip().endsWith("41 machines"), r.out());
    }
}
