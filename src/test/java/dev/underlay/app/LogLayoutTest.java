package dev.underlay.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLayoutTest {
    @Test
    void writesWhatAPatternLayoutOfThePatternWrites() {
        LoggerContext context = new LoggerContext();
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(LogSetup.PATTERN);
        pattern.start();
        LogLayout layout = new LogLayout(context);
        layout.start();
        Exception nested = new IllegalStateException("outer", new IOException("inner cause"));
        nested.addSuppressed(new RuntimeException("suppressed"));
        List<LoggingEvent> events = List.of(
                event(context, "dev.underlay.app.UnderlayApp", Level.INFO, "opened {}: {} machines", null,
                        "/tmp/demo", 41),
                event(context, "org.apache.sshd.common.io.nio2.Nio2Acceptor", Level.WARN, "a warning", null),
                event(context, "x", Level.ERROR, "failed", nested),
                event(context, "dev.underlay.automation.engine.JobEngine", Level.DEBUG, "with {} and {}", null,
                        "braces {}", null),
                event(context, "Short", Level.TRACE, "", new Error("no message, no cause")));
        for (LoggingEvent e : events) {
            assertEquals(pattern.doLayout(e), layout.doLayout(e), e.getLoggerName());
        }
        assertTrue(layout.doLayout(events.get(0)).contains(" INFO  d.u.app.UnderlayApp - opened /tmp/demo: 41 "),
                layout.doLayout(events.get(0)));
    }

    private static LoggingEvent event(LoggerContext context, String logger, Level level, String message,
            Throwable t, Object... args) {
        LoggingEvent e = new LoggingEvent("fqcn", context.getLogger(logger), level, message, t, args);
        e.setTimeStamp(1_764_700_000_123L);
        return e;
    }
}
