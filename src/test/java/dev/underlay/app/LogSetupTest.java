package dev.underlay.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The logging set up in code, as logback.xml set it up before (decision 0020). */
class LogSetupTest {
    @Test
    void rootLevelComesFromTheSettingAndDefaultsToWarn() {
        assertEquals(Level.INFO, root(" INFO"));
        assertEquals(Level.DEBUG, root("debug"));
        assertEquals(Level.WARN, root(null));
        assertEquals(Level.WARN, root("loud"));
    }

    @Test
    void levelComesFromThePropertyThenTheDottedVariableThenTheOneEveryShellPassesOn() {
        Map<String, String> none = Map.of();
        assertEquals("DEBUG", LogSetup.rootLevel(Map.of(LogSetup.LEVEL, "DEBUG")::get,
                Map.of(LogSetup.LEVEL, "INFO", LogSetup.LEVEL_ENV, "ERROR")::get));
        assertEquals("INFO", LogSetup.rootLevel(none::get,
                Map.of(LogSetup.LEVEL, "INFO", LogSetup.LEVEL_ENV, "ERROR")::get));
        assertEquals("ERROR", LogSetup.rootLevel(none::get, Map.of(LogSetup.LEVEL_ENV, "ERROR")::get));
        assertEquals(null, LogSetup.rootLevel(none::get, none::get));
    }

    @Test
    void libraryLoggersAreQuietAndSshdsAcceptorSilent() {
        LoggerContext c = new LoggerContext();
        LogSetup.apply(c, "DEBUG");
        assertFalse(c.getLogger("org.apache.sshd.common.io.nio2.Nio2Acceptor").isErrorEnabled());
        assertTrue(c.getLogger("org.apache.sshd.server").isErrorEnabled());
        assertFalse(c.getLogger("org.apache.sshd.server").isWarnEnabled());
        assertFalse(c.getLogger("org.flywaydb.core").isInfoEnabled());
        assertTrue(c.getLogger("dev.underlay.db").isDebugEnabled());
        var appender = (ConsoleAppender<?>) c.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        assertEquals("System.err", appender.getTarget());
        assertTrue(appender.isStarted());
    }

    @Test
    void logbackFindsItAsAServiceAndLeavesTheTestsFileToJoran() {
        assertTrue(ServiceLoader.load(Configurator.class).stream().anyMatch(p -> p.type() == LogSetup.class),
                "META-INF/services names LogSetup");
        LoggerContext c = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(c);
        // the tests have a logback-test.xml on the class path: that file configures them, as before
        assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(c));
        assertTrue(c.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR") == null);
    }

    private static Level root(String setting) {
        LoggerContext c = new LoggerContext();
        LogSetup.apply(c, setting);
        return c.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel();
    }
}
