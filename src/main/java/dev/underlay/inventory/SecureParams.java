package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that decides whether a param is secure: its definition says so, or its name is one Ansible treats
 * as a secret, or the name says it is one. Every writer (import, console, CLI, content packs) and every reader that
 * shows, exports or compares values asks here. A secure param's value is sealed at rest ({@link ParamSecrets}); in
 * the inventory snapshot it is only {@link #SEALED}, so even a careless reader shows the mask.
 */
public final class SecureParams {
    /** What a secure value is in the snapshot and in the params JSON: the mask, never the value. */
    public static final JsonNode SEALED = TextNode.valueOf(ResolvedParam.MASK);

    /** Ansible's own secret variables (connection and become plugins), matched case-insensitively. */
    static final Set<String> ANSIBLE_SECRETS = Set.of("ansible_password", "ansible_ssh_pass", "ansible_ssh_password",
            "ansible_become_password", "ansible_become_pass", "ansible_sudo_pass", "ansible_sudo_password",
            "ansible_su_pass", "ansible_su_password", "ansible_ssh_private_key_passphrase",
            "ansible_httpapi_pass", "ansible_httpapi_password", "ansible_net_auth_pass", "ansible_winrm_password");
    /** Words that make a name secret wherever they appear in it. */
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "passphrase", "secret", "token",
            "api_key", "apikey");

    private SecureParams() {
    }

    /** True when {@code param} is secure in {@code inv}: by definition or by name. */
    public static boolean isSecure(Inventory inv, String param) {
        if (nameIsSecret(param)) {
            return true;
        }
        ParamDefinition d = inv.paramDefinitions().get(param);
        return d != null && d.secure();
    }

    /**
     * True for names that are secret whatever a definition says: Ansible's secret variables, {@code vault_*},
     * {@code ansible_*_pass}, and names containing password, passwd, passphrase, secret, token or api key.
     */
    public static boolean nameIsSecret(String param) {
        String n = param.toLowerCase(Locale.ROOT);
        if (ANSIBLE_SECRETS.contains(n) || n.startsWith("vault_") || (n.startsWith("ansible_") && n.endsWith("_pass"))) {
            return true;
        }
        for (String w : SECRET_WORDS) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code value} is the stand-in of a sealed value rather than a value. */
    public static boolean isSealed(JsonNode value) {
        return SEALED.equals(value);
    }
}
