package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inventory a first start of the console fills in: one site with three 42U racks, a cloud region with a few
 * instances, and a Kubernetes cluster. Every machine is tagged {@value #LAB_TAG} and addressed at the simulated
 * lab on 127.0.0.1, one port per machine from {@value #FIRST_PORT}.
 */
public final class DemoInventory {
    public static final String LAB_TAG = "lab";
    public static final String LAB_CREDENTIAL = "lab-key";
    public static final int FIRST_PORT = 22001;
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    private final List<Machine> machines = new ArrayList<>();
    private int nextPort = FIRST_PORT;

    private DemoInventory() {
    }

    /** The demo as changes to an empty inventory; {@code labKey} is the lab client key the credential names. */
    public static InventoryChanges changes(Path labKey) {
        return new DemoInventory().build(labKey);
    }

    private InventoryChanges build(Path labKey) {
        InventoryChanges ch = new InventoryChanges();
        ch.sites.add(new Site("fra1", "Frankfurt data centre 1, hall B"));
        ch.sites.add(new Site("aws-euc1", "AWS eu-central-1 (cloud)"));
        for (int r = 1; r <= 3; r++) {
            ch.racks.add(new Rack(rack(r), "fra1", Rack.DEFAULT_HEIGHT_U, "B", r));
        }
        ch.credentials.add(new Credential(LAB_CREDENTIAL, CredentialKind.KEY, "root", labKey.toString(),
                "Client key of the simulated lab"));
        ch.paramDefinitions.add(new ParamDefinition("k8s_version", schema("string"), J.textNode("1.30.4"),
                "Kubernetes version kubeadm installs", false));
        ch.paramDefinitions.add(new ParamDefinition("ntp_servers", schema("array"), null,
                "NTP servers the baseline configures", false));
        ch.paramDefinitions.add(new ParamDefinition("bmc_password", schema("string"), null,
                "Password of the baseboard management controller", true));
        ch.profiles.add(new Profile(Profile.GLOBAL, "Consulted last, for every machine", List.of(),
                params("timezone", J.textNode("UTC"), "dns_domain", J.textNode("example.internal"))));
        ch.profiles.add(new Profile("baseline", "Every server: time, DNS, packages", List.of(),
                params("ntp_servers", J.arrayNode().add("ntp1.fra1.example.internal").add("ntp2.fra1.example.internal"),
                        "dns_servers", J.arrayNode().add("10.20.0.53"))));
        ch.profiles.add(new Profile("k8s-node", "Kubernetes node", List.of("baseline"),
                params("pod_cidr", J.textNode("10.244.0.0/16"), "container_runtime", J.textNode("containerd"))));
        ch.profiles.add(new Profile("gpu", "GPU servers", List.of("baseline"),
                params("cuda_version", J.textNode("12.4"))));
        ch.profiles.add(new Profile("cloud-euc1", "AWS eu-central-1 instances", List.of(),
                params("timezone", J.textNode("Europe/Berlin"), "ntp_servers", J.arrayNode().add("169.254.169.123"))));

        rack1();
        rack2();
        rack3();
        cloud();
        ch.machines.addAll(machines);

        List<ClusterMember> members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            members.add(new ClusterMember(String.format("fra1-k8s-cp%02d", i), "control-plane"));
        }
        for (int i = 1; i <= 12; i++) {
            members.add(new ClusterMember(String.format("fra1-k8s-w%02d", i), "worker"));
        }
        ch.clusters.add(new Cluster("fra1-k8s", "kubernetes", "Production Kubernetes in fra1", "", members));
        return ch;
    }

    private void rack1() {
        for (int i = 1; i <= 6; i++) {
            server(String.format("fra1-k8s-w%02d", i), 1, 1 + (i - 1) * 2, 2, Face.FRONT, MachineStatus.IN_USE,
                    List.of("k8s", "compute"), List.of("k8s-node"));
        }
        for (int i = 1; i <= 3; i++) {
            server(String.format("fra1-k8s-cp%02d", i), 1, 39 + i, 1, Face.FRONT, MachineStatus.IN_USE,
                    List.of("k8s", "control-plane"), List.of("k8s-node"));
        }
        server("fra1-mgmt01", 1, 42, 1, Face.REAR, MachineStatus.IN_USE, List.of("mgmt"), List.of("baseline"));
    }

    private void rack2() {
        for (int i = 7; i <= 12; i++) {
            server(String.format("fra1-k8s-w%02d", i), 2, 1 + (i - 7) * 2, 2, Face.FRONT,
                    i == 12 ? MachineStatus.READY : MachineStatus.IN_USE, List.of("k8s", "compute"),
                    List.of("k8s-node"));
        }
        for (int i = 1; i <= 3; i++) {
            server(String.format("fra1-db%02d", i), 2, 18 + (i - 1) * 2, 2, Face.FULL_DEPTH, MachineStatus.IN_USE,
                    List.of("db", "postgres"), List.of("baseline"));
        }
        for (int i = 1; i <= 4; i++) {
            server(String.format("fra1-web%02d", i), 2, 29 + i, 1, Face.FRONT, MachineStatus.IN_USE,
                    List.of("web"), List.of("baseline"));
        }
    }

    private void rack3() {
        for (int i = 1; i <= 4; i++) {
            server(String.format("fra1-gpu%02d", i), 3, 1 + (i - 1) * 4, 4, Face.FULL_DEPTH,
                    i == 3 ? MachineStatus.FAILED : MachineStatus.IN_USE, List.of("gpu", "compute"), List.of("gpu"));
        }
        for (int i = 1; i <= 4; i++) {
            server(String.format("fra1-stor%02d", i), 3, 20 + (i - 1) * 2, 2, Face.FRONT,
                    i == 2 ? MachineStatus.MAINTENANCE : MachineStatus.IN_USE, List.of("storage", "ceph"),
                    List.of("baseline"));
        }
        for (int i = 1; i <= 3; i++) {
            server(String.format("fra1-ci%02d", i), 3, 29 + i, 1, Face.FRONT,
                    i == 3 ? MachineStatus.NEW : MachineStatus.READY, List.of("ci"), List.of("baseline"));
        }
        server("fra1-bastion01", 3, 40, 1, Face.FRONT, MachineStatus.IN_USE, List.of("bastion"), List.of("baseline"));
    }

    private void cloud() {
        String[] names = {"euc1-web01", "euc1-web02", "euc1-web03", "euc1-api01", "euc1-api02", "euc1-ci01"};
        String[] ids = {"i-0a4f1c2e9b7d30115", "i-0b81d2f4c6a9e0226", "i-0c72e3a5d8b1f0337", "i-0d63f4b6e9c2a0448",
            "i-0e54a5c7f0d3b0559", "i-0f45b6d8a1e4c066a"};
        for (int i = 0; i < names.length; i++) {
            String role = names[i].substring(5, names[i].length() - 2);
            machines.add(Machine.builder(names[i]).kind(MachineKind.CLOUD).site("aws-euc1")
                    .address("127.0.0.1").sshPort(nextPort++).sshUser("root").credential(LAB_CREDENTIAL)
                    .tags(List.of(LAB_TAG, role, "cloud")).profiles(List.of("cloud-euc1", "baseline"))
                    .params(params("instance_type", J.textNode(role.equals("ci") ? "c6i.2xlarge" : "m6i.large")))
                    .status(MachineStatus.IN_USE).cloudProvider("aws").cloudRegion("eu-central-1")
                    .instanceId(ids[i]).build());
        }
    }

    private void server(String name, int rack, int u, int height, Face face, MachineStatus status,
                        List<String> tags, List<String> profiles) {
        List<String> t = new ArrayList<>();
        t.add(LAB_TAG);
        t.addAll(tags);
        machines.add(Machine.builder(name).kind(MachineKind.BARE_METAL).site("fra1")
                .placed(rack(rack), u, height, face).address("127.0.0.1").sshPort(nextPort++).sshUser("root")
                .credential(LAB_CREDENTIAL).tags(t).profiles(profiles)
                .params(params("serial", J.textNode(String.format("CZ2%07d", name.hashCode() & 0xFFFFFF)),
                        "bmc_address", J.textNode(String.format("10.30.%d.%d", rack, u))))
                .status(status).build());
    }

    private static String rack(int r) {
        return String.format("fra1-r%02d", r);
    }

    private static JsonNode schema(String type) {
        return J.objectNode().put("type", type);
    }

    private static Map<String, JsonNode> params(Object... kv) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (JsonNode) kv[i + 1]);
        }
        return m;
    }
}
