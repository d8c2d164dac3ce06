package dev.underlay.lab.shell;

import static dev.underlay.lab.shell.OpsCommands.ADMIN_CONF;
import static dev.underlay.lab.shell.OpsCommands.KUBELET_CONF;
import static dev.underlay.lab.shell.OpsCommands.exists;
import static dev.underlay.lab.shell.OpsCommands.option;
import static dev.underlay.lab.shell.OpsCommands.read;
import static dev.underlay.lab.shell.OpsCommands.write;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lab's {@code kubeadm} (init, token create, init phase upload-certs, join, reset) and {@code kubectl} (get
 * nodes, drain, cordon, uncordon). One instance serves every host of a lab, so the clusters live here, by control
 * plane endpoint: {@code init} makes one with a random bootstrap token, CA hash and (with {@code --upload-certs})
 * certificate key, and {@code join} checks all three against the cluster at the endpoint it names, as a real API
 * server would: a node joins only with what that cluster's first control plane produced. A node keeps the token
 * it joined with in {@value #BOOTSTRAP_CONF}; {@code kubectl get nodes} lists every node that joined.
 */
final class KubeCommands {
    static final String BOOTSTRAP_CONF = "/etc/kubernetes/bootstrap-kubelet.conf";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, KubeCluster> clusters = new LinkedHashMap<>();

    /** One simulated cluster: what its API server would accept, and its nodes (name to role) in join order. */
    private static final class KubeCluster {
        final Set<String> tokens = new LinkedHashSet<>();
        final String caHash;
        String certificateKey = "";
        final Map<String, String> nodes = new LinkedHashMap<>();

        KubeCluster(String caHash) {
            this.caHash = caHash;
        }
    }

    void register(Map<String, Commands.Command> t) {
        t.put("kubeadm", inv -> OpsCommands.missingPackage(inv, "kubeadm") ? OpsCommands.notFound(inv)
                : kubeadm(inv));
        t.put("kubectl", inv -> OpsCommands.missingPackage(inv, "kubectl") ? OpsCommands.notFound(inv)
                : kubectl(inv));
    }

    private int kubeadm(Invocation inv) {
        List<String> w = OpsCommands.words(inv);
        String verb = w.isEmpty() ? "" : w.get(0);
        String host = OpsCommands.hostname(inv);
        switch (verb) {
            case "init" -> {
                return w.size() > 1 && w.get(1).equals("phase") ? uploadCerts(inv) : init(inv, host);
            }
            case "token" -> {
                String endpoint = endpoint(inv);
                KubeCluster c = endpoint == null ? null : cluster(endpoint);
                if (c == null) {
                    return inv.fail(1, "failed to load admin kubeconfig: open " + ADMIN_CONF
                            + ": no such file or directory");
                }
                String token = token();
                synchronized (this) {
                    c.tokens.add(token);
                }
                inv.println(joinLine(endpoint, token, c.caHash));
                return 0;
            }
            case "join" -> {
                return join(inv, w, host);
            }
            case "reset" -> {
                OpsCommands.delete(inv, ADMIN_CONF);
                OpsCommands.delete(inv, KUBELET_CONF);
                OpsCommands.delete(inv, BOOTSTRAP_CONF);
                return 0;
            }
            default -> {
                return inv.fail(1, "unknown command \"" + verb + "\" for \"kubeadm\"");
            }
        }
    }

    private int init(Invocation inv, String host) {
        String endpoint = option(inv, "--control-plane-endpoint", host + ":6443");
        if (exists(inv, ADMIN_CONF)) {
            return inv.fail(1, "[ERROR FileAvailable--etc-kubernetes-admin.conf]: " + ADMIN_CONF
                    + " already exists");
        }
        if (!write(inv, ADMIN_CONF, "server: https://" + endpoint + "\n")
                || !write(inv, KUBELET_CONF, "server: https://" + endpoint + "\n")) {
            return 1;
        }
        KubeCluster c = new KubeCluster(hex(32));
        String token = token();
        c.tokens.add(token);
        c.nodes.put(host, "control-plane");
        boolean upload = inv.args.contains("--upload-certs");
        if (upload) {
            c.certificateKey = hex(32);
        }
        synchronized (this) {
            clusters.put(endpoint, c); // a second init at an endpoint makes a new cluster there, as it would
        }
        inv.println("Your Kubernetes control-plane has initialized successfully!");
        if (upload) {
            inv.println("[upload-certs] Using certificate key:").println(c.certificateKey);
        }
        inv.println(joinLine(endpoint, token, c.caHash));
        return 0;
    }

    /** {@code kubeadm init phase upload-certs --upload-certs}: a new certificate key, printed last. */
    private int uploadCerts(Invocation inv) {
        String endpoint = endpoint(inv);
        KubeCluster c = endpoint == null ? null : cluster(endpoint);
        if (c == null) {
            return inv.fail(1, "error execution phase upload-certs: failed to load admin kubeconfig");
        }
        String key = hex(32);
        synchronized (this) {
            c.certificateKey = key;
        }
        inv.println("[upload-certs] Storing the certificates in Secret \"kubeadm-certs\" in the \"kube-system\" "
                + "Namespace").println("[upload-certs] Using certificate key:").println(key);
        return 0;
    }

    private int join(Invocation inv, List<String> w, String host) {
        String token = option(inv, "--token", "");
        String ca = option(inv, "--discovery-token-ca-cert-hash", "");
        if (w.size() < 2 || !token.matches("[a-z0-9]{6}\\.[a-z0-9]{16}") || !ca.startsWith("sha256:")) {
            return inv.fail(1, "a join needs the endpoint, --token xxxxxx.xxxxxxxxxxxxxxxx and "
                    + "--discovery-token-ca-cert-hash sha256:...");
        }
        String endpoint = w.get(1);
        if (exists(inv, KUBELET_CONF)) {
            return inv.fail(1, "[ERROR FileAvailable--etc-kubernetes-kubelet.conf]: " + KUBELET_CONF
                    + " already exists");
        }
        KubeCluster c = cluster(endpoint);
        boolean cp = inv.args.contains("--control-plane");
        synchronized (this) {
            if (c == null) {
                return inv.fail(1, "error execution phase preflight: couldn't validate the identity of the API "
                        + "Server: Get \"https://" + endpoint + "/api/v1/namespaces/kube-public/configmaps/"
                        + "cluster-info\": dial tcp " + endpoint + ": connect: connection refused");
            }
            if (!c.tokens.contains(token)) {
                return inv.fail(1, "error execution phase preflight: couldn't validate the identity of the API "
                        + "Server: token id \"" + token.substring(0, 6) + "\" is invalid for this cluster or it "
                        + "has expired");
            }
            if (!ca.equals("sha256:" + c.caHash)) {
                return inv.fail(1, "error execution phase preflight: cluster CA found in cluster-info ConfigMap "
                        + "is invalid: none of the public keys \"sha256:" + c.caHash + "\" are pinned");
            }
            if (cp && (c.certificateKey.isEmpty() || !c.certificateKey.equals(option(inv, "--certificate-key",
                    "")))) {
                return inv.fail(1, "error execution phase control-plane-prepare/download-certs: error downloading "
                        + "certs: error decoding certificate key: the key does not open Secret \"kubeadm-certs\"");
            }
        }
        if (!write(inv, KUBELET_CONF, "server: https://" + endpoint + "\n")
                || !write(inv, BOOTSTRAP_CONF, "server: https://" + endpoint + "\ntoken: " + token + "\n")
                || (cp && !write(inv, ADMIN_CONF, "server: https://" + endpoint + "\n"))) {
            return 1;
        }
        synchronized (this) {
            c.nodes.put(host, cp ? "control-plane" : "<none>");
        }
        inv.println("This node has joined the cluster" + (cp ? " as a control-plane node" : "") + ".");
        return 0;
    }

    private int kubectl(Invocation inv) {
        List<String> w = OpsCommands.words(inv).stream().filter(x -> !x.contains("=")).toList();
        String endpoint = endpoint(inv);
        if (endpoint == null) {
            return inv.fail(1, "The connection to the server localhost:8080 was refused - did you specify the "
                    + "right host or port?");
        }
        String verb = w.isEmpty() ? "" : w.get(0);
        switch (verb) {
            case "get" -> {
                KubeCluster c = cluster(endpoint);
                List<Map.Entry<String, String>> nodes;
                synchronized (this) {
                    nodes = c == null ? List.of() : new ArrayList<>(c.nodes.entrySet());
                }
                inv.println("NAME   STATUS   ROLES           AGE   VERSION");
                for (Map.Entry<String, String> n : nodes) {
                    inv.println(n.getKey() + "   Ready    " + n.getValue() + "   1d    v1.31.2");
                }
                return 0;
            }
            case "drain", "cordon", "uncordon" -> {
                if (w.size() < 2) {
                    return inv.fail(1, "error: USAGE: kubectl " + verb + " NODE");
                }
                if (verb.equals("drain")) {
                    inv.println("node/" + w.get(1) + " cordoned");
                    inv.println("node/" + w.get(1) + " drained");
                } else {
                    inv.println("node/" + w.get(1) + " " + verb + "ed");
                }
                return 0;
            }
            default -> {
                return inv.fail(1, "error: unknown command \"" + verb + "\" for \"kubectl\"");
            }
        }
    }

    /** The endpoint this host's admin.conf points at, or null when it is no control plane. */
    private static String endpoint(Invocation inv) {
        String conf = read(inv, ADMIN_CONF);
        return conf == null ? null : conf.strip().replace("server: https://", "");
    }

    private synchronized KubeCluster cluster(String endpoint) {
        return clusters.get(endpoint);
    }

    private static String joinLine(String endpoint, String token, String caHash) {
        return "kubeadm join " + endpoint + " --token " + token + " --discovery-token-ca-cert-hash sha256:"
                + caHash;
    }

    private String token() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            b.append(i == 6 ? "." : "").append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
