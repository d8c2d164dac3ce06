package dev.underlay.automation.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template engine of tasks: Pebble (Jinja-like syntax, {@code {{ ntp_server | quote }}}) in strict mode
 * (decision 0011). An unknown variable is an error, never an empty string; no autoescaping (these are shell
 * scripts and config files, not HTML); no method calls on values; no include, import or extends (a template is
 * self-contained); output bounded to {@value #MAX_OUTPUT} characters, so no loop runs away. Thread-safe: one instance
 * serves every job.
 */
public final class Templates {
    /** The largest rendered template, in characters. */
    public static final int MAX_OUTPUT = 4 * 1024 * 1024;
    private static final int CACHED = 512;
    /** The longest list {@code range(...)} makes. */
    static final int MAX_RANGE = 100_000;

    /** Built on first render (about 70 ms of class loading): commands that render nothing do not pay for it. */
    private volatile PebbleEngine engine;
    /** Compiled templates by text, least recently used dropped first: a job renders one text for every host. */
    private final Map<String, PebbleTemplate> compiled = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PebbleTemplate> eldest) {
            return size() > CACHED;
        }
    };

    /**
     * Renders {@code text} with {@code values} (strings, numbers, booleans, lists and maps of them).
     *
     * @throws TemplateProblem for an unknown param, a syntax error or a failed filter
     */
    public String render(String text, Map<String, Object> values) throws TemplateProblem {
        PebbleTemplate t = compile(text);
        StringWriter out = new StringWriter(text.length() + 64);
        try {
            t.evaluate(out, values);
        } catch (RootAttributeNotFoundException e) {
            throw new TemplateProblem("unknown param " + e.getAttributeName(), e.getAttributeName(), line(e));
        } catch (AttributeNotFoundException e) {
            throw new TemplateProblem("line " + line(e) + ": " + e.getAttributeName() + " is not set",
                    null, line(e));
        } catch (PebbleException e) {
            throw problem(e);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Parses {@code text} without rendering: what an import checks. */
    public void check(String text) throws TemplateProblem {
        compile(text);
    }

    private PebbleEngine engine() {
        PebbleEngine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    engine = e = build();
                }
            }
        }
        return e;
    }

    private static PebbleEngine build() {
        return new PebbleEngine.Builder()
                .strictVariables(true)
                .autoEscaping(false)
                .newLineTrimming(false)
                .cacheActive(false)
                .maxRenderedSize(MAX_OUTPUT)
                .methodAccessValidator((object, method) -> false)
                .loader(new NoFiles())
                .extension(new ShellExtension())
                .build();
    }

    private PebbleTemplate compile(String text) throws TemplateProblem {
        synchronized (compiled) {
            PebbleTemplate t = compiled.get(text);
            if (t != null) {
                return t;
            }
        }
        PebbleTemplate t;
        try {
            t = engine().getLiteralTemplate(text);
        } catch (PebbleException e) {
            throw problem(e);
        }
        synchronized (compiled) {
            compiled.put(text, t);
        }
        return t;
    }

    private static TemplateProblem problem(PebbleException e) {
        int line = line(e);
        String msg = e.getPebbleMessage() == null ? String.valueOf(e.getMessage()) : e.getPebbleMessage();
        return new TemplateProblem((line > 0 ? "line " + line + ": " : "") + msg.strip(), null, line);
    }

    private static int line(PebbleException e) {
        return e.getLineNumber() == null ? 0 : e.getLineNumber();
    }

    /** {@code quote}: POSIX shell quoting of any value ({@link ShellQuote}); null is refused, not quoted as empty. */
    private static final class ShellExtension extends AbstractExtension {
        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("quote", new QuoteFilter());
        }

        @Override
        public Map<String, io.pebbletemplates.pebble.extension.Function> getFunctions() {
            return Map.of("range", new BoundedRange());
        }
    }

    /** Pebble's {@code range}, which builds its whole list first, refused above {@value #MAX_RANGE} items. */
    private static final class BoundedRange implements io.pebbletemplates.pebble.extension.Function {
        private final io.pebbletemplates.pebble.extension.core.RangeFunction range =
                new io.pebbletemplates.pebble.extension.core.RangeFunction();

        @Override
        public List<String> getArgumentNames() {
            return range.getArgumentNames();
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self,
                              io.pebbletemplates.pebble.template.EvaluationContext context, int line) {
            if (args.get("start") instanceof Number a && args.get("end") instanceof Number b) {
                long step = args.get("increment") instanceof Number i ? Math.abs(i.longValue()) : 1;
                long items = Math.abs(b.longValue() - a.longValue()) / Math.max(step, 1) + 1;
                if (items > MAX_RANGE) {
                    throw new PebbleException(null, "range of " + items + " items is more than " + MAX_RANGE,
                            line, self.getName());
                }
            }
            return range.execute(args, self, context, line);
        }
    }

    private static final class QuoteFilter implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                            io.pebbletemplates.pebble.template.EvaluationContext context, int line) {
            if (input == null) {
                throw new PebbleException(null, "quote was given no value", line, self.getName());
            }
            return ShellQuote.quote(TemplateValues.text(input));
        }
    }

    /** Refuses every template by name: {@code include}, {@code import} and {@code extends} have nothing to read. */
    private static final class NoFiles implements Loader<String> {
        @Override
        public Reader getReader(String name) {
            throw new PebbleException(null, "templates cannot include other templates (" + name + ")");
        }

        @Override
        public void setCharset(String charset) {
        }

        @Override
        public void setPrefix(String prefix) {
        }

        @Override
        public void setSuffix(String suffix) {
        }

        @Override
        public String resolveRelativePath(String relativePath, String anchorPath) {
            return relativePath;
        }

        @Override
        public String createCacheKey(String name) {
            return name;
        }

        @Override
        public boolean resourceExists(String name) {
            return false;
        }
    }
}
