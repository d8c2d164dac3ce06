package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Credential;
import dev.underlay.inventory.CredentialKind;
import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Profile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link AnsibleModel} into inventory entities. Groups become tags (not {@code all}/{@code ungrouped});
 * a group's vars become a profile of the same name that its hosts get, in Ansible's precedence turned round for
 * Underlay's first-found-wins resolution ({@link AnsibleModel#precedence}: deeper groups first, then
 * {@code ansible_group_priority}, then name, {@code all} last), so a machine's params resolve to Ansible's values.
 * Connection vars become machine fields and credentials, never params.
 */
final class AnsibleMapper {
    /** Strongest first: Ansible's ssh connection takes the last of its option's vars that is set. */
    private static final List<String> HOST = List.of("ansible_ssh_host", "ansible_host");
    private static final List<String> PORT = List.of("ansible_ssh_port", "ansible_port");
    private static final List<String> USER = List.of("ansible_ssh_user", "ansible_user");
    private static final List<String> KEY = List.of("ansible_ssh_private_key_file", "ansible_private_key_file");
    private static final List<String> PASSWORD = List.of("ansible_password", "ansible_ssh_pass",
            "ansible_ssh_password");
    private static final Set<String> CONNECTION = new LinkedHashSet<>();

    static {
        CONNECTION.addAll(HOST);
        CONNECTION.addAll(PORT);
        CONNECTION.addAll(USER);
        CONNECTION.addAll(KEY);
        CONNECTION.addAll(PASSWORD);
    }

    private final ImportSource src;
    private final AnsibleModel model;
    private final Inventory current;
    /** Where stored passwords are compared with the file's; null when no secret store is open. */
    private final CredentialSecrets secrets;
    private final Set<String> profileGroups = new LinkedHashSet<>();
    /** Credential identity (kind, user, key file or password) to its name. */
    private final Map<String, String> credentialNames = new HashMap<>();
    private final Set<String> usedCredentialNames = new LinkedHashSet<>();
    /** Passwords of stored credentials this file reuses (same user, same secret), zeroed at the end of map(). */
    private final Map<String, char[]> reused = new HashMap<>();
    /** Connection vars of the groups, per precedence chain (the model hands out one list per distinct chain). */
    private final Map<List<String>, Map<String, AnsibleModel.Var>> groupConnection = new IdentityHashMap<>();

    AnsibleMapper(ImportSource src, AnsibleModel model, Inventory current, CredentialSecrets secrets) {
        this.src = src;
        this.model = model;
        this.current = current;
        this.secrets = secrets;
    }

    void map() {
        for (AnsibleModel.Group g : model.groups.values()) {
            Map<String, JsonNode> params = new LinkedHashMap<>();
            int firstLine = g.line;
            for (Map.Entry<String, AnsibleModel.Var> v : g.vars.entrySet()) {
                if (!CONNECTION.contains(v.getKey())) {
                    params.put(v.getKey(), v.getValue().value());
                    firstLine = params.size() == 1 ? v.getValue().line() : firstLine;
                }
            }
            if (params.isEmpty()) {
                continue;
            }
            profileGroups.add(g.name);
            Profile old = current.profiles().get(g.name);
            Map<String, JsonNode> merged = new LinkedHashMap<>(old == null ? Map.of() : old.params());
            merged.putAll(params);
            src.define("profile", g.name, ImportSource.Origin.of(g.line == 0 ? firstLine : g.line,
                    Map.of("params", firstLine)));
            src.entities.profiles.add(new Profile(g.name, old == null ? "Ansible group " + g.name + " vars"
                    : old.description(), old == null ? List.of() : old.includes(), merged));
        }
        try {
            for (AnsibleModel.Host h : model.hosts.values()) {
                host(h);
            }
        } finally {
            reused.values().forEach(p -> Arrays.fill(p, '\0'));
        }
    }

    /** The host's groups, the one whose vars win first (Ansible's precedence), ending with all. */
    private List<String> chain(AnsibleModel.Host host) {
        return model.precedence(host);
    }

    /**
     * The value of the first of {@code keys} that is set, each looked up as Ansible resolves a var: on the host,
     * else on its groups in precedence order ({@code ansible_host} wins over {@code ansible_ssh_host} wherever
     * each is set).
     */
    private AnsibleModel.Var connection(AnsibleModel.Host h, List<String> chain, List<String> keys) {
        Map<String, AnsibleModel.Var> fromGroups = groupConnection.computeIfAbsent(chain, this::groupConnection);
        for (String k : keys) {
            AnsibleModel.Var v = h.vars.get(k);
            if (v == null) {
                v = fromGroups.get(k);
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Each connection var as the groups of {@code chain} set it, the strongest group's value: once per chain. */
    private Map<String, AnsibleModel.Var> groupConnection(List<String> chain) {
        Map<String, AnsibleModel.Var> out = new HashMap<>();
        for (String k : CONNECTION) {
            for (String g : chain) {
                AnsibleModel.Group group = model.groups.get(g);
                AnsibleModel.Var v = group == null ? null : group.vars.get(k);
                if (v != null) {
                    out.put(k, v);
                    break;
                }
            }
        }
        return out;
    }

    private void host(AnsibleModel.Host h) {
        List<String> chain = chain(h);
        List<String> tags = chain.stream().filter(g -> !g.equals(AnsibleModel.ALL)
                && !g.equals(AnsibleModel.UNGROUPED)).toList();
        List<String> profiles = chain.stream().filter(profileGroups::contains).toList();
        Machine old = current.machines().get(h.name);
        Machine.Builder b = old == null ? Machine.builder(h.name).address(h.name) : old.toBuilder();
        Map<String, Integer> lines = new HashMap<>();
        AnsibleModel.Var address = connection(h, chain, HOST);
        if (address != null) {
            b.address(address.value().asText());
            lines.put("address", address.line());
        }
        AnsibleModel.Var port = connection(h, chain, PORT);
        if (port != null) {
            lines.put("port", port.line());
            JsonNode v = port.value();
            if (v.canConvertToInt() && (v.isIntegralNumber() || v.asText().matches("\\d+"))) {
                b.sshPort(v.asInt());
            } else {
                src.problem(port.line(), "ansible_port", "host " + h.name + ": ansible_port must be a whole number, "
                        + "not " + v);
            }
        }
        AnsibleModel.Var user = connection(h, chain, USER);
        String username = user == null ? (old == null ? "" : old.sshUser()) : user.value().asText();
        if (user != null) {
            b.sshUser(username);
            lines.put("user", user.line());
        }
        AnsibleModel.Var key = connection(h, chain, KEY);
        AnsibleModel.Var password = connection(h, chain, PASSWORD);
        if (password != null) {
            lines.put("credential", password.line());
            b.credential(passwordCredential(h.name, username, password));
        } else if (key != null) {
            lines.put("credential", key.line());
            b.credential(keyCredential(username, key));
        }
        Map<String, JsonNode> params = new LinkedHashMap<>(old == null ? Map.of() : old.params());
        int paramsLine = h.line;
        for (Map.Entry<String, AnsibleModel.Var> v : h.vars.entrySet()) {
            if (!CONNECTION.contains(v.getKey())) {
                params.put(v.getKey(), v.getValue().value());
                paramsLine = paramsLine == h.line ? v.getValue().line() : paramsLine;
            }
        }
        lines.put("params", paramsLine);
        b.params(params);
        b.tags(union(old == null ? List.of() : old.tags(), tags));
        b.profiles(union(old == null ? List.of() : old.profiles(), profiles));
        src.define("machine", h.name, ImportSource.Origin.of(h.line, lines));
        src.entities.machines.add(b.build());
    }

    private static List<String> union(List<String> first, List<String> more) {
        LinkedHashSet<String> s = new LinkedHashSet<>(first);
        s.addAll(more);
        return new ArrayList<>(s);
    }

    private String keyCredential(String user, AnsibleModel.Var key) {
        String file = key.value().asText();
        String id = "key\u0000" + user + "\u0000" + file;
        String existing = credentialNames.get(id);
        if (existing != null) {
            return existing;
        }
        String stem = stem(file);
        String name = unique(sanitize("ansible-key-" + stem + (user.isEmpty() ? "" : "-" + user)),
                c -> c.kind() == CredentialKind.KEY && c.username().equals(user) && c.keyFile().equals(file));
        credentialNames.put(id, name);
        src.define("credential", name, ImportSource.Origin.at(key.line()));
        Credential stored = current.credentials().get(name);
        src.entities.credentials.add(stored != null ? stored : new Credential(name, CredentialKind.KEY, user, file,
                "from Ansible " + KEY.get(0)));
        return name;
    }

    private String passwordCredential(String host, String user, AnsibleModel.Var password) {
        String text = password.value().asText();
        if (text.startsWith("$ANSIBLE_VAULT") || text.contains("{{")) {
            src.problem(password.line(), "ansible_password", "host " + host + ": the password is vault-encrypted "
                    + "or a template; Underlay cannot read it. Remove it and set the credential's password in "
                    + "Underlay");
            return "";
        }
        if (secrets == null) {
            src.problem(password.line(), "ansible_password", "host " + host + " has a password, but no secret "
                    + "store is open to keep it safely; remove the password from the file and set it in Underlay "
                    + "after the import");
            return "";
        }
        char[] secret = text.toCharArray();
        for (Map.Entry<String, String> e : credentialNames.entrySet()) {
            if (e.getKey().startsWith("password\u0000" + user + "\u0000")
                    && Arrays.equals(src.passwords.getOrDefault(e.getValue(), reused.get(e.getValue())), secret)) {
                Arrays.fill(secret, '\0');
                return e.getValue();
            }
        }
        // a stored credential keeps its password: this one reuses a credential only if it holds the same secret
        String name = unique(sanitize("ansible-password" + (user.isEmpty() ? "" : "-" + user)),
                c -> c.kind() == CredentialKind.PASSWORD && c.username().equals(user) && storedIs(c.name(), secret));
        credentialNames.put("password\u0000" + user + "\u0000" + name, name);
        src.define("credential", name, ImportSource.Origin.at(password.line()));
        Credential stored = current.credentials().get(name);
        if (stored != null) {
            reused.put(name, secret); // for the file's other hosts with this password; zeroed when mapped
            src.entities.credentials.add(stored);
            return name;
        }
        src.passwords.put(name, secret);
        src.entities.credentials.add(new Credential(name, CredentialKind.PASSWORD, user, "",
                "from Ansible " + PASSWORD.get(0)));
        return name;
    }

    /**
     * The first of {@code base}, {@code base-2}, ... that this file has not used and that is either free in the
     * inventory or names a stored credential that {@code same} accepts: an import never repoints the machines of an
     * existing credential to another key file or password, it makes a credential of its own instead.
     */
    private String unique(String base, java.util.function.Predicate<Credential> same) {
        String name = base;
        for (int i = 2; i < 100_000; i++) {
            Credential stored = current.credentials().get(name);
            if (!usedCredentialNames.contains(name) && (stored == null || same.test(stored))) {
                break;
            }
            name = base + "-" + i;
        }
        usedCredentialNames.add(name);
        return name;
    }

    /** True when the secret store holds exactly {@code secret} for the credential; false when it cannot tell. */
    private boolean storedIs(String credential, char[] secret) {
        try {
            char[] stored = secrets.get(credential).orElse(null);
            if (stored == null) {
                return false;
            }
            try {
                return Arrays.equals(stored, secret);
            } finally {
                Arrays.fill(stored, '\0');
            }
        } catch (RuntimeException e) {
            return false; // a locked or missing key: a credential of its own is the safe answer
        }
    }

    private static String stem(String file) {
        String n = file.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String sanitize(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._:@-]", "-");
        return t.isEmpty() ? "ansible" : t;
    }
}
