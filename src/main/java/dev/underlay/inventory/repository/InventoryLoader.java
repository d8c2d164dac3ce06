package dev.underlay.inventory.repository;

import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Credential;
import dev.underlay.inventory.CredentialKind;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.JsonText;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import dev.underlay.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the whole inventory in a few table scans. */
final class InventoryLoader {
    private InventoryLoader() {
    }

    static Inventory load(Connection c, Database db) throws SQLException {
        try (Statement st = c.createStatement()) {
            Inventory.Builder b = Inventory.builder();
            try (ResultSet rs = st.executeQuery("SELECT name, description FROM site")) {
                while (rs.next()) {
                    b.site(new Site(rs.getString(1), rs.getString(2)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT name, site, height_u, row_name, position FROM rack")) {
                while (rs.next()) {
                    b.rack(new Rack(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT name, kind, username, key_file, description FROM credential")) {
                while (rs.next()) {
                    b.credential(new Credential(rs.getString(1), CredentialKind.parse(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT name, schema_json, default_json, description, secure FROM param_definition")) {
                while (rs.next()) {
                    String schema = rs.getString(2);
                    String def = rs.getString(3);
                    b.paramDefinition(new ParamDefinition(rs.getString(1), schema == null ? null : JsonText.parse(schema),
                            def == null ? null : JsonText.parse(def), rs.getString(4), rs.getBoolean(5)));
                }
            }
            loadProfiles(st, b);
            loadMachines(st, b, db);
            loadClusters(st, b);
            return b.build();
        }
    }

    private static void loadProfiles(Statement st, Inventory.Builder b) throws SQLException {
        Map<String, List<String>> includes = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT profile, included FROM profile_include ORDER BY profile, ordinal")) {
            while (rs.next()) {
                includes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<String, Map<String, com.fasterxml.jackson.databind.JsonNode>> params = new HashMap<>();
        try (ResultSet rs = st.executeQuery(
                "SELECT profile, name, value_json FROM profile_param ORDER BY profile, ordinal")) {
            while (rs.next()) {
                params.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), JsonText.parse(rs.getString(3)));
            }
        }
        try (ResultSet rs = st.executeQuery("SELECT name, description FROM profile")) {
            while (rs.next()) {
                String n = rs.getString(1);
                b.profile(new Profile(n, rs.getString(2), includes.getOrDefault(n, List.of()),
                        params.getOrDefault(n, Map.of())));
            }
        }
    }

    private static void loadMachines(Statement st, Inventory.Builder b, Database db) throws SQLException {
        // Read raw rows in one pass, then turn them into machines on all cores: the JSON of params and the
        // enum parsing cost more than the scan, and a console opening 100,000 machines waits for this.
        List<Object[]> rows = new ArrayList<>();
        // Stream the rows instead of H2 first copying all 100,000 into a result in memory: that copy lives through
        // the whole scan, and copying it from one young generation to the next doubled the time spent in GC.
        db.streamed(st, () -> {
            scanMachines(st, rows);
            return null;
        });
        // one list per distinct tags or profiles text, shared by the machines that have it (lists are immutable)
        Map<String, List<String>> lists = new java.util.concurrent.ConcurrentHashMap<>();
        b.machines(rows.parallelStream().map(r -> machine(r, lists)).toList());
    }

    private static void scanMachines(Statement st, List<Object[]> rows) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT name, kind, site, rack, u_position, u_height, face, address, "
                + "ssh_port, ssh_user, credential, status, cloud_provider, cloud_region, instance_id, tags, "
                + "profiles, params_json FROM machine")) {
            // the same few sites, racks, users, statuses and tag lists repeat on every row: one string each
            Map<String, String> same = new HashMap<>();
            while (rs.next()) {
                int u = rs.getInt(5);
                Integer uPos = rs.wasNull() ? null : u;
                rows.add(new Object[] {rs.getString(1), one(same, rs.getString(2)), one(same, rs.getString(3)),
                    one(same, rs.getString(4)), uPos, rs.getInt(6), one(same, rs.getString(7)), rs.getString(8),
                    rs.getInt(9), one(same, rs.getString(10)), one(same, rs.getString(11)),
                    one(same, rs.getString(12)), one(same, rs.getString(13)), one(same, rs.getString(14)),
                    rs.getString(15), one(same, rs.getString(16)), one(same, rs.getString(17)), rs.getString(18)});
            }
        }
    }

    private static String one(Map<String, String> same, String s) {
        return s == null ? null : same.computeIfAbsent(s, k -> k);
    }

    private static Machine machine(Object[] r, Map<String, List<String>> lists) {
        return new Machine((String) r[0], MachineKind.parse((String) r[1]), (String) r[2], (String) r[3],
                (Integer) r[4], (Integer) r[5], Face.parse((String) r[6]), (String) r[7], (Integer) r[8],
                (String) r[9], (String) r[10], split((String) r[15], lists), split((String) r[16], lists),
                JsonText.paramsFrom((String) r[17]), MachineStatus.parse((String) r[11]), (String) r[12],
                (String) r[13], (String) r[14]);
    }

    private static void loadClusters(Statement st, Inventory.Builder b) throws SQLException {
        Map<String, List<ClusterMember>> members = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT cluster, machine, role FROM cluster_member ORDER BY cluster, ordinal")) {
            while (rs.next()) {
                members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ClusterMember(rs.getString(2), rs.getString(3)));
            }
        }
        try (ResultSet rs = st.executeQuery("SELECT name, kind, description, profile FROM cluster")) {
            while (rs.next()) {
                String n = rs.getString(1);
                b.cluster(new Cluster(n, rs.getString(2), rs.getString(3), rs.getString(4),
                        members.getOrDefault(n, List.of())));
            }
        }
    }

    private static List<String> split(String s, Map<String, List<String>> lists) {
        return s == null || s.isEmpty() ? List.of() : lists.computeIfAbsent(s, k -> List.of(k.split(",")));
    }

}
