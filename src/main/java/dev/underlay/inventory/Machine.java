package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A machine Underlay can reach over SSH: bare metal in a rack, a virtual machine, or a cloud instance.
 * Immutable; change one through {@link #toBuilder()}.
 *
 * @param rack      empty when not racked
 * @param uPosition lowest U the machine occupies, or {@code null} when not racked
 * @param params    the machine's own params (not the resolved ones: see {@code ParamResolver})
 */
public record Machine(
        String name,
        MachineKind kind,
        String site,
        String rack,
        Integer uPosition,
        int uHeight,
        Face face,
        String address,
        int sshPort,
        String sshUser,
        String credential,
        List<String> tags,
        List<String> profiles,
        Map<String, JsonNode> params,
        MachineStatus status,
        String cloudProvider,
        String cloudRegion,
        String instanceId) {

    public static final int DEFAULT_SSH_PORT = 22;

    public Machine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(status, "status");
        site = nz(site);
        rack = nz(rack);
        address = nz(address);
        sshUser = nz(sshUser);
        credential = nz(credential);
        cloudProvider = nz(cloudProvider);
        cloudRegion = nz(cloudRegion);
        instanceId = nz(instanceId);
        tags = List.copyOf(tags);
        profiles = List.copyOf(profiles);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** True when the machine sits in a rack at a U position. */
    public boolean racked() {
        return !rack.isEmpty() && uPosition != null;
    }

    /** Highest U occupied, inclusive; only meaningful when {@link #racked()}. */
    public int topU() {
        return uPosition + uHeight - 1;
    }

    /** "U10" or "U10-U11", for messages. */
    public String uRange() {
        if (uPosition == null) {
            return "no U";
        }
        return uHeight <= 1 ? "U" + uPosition : "U" + uPosition + "-U" + topU();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Mutable builder for {@link Machine}. */
    public static final class Builder {
        private String name;
        private MachineKind kind = MachineKind.BARE_METAL;
        private String site = "";
        private String rack = "";
        private Integer uPosition;
        private int uHeight = 1;
        private Face face = Face.FRONT;
        private String address = "";
        private int sshPort = DEFAULT_SSH_PORT;
        private String sshUser = "";
        private String credential = "";
        private List<String> tags = List.of();
        private List<String> profiles = List.of();
        private Map<String, JsonNode> params = Map.of();
        private MachineStatus status = MachineStatus.NEW;
        private String cloudProvider = "";
        private String cloudRegion = "";
        private String instanceId = "";

        private Builder(String name) {
            this.name = name;
        }

        private Builder(Machine m) {
            name = m.name;
            kind = m.kind;
            site = m.site;
            rack = m.rack;
            uPosition = m.uPosition;
            uHeight = m.uHeight;
            face = m.face;
            address = m.address;
            sshPort = m.sshPort;
            sshUser = m.sshUser;
            credential = m.credential;
            tags = m.tags;
            profiles = m.profiles;
            params = m.params;
            status = m.status;
            cloudProvider = m.cloudProvider;
            cloudRegion = m.cloudRegion;
            instanceId = m.instanceId;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder kind(MachineKind v) { kind = v; return this; }
        public Builder site(String v) { site = v; return this; }
        public Builder rack(String v) { rack = v; return this; }
        public Builder uPosition(Integer v) { uPosition = v; return this; }
        public Builder uHeight(int v) { uHeight = v; return this; }
        public Builder face(Face v) { face = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder sshPort(int v) { sshPort = v; return this; }
        public Builder sshUser(String v) { sshUser = v; return this; }
        public Builder credential(String v) { credential = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }
        public Builder profiles(List<String> v) { profiles = v; return this; }
        public Builder params(Map<String, JsonNode> v) { params = v; return this; }
        public Builder status(MachineStatus v) { status = v; return this; }
        public Builder cloudProvider(String v) { cloudProvider = v; return this; }
        public Builder cloudRegion(String v) { cloudRegion = v; return this; }
        public Builder instanceId(String v) { instanceId = v; return this; }

        /** Places the machine in a rack at a U position on a face. */
        public Builder placed(String rackName, int position, int height, Face f) {
            rack = rackName;
            uPosition = position;
            uHeight = height;
            face = f;
            return this;
        }

        public Machine build() {
            return new Machine(name, kind, site, rack, uPosition, uHeight, face, address, sshPort, sshUser,
                    credential, tags, profiles, params, status, cloudProvider, cloudRegion, instanceId);
        }
    }
}
