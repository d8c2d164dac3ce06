package dev.underlay.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void consoleOptionsAloneOpenTheConsoleAnythingElseIsTheCli() {
        assertTrue(Main.isConsole(new String[] {}));
        assertTrue(Main.isConsole(new String[] {"--data", "/d"}));
        assertTrue(Main.isConsole(new String[] {"--data=/d", "--data-label", "demo"}));
        assertFalse(Main.isConsole(new String[] {"--data"}));
        assertFalse(Main.isConsole(new String[] {"machines", "--data", "/d"}));
        assertFalse(Main.isConsole(new String[] {"--data", "/d", "machines"}));
        assertFalse(Main.isConsole(new String[] {"--help"}));
    }
}
