package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two ways to a param's value. {@link ResolvedParam#displayValue()} (and {@link #display}) is the value as a
 * person, a log, an export or a job record may see it: secure values are {@value ResolvedParam#MASK}. {@link #reveal}
 * is the real value, for the one place that needs it (rendering a command or template at run time); whatever that
 * place then shows, logs or stores goes through {@link Revealed#redact} first.
 */
public final class ParamValues {
    private final InventoryStore store;
    private final ParamSecrets secrets;

    ParamValues(InventoryStore store, ParamSecrets secrets) {
        this.store = store;
        this.secrets = secrets;
    }

    /** The value as shown anywhere: strings unquoted, secure values masked. */
    public static String display(ResolvedParam p) {
        return p.displayValue();
    }

    /**
     * True when {@code owner}'s {@code param} is stored sealed with exactly {@code candidate} (an import that brings
     * the same secret again changes nothing). False when it differs, is not stored, or cannot be decrypted: the
     * caller then treats it as a change, which the secret store has to accept when the change is applied.
     */
    public boolean sameAsStored(ParamOwner owner, String param, JsonNode candidate) {
        if (secrets == null || candidate == null) {
            return false;
        }
        for (SealedParam s : store.sealedParams(owner)) {
            if (s.param().equals(param)) {
                try {
                    return candidate.equals(secrets.open(s));
                } catch (RuntimeException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The real values of {@code m}'s params as they resolve in {@code inv}; secure ones are opened on first use. */
    public Revealed reveal(Inventory inv, Machine m) {
        return new Revealed(m.name(), ParamResolver.resolve(inv, m));
    }

    /** The real values of {@code m}'s params as a step of {@code stage} resolves them. */
    public Revealed reveal(Inventory inv, Machine m, StageParams stage) {
        return new Revealed(m.name(), ParamResolver.resolve(inv, m, stage));
    }

    /** One machine's params with their real values. Not for display: {@link #redact} is. */
    public final class Revealed {
        private final String machine;
        private final Map<String, ResolvedParam> resolved;
        private final Map<String, JsonNode> opened = new HashMap<>();

        private Revealed(String machine, Map<String, ResolvedParam> resolved) {
            this.machine = machine;
            this.resolved = resolved;
        }

        /** The params as resolved, values masked where secure (what may be shown). */
        public Map<String, ResolvedParam> resolved() {
            return resolved;
        }

        /**
         * The real value, or null when the param is not set. Throws {@link IllegalStateException} with a sentence
         * when a secure value has nothing stored, and the secret store's exception when it cannot be decrypted.
         */
        public JsonNode value(String name) {
            ResolvedParam p = resolved.get(name);
            if (p == null) {
                return null;
            }
            if (!p.secure()) {
                return p.value();
            }
            return opened.computeIfAbsent(name, n -> open(p));
        }

        /** The real value as text for a template: strings unquoted, other JSON as JSON; null when not set. */
        public String text(String name) {
            JsonNode v = value(name);
            return v == null ? null : v.isTextual() ? v.asText() : v.toString();
        }

        /** {@code text} with every occurrence of a secure value of this machine replaced by the mask. */
        public String redact(String text) {
            List<String> values = new ArrayList<>();
            for (ResolvedParam p : resolved.values()) {
                String v = p.secure() ? text(p.name()) : null;
                if (v != null && !v.isEmpty()) {
                    values.add(v);
                }
            }
            values.sort(Comparator.comparingInt(String::length).reversed()); // a value inside a longer one
            String out = text;
            for (String v : values) {
                out = out.replace(v, ResolvedParam.MASK);
            }
            return out;
        }

        private JsonNode open(ResolvedParam p) {
            if (!SecureParams.isSealed(p.value())) {
                return p.value(); // stored in plain by an older Underlay and not sealed yet
            }
            ParamOwner owner = ParamOwner.of(p.source(), p.name());
            if (secrets == null) {
                throw new IllegalStateException("machine " + machine + ": secure param " + p.name()
                        + " cannot be read: no secret store is open.");
            }
            for (SealedParam s : store.sealedParams(owner)) {
                if (s.param().equals(p.name())) {
                    return secrets.open(s);
                }
            }
            throw new IllegalStateException("machine " + machine + ": secure param " + p.name() + " (from "
                    + p.source().describe() + ") has no stored value; set it again.");
        }

        @Override
        public String toString() {
            return "Revealed[machine " + machine + ", " + resolved.size() + " params]";
        }
    }
}
