package dev.underlay.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ResolvedParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-machine SSH algorithms from params, resolved like any param (machine, profiles, global), so a profile
 * "legacy-bmc" can let one group of old devices use what the default refuses. Each param replaces one list of
 * the transport's algorithms, as a comma-separated string or a JSON array of names, in order of preference:
 * {@value #KEX}, {@value #HOST_KEY_TYPES}, {@value #CIPHERS}, {@value #MACS}.
 */
public final class TargetAlgorithms {
    public static final String KEX = "ssh_kex";
    public static final String HOST_KEY_TYPES = "ssh_host_key_types";
    public static final String CIPHERS = "ssh_ciphers";
    public static final String MACS = "ssh_macs";

    private TargetAlgorithms() {
    }

    /**
     * The machine's algorithms from its resolved params, or null when none of the params is set (the transport's then apply). Throws
     * IllegalArgumentException with a sentence naming the machine and the param when a name is unknown or
     * unavailable.
     */
    static SshAlgorithms of(Map<String, ResolvedParam> params, Machine m) {
        List<String> kex = names(params, KEX, AlgorithmSetup.Kind.KEY_EXCHANGE, m);
        List<String> hostKeys = names(params, HOST_KEY_TYPES, AlgorithmSetup.Kind.HOST_KEY_TYPE, m);
        List<String> ciphers = names(params, CIPHERS, AlgorithmSetup.Kind.CIPHER, m);
        List<String> macs = names(params, MACS, AlgorithmSetup.Kind.MAC, m);
        if (kex == null && hostKeys == null && ciphers == null && macs == null) {
            return null;
        }
        return SshAlgorithms.DEFAULT.replacing(kex, hostKeys, ciphers, macs);
    }

    private static List<String> names(Map<String, ResolvedParam> params, String param, AlgorithmSetup.Kind kind,
                                      Machine m) {
        ResolvedParam p = params.get(param);
        if (p == null || p.value() == null || p.value().isNull()) {
            return null;
        }
        JsonNode v = p.value();
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(n -> out.add(n.asText().trim()));
        } else {
            for (String s : v.asText().split(",")) {
                out.add(s.trim());
            }
        }
        out.removeIf(String::isEmpty);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("machine " + m.name() + ": param " + param
                    + " names no algorithm (give a comma-separated list, or remove the param)");
        }
        try {
            AlgorithmSetup.validate(kind, out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("machine " + m.name() + ": param " + param + ": " + e.getMessage(),
                    e);
        }
        return out;
    }
}
