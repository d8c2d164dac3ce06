package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes the plaintext of secure params out of a change before it is checked and written: each value becomes a
 * {@link SealedParam} in {@link InventoryChanges#sealedParams} and {@link SecureParams#SEALED} in the entity, so
 * neither the snapshot nor the params JSON ever hold it. Also carries a renamed machine's sealed values to its new
 * name, and seals the values already stored in plain when a definition makes their param secure.
 */
final class ParamSealing {
    private final Inventory before;
    private final InventoryChanges ch;
    private final ParamSecrets secrets;
    private final InventoryStore store;
    private final Map<String, ParamDefinition> definitions;
    private final List<Violation> violations = new ArrayList<>();
    /** Few distinct names on many machines: each is decided once per change. */
    private final Map<String, Boolean> secure = new HashMap<>();

    private ParamSealing(Inventory before, InventoryChanges ch, ParamSecrets secrets, InventoryStore store) {
        this.before = before;
        this.ch = ch;
        this.secrets = secrets;
        this.store = store;
        this.definitions = new HashMap<>(before.paramDefinitions());
        ch.paramDefinitions.forEach(d -> definitions.put(d.name(), d));
    }

    /**
     * Seals every secure plaintext of {@code ch} in place. Returns the rules this breaks (a secure value with no
     * secret store to keep it; a definition that stops being secure while values are sealed); empty when none.
     *
     * @param secrets null when no secret store is open: then any secure plaintext is refused
     */
    static List<Violation> seal(Inventory before, InventoryChanges ch, ParamSecrets secrets, InventoryStore store) {
        ParamSealing s = new ParamSealing(before, ch, secrets, store);
        s.sealNewlySecure();
        s.refuseUnsealing();
        for (int i = 0; i < ch.machines.size(); i++) {
            Machine m = ch.machines.get(i);
            Map<String, JsonNode> p = s.sealed(ParamOwner.machine(m.name()), m.params());
            if (p != m.params()) {
                ch.machines.set(i, m.toBuilder().params(p).build());
            }
        }
        for (int i = 0; i < ch.profiles.size(); i++) {
            Profile pr = ch.profiles.get(i);
            Map<String, JsonNode> p = s.sealed(ParamOwner.profile(pr.name()), pr.params());
            if (p != pr.params()) {
                ch.profiles.set(i, new Profile(pr.name(), pr.description(), pr.includes(), p));
            }
        }
        for (int i = 0; i < ch.paramDefinitions.size(); i++) {
            ParamDefinition d = ch.paramDefinitions.get(i);
            if (d.defaultValue() != null && s.isSecure(d.name()) && !SecureParams.isSealed(d.defaultValue())) {
                if (s.sealOne(ParamOwner.definition(d.name()), d.name(), d.defaultValue())) {
                    ch.paramDefinitions.set(i, new ParamDefinition(d.name(), d.schema(), SecureParams.SEALED,
                            d.description(), d.secure()));
                }
            }
        }
        s.carryRenames();
        return s.violations;
    }

    private boolean isSecure(String param) {
        return secure.computeIfAbsent(param, n -> {
            ParamDefinition d = definitions.get(n);
            return SecureParams.nameIsSecret(n) || (d != null && d.secure());
        });
    }

    /** The params with secure plaintext sealed; the same map when there was none. */
    private Map<String, JsonNode> sealed(ParamOwner owner, Map<String, JsonNode> params) {
        Map<String, JsonNode> out = null;
        for (Map.Entry<String, JsonNode> e : params.entrySet()) {
            if (isSecure(e.getKey()) && !SecureParams.isSealed(e.getValue())
                    && sealOne(owner, e.getKey(), e.getValue())) {
                if (out == null) {
                    out = new LinkedHashMap<>(params);
                }
                out.put(e.getKey(), SecureParams.SEALED);
            }
        }
        return out == null ? params : out;
    }

    private boolean sealOne(ParamOwner owner, String param, JsonNode value) {
        if (secrets == null) {
            violations.add(new Violation(owner.kind().id(), owner.name(), "params", owner + ": param " + param
                    + " is secure, but no secret store is open to keep it encrypted; nothing was written"));
            return false;
        }
        ch.sealedParams.removeIf(s -> s.isFor(owner, param));
        ch.sealedParams.add(secrets.seal(owner, param, value));
        return true;
    }

    /**
     * A definition that makes its param secure: the machines and profiles that the change does not rewrite but that
     * hold the param in plain join the change, to be sealed with the rest.
     */
    private void sealNewlySecure() {
        Set<String> newly = new HashSet<>();
        for (ParamDefinition d : ch.paramDefinitions) {
            ParamDefinition old = before.paramDefinitions().get(d.name());
            if (d.secure() && (old == null || !old.secure()) && !SecureParams.nameIsSecret(d.name())) {
                newly.add(d.name());
            }
        }
        if (newly.isEmpty()) {
            return;
        }
        Set<String> written = new HashSet<>();
        ch.machines.forEach(m -> written.add(m.name()));
        for (Machine m : before.machines().values()) {
            if (!written.contains(m.name()) && !ch.removedMachines.contains(m.name()) && holdsPlain(m.params(), newly)) {
                ch.machines.add(m);
            }
        }
        Set<String> writtenProfiles = new HashSet<>();
        ch.profiles.forEach(p -> writtenProfiles.add(p.name()));
        for (Profile p : before.profiles().values()) {
            if (!writtenProfiles.contains(p.name()) && !ch.removedProfiles.contains(p.name())
                    && holdsPlain(p.params(), newly)) {
                ch.profiles.add(p);
            }
        }
    }

    private static boolean holdsPlain(Map<String, JsonNode> params, Set<String> names) {
        for (String n : names) {
            JsonNode v = params.get(n);
            if (v != null && !SecureParams.isSealed(v)) {
                return true;
            }
        }
        return false;
    }

    /** Turning secure off would show the mask as the value: refused while any value of the param is sealed. */
    private void refuseUnsealing() {
        for (ParamDefinition d : ch.paramDefinitions) {
            ParamDefinition old = before.paramDefinitions().get(d.name());
            if (old != null && old.secure() && !d.secure() && !SecureParams.nameIsSecret(d.name())) {
                List<String> holders = new ArrayList<>();
                for (Machine m : before.machines().values()) {
                    if (SecureParams.isSealed(m.params().get(d.name())) && holders.size() < 4) {
                        holders.add("machine " + m.name());
                    }
                }
                for (Profile p : before.profiles().values()) {
                    if (SecureParams.isSealed(p.params().get(d.name())) && holders.size() < 4) {
                        holders.add("profile " + p.name());
                    }
                }
                if (!holders.isEmpty()) {
                    violations.add(new Violation("param", d.name(), "secure", "param " + d.name() + " cannot stop "
                            + "being secure while values of it are stored encrypted (" + String.join(", ", holders)
                            + (holders.size() == 4 ? ", ..." : "") + "); remove those values first"));
                }
            }
        }
    }

    /** A change that rewrites every owner holding a secure value in plain, for {@link #seal} to seal. */
    static InventoryChanges plaintextAtRest(Inventory inv) {
        InventoryChanges ch = new InventoryChanges();
        Map<String, Boolean> secure = new HashMap<>(); // few distinct names, many machines: decide each name once
        for (Machine m : inv.machines().values()) {
            if (holdsPlainSecure(inv, m.params(), secure)) {
                ch.machines.add(m);
            }
        }
        for (Profile p : inv.profiles().values()) {
            if (holdsPlainSecure(inv, p.params(), secure)) {
                ch.profiles.add(p);
            }
        }
        for (ParamDefinition d : inv.paramDefinitions().values()) {
            if (d.defaultValue() != null && !SecureParams.isSealed(d.defaultValue())
                    && SecureParams.isSecure(inv, d.name())) {
                ch.paramDefinitions.add(d);
            }
        }
        return ch;
    }

    private static boolean holdsPlainSecure(Inventory inv, Map<String, JsonNode> params, Map<String, Boolean> secure) {
        for (Map.Entry<String, JsonNode> e : params.entrySet()) {
            if (secure.computeIfAbsent(e.getKey(), k -> SecureParams.isSecure(inv, k))
                    && !SecureParams.isSealed(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** A renamed machine keeps its sealed values: each is opened and sealed again under the new name. */
    private void carryRenames() {
        for (Map.Entry<String, String> r : ch.machineRenames.entrySet()) {
            ParamOwner to = ParamOwner.machine(r.getValue());
            Machine renamed = ch.machines.stream().filter(m -> m.name().equals(r.getValue())).findFirst()
                    .orElse(null);
            for (SealedParam old : store.sealedParams(ParamOwner.machine(r.getKey()))) {
                boolean kept = renamed == null ? SecureParams.isSealed(before.machines().get(r.getKey()) == null
                        ? null : before.machines().get(r.getKey()).params().get(old.param()))
                        : SecureParams.isSealed(renamed.params().get(old.param()));
                if (kept && ch.sealedParams.stream().noneMatch(s -> s.isFor(to, old.param()))) {
                    if (secrets == null) {
                        violations.add(new Violation("machine", to.name(), "name", "machine " + r.getKey()
                                + " cannot be renamed to " + to.name() + ": its secure params need the secret store"));
                        return;
                    }
                    ch.sealedParams.add(secrets.reseal(old, to));
                }
            }
        }
    }
}
