package dev.underlay.app;

import ch.qos.logback.classic.pattern.DateConverter;
import ch.qos.logback.classic.pattern.LevelConverter;
import ch.qos.logback.classic.pattern.LineSeparatorConverter;
import ch.qos.logback.classic.pattern.LoggerConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.pattern.FormatInfo;
import ch.qos.logback.core.pattern.LiteralConverter;
import java.util.List;

/**
 * {@link LogSetup#PATTERN} ({@code %d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n}, and the exception Logback adds
 * after it) as the chain of Logback's own converters that {@code PatternLayout} would compile it into, built by hand:
 * the same text, without {@code PatternLayout}'s class set-up (its table of some 50 converters, each a method
 * reference linked on first use), which cost every start 20-30 ms of CPU (decision 0036). {@code LogLayoutTest}
 * holds the output equal to a {@code PatternLayout} of the pattern.
 */
final class LogLayout extends LayoutBase<ILoggingEvent> {
    private final Converter<ILoggingEvent> head;

    LogLayout(Context context) {
        setContext(context);
        head = started(new DateConverter(), context, "HH:mm:ss.SSS", null);
        Converter<ILoggingEvent> tail = head;
        tail = link(tail, new LiteralConverter<>(" "));
        tail = link(tail, started(new LevelConverter(), context, null, new FormatInfo(5, Integer.MAX_VALUE, false,
                true)));
        tail = link(tail, new LiteralConverter<>(" "));
        tail = link(tail, started(new LoggerConverter(), context, "24", null));
        tail = link(tail, new LiteralConverter<>(" - "));
        tail = link(tail, started(new MessageConverter(), context, null, null));
        tail = link(tail, started(new LineSeparatorConverter(), context, null, null));
        link(tail, started(new ThrowableProxyConverter(), context, null, null));
    }

    private static Converter<ILoggingEvent> started(DynamicConverter<ILoggingEvent> c, Context context, String option,
            FormatInfo format) {
        c.setContext(context);
        if (option != null) {
            c.setOptionList(List.of(option));
        }
        if (format != null) {
            c.setFormattingInfo(format);
        }
        c.start();
        return c;
    }

    private static Converter<ILoggingEvent> link(Converter<ILoggingEvent> tail, Converter<ILoggingEvent> next) {
        tail.setNext(next);
        return next;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        if (!isStarted()) {
            return "";
        }
        StringBuilder out = new StringBuilder(256);
        for (Converter<ILoggingEvent> c = head; c != null; c = c.getNext()) {
            c.write(out, event);
        }
        return out.toString();
    }
}
