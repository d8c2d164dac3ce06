package dev.underlay.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.UnaryOperator;

/**
 * Underlay's logging, set up in code: Logback finds this class through {@code META-INF/services} before it looks
 * for a {@code logback.xml}. Reading an XML configuration costs every start (CLI and console) some 650 classes and
 * a third of a second of CPU (Joran, the JDK's XML parser); this does the same in a few classes. A file still
 * wins when one is given: {@code -Dlogback.configurationFile=...}, or a {@code logback-test.xml} on the class path
 * (the tests').
 *
 * <p>What it sets: warnings and errors to stderr ({@code HH:mm:ss.SSS LEVEL logger - message}); the root level
 * from {@code underlay.log.level}, a system property or else an environment variable of that name or
 * {@code UNDERLAY_LOG_LEVEL} (default WARN; dash, Debian's {@code /bin/sh}, drops the dotted name from the
 * environment of what it runs, so through {@code bin/underlay} and the installed script only the second arrives);
 * Flyway at WARN, Apache SSHD at ERROR, and nothing from SSHD's acceptor (a port that cannot be bound reaches the
 * lab as an exception, which says it in one sentence with what to do).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Name of the property (or environment variable) holding the root level. */
    public static final String LEVEL = "underlay.log.level";
    /** The environment variable of the root level that every shell passes on. */
    public static final String LEVEL_ENV = "UNDERLAY_LOG_LEVEL";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // Logback's own configurator reads the file
        }
        apply(context, rootLevel(System::getProperty, System::getenv));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The root level's setting: the property, else the dotted environment variable, else {@link #LEVEL_ENV}. */
    static String rootLevel(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String level = properties.apply(LEVEL);
        if (level == null) {
            level = environment.apply(LEVEL);
        }
        return level != null ? level : environment.apply(LEVEL_ENV);
    }

    /** Configures {@code context} as the application runs, with {@code rootLevel} (null or unknown: WARN). */
    public static void apply(LoggerContext context, String rootLevel) {
        LogLayout layout = new LogLayout(context); // PATTERN, without PatternLayout's set-up (decision 0036)
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("org.apache.sshd").setLevel(Level.ERROR);
        context.getLogger("org.apache.sshd.common.io.nio2.Nio2Acceptor").setLevel(Level.OFF);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(rootLevel == null ? null : rootLevel.trim(), Level.WARN));
        root.addAppender(stderr);
    }
}
