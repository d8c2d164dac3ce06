package dev.underlay.inventory.repository;

import dev.underlay.db.Database;
import dev.underlay.db.DatabaseException;
import dev.underlay.db.SqlErrors;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryStore;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamOwner;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.SealedParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The inventory in H2, read whole and written in one transaction per change. Portable SQL (no MERGE). */
public final class JdbcInventoryStore implements InventoryStore {
    private static final int BATCH = 1000;
    private final Database db;

    public JdbcInventoryStore(Database db) {
        this.db = db;
    }

    @Override
    public Inventory load() {
        try (Connection c = db.connection()) {
            return InventoryLoader.load(c, db);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the inventory: " + SqlErrors.describe(e), e);
        }
    }

    @Override
    public void apply(InventoryChanges ch, Inventory before) {
        if (ch.isEmpty()) {
            return;
        }
        try {
            db.transaction(c -> {
                write(c, ch, before);
                return null;
            });
        } catch (SQLException e) {
            throw new DatabaseException("cannot save the inventory: " + SqlErrors.describe(e), e);
        }
    }

    private static void write(Connection c, InventoryChanges ch, Inventory before) throws SQLException {
        deleteAll(c, "DELETE FROM cluster WHERE name = ?", ch.removedClusters);
        deleteAll(c, "DELETE FROM machine WHERE name = ?", ch.removedMachines);
        try (PreparedStatement ps = c.prepareStatement("UPDATE machine SET name = ? WHERE name = ?")) {
            for (Map.Entry<String, String> e : ch.machineRenames.entrySet()) {
                ps.setString(1, e.getValue());
                ps.setString(2, e.getKey());
                ps.executeUpdate();
            }
        }
        deleteAll(c, "DELETE FROM profile WHERE name = ?", ch.removedProfiles);
        deleteAll(c, "DELETE FROM rack WHERE name = ?", ch.removedRacks);
        deleteAll(c, "DELETE FROM site WHERE name = ?", ch.removedSites);
        deleteAll(c, "DELETE FROM credential WHERE name = ?", ch.removedCredentials);
        deleteAll(c, "DELETE FROM param_definition WHERE name = ?", ch.removedParamDefinitions);
        Rows.upsert(c, ch.sites, s -> before.sites().containsKey(s.name()),
                "INSERT INTO site(description, name) VALUES (?, ?)",
                "UPDATE site SET description = ? WHERE name = ?",
                (ps, s) -> {
                    ps.setString(1, s.description());
                    ps.setString(2, s.name());
                });
        Rows.upsert(c, ch.racks, r -> before.racks().containsKey(r.name()),
                "INSERT INTO rack(site, height_u, row_name, position, name) VALUES (?, ?, ?, ?, ?)",
                "UPDATE rack SET site = ?, height_u = ?, row_name = ?, position = ? WHERE name = ?",
                (ps, r) -> {
                    ps.setString(1, r.site());
                    ps.setInt(2, r.heightU());
                    ps.setString(3, r.row());
                    ps.setInt(4, r.position());
                    ps.setString(5, r.name());
                });
        Rows.upsert(c, ch.credentials, x -> before.credentials().containsKey(x.name()),
                "INSERT INTO credential(kind, username, key_file, description, name) VALUES (?, ?, ?, ?, ?)",
                "UPDATE credential SET kind = ?, username = ?, key_file = ?, description = ? WHERE name = ?",
                (ps, x) -> {
                    ps.setString(1, x.kind().id());
                    ps.setString(2, x.username());
                    ps.setString(3, x.keyFile());
                    ps.setString(4, x.description());
                    ps.setString(5, x.name());
                });
        Rows.upsert(c, ch.paramDefinitions, d -> before.paramDefinitions().containsKey(d.name()),
                "INSERT INTO param_definition(schema_json, default_json, description, secure, name) "
                        + "VALUES (?, ?, ?, ?, ?)",
                "UPDATE param_definition SET schema_json = ?, default_json = ?, description = ?, secure = ? "
                        + "WHERE name = ?",
                (ps, d) -> {
                    ps.setString(1, d.schema() == null ? null : Json.write(d.schema()));
                    ps.setString(2, d.defaultValue() == null ? null : Json.write(d.defaultValue()));
                    ps.setString(3, d.description());
                    ps.setBoolean(4, d.secure());
                    ps.setString(5, d.name());
                });
        writeProfiles(c, ch.profiles, before);
        Rows.upsert(c, ch.machines, m -> before.machines().containsKey(m.name())
                        || ch.machineRenames.containsValue(m.name()),
                "INSERT INTO machine(kind, site, rack, u_position, u_height, face, address, ssh_port, ssh_user, "
                        + "credential, status, cloud_provider, cloud_region, instance_id, tags, profiles, "
                        + "params_json, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "UPDATE machine SET kind = ?, site = ?, rack = ?, u_position = ?, u_height = ?, face = ?, "
                        + "address = ?, ssh_port = ?, ssh_user = ?, credential = ?, status = ?, cloud_provider = ?, "
                        + "cloud_region = ?, instance_id = ?, tags = ?, profiles = ?, params_json = ? WHERE name = ?",
                JdbcInventoryStore::bindMachine);
        writeClusters(c, ch.clusters, before);
        SealedParamRows.write(c, ch, before);
    }

    @Override
    public List<SealedParam> sealedParams(ParamOwner owner) {
        try (Connection c = db.connection()) {
            return SealedParamRows.of(c, owner);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the secure params of " + owner + ": " + SqlErrors.describe(e), e);
        }
    }

    @Override
    public int sealedParamCount() {
        try (Connection c = db.connection()) {
            return SealedParamRows.count(c);
        } catch (SQLException e) {
            throw new DatabaseException("cannot count the stored secure params: " + SqlErrors.describe(e), e);
        }
    }

    private static void bindMachine(PreparedStatement ps, Machine m) throws SQLException {
        ps.setString(1, m.kind().id());
        ps.setString(2, m.site());
        ps.setString(3, m.rack());
        if (m.uPosition() == null) {
            ps.setNull(4, java.sql.Types.INTEGER);
        } else {
            ps.setInt(4, m.uPosition());
        }
        ps.setInt(5, m.uHeight());
        ps.setString(6, m.face().id());
        ps.setString(7, m.address());
        ps.setInt(8, m.sshPort());
        ps.setString(9, m.sshUser());
        ps.setString(10, m.credential());
        ps.setString(11, m.status().id());
        ps.setString(12, m.cloudProvider());
        ps.setString(13, m.cloudRegion());
        ps.setString(14, m.instanceId());
        ps.setString(15, String.join(",", m.tags()));
        ps.setString(16, String.join(",", m.profiles()));
        ps.setString(17, Json.write(m.params()));
        ps.setString(18, m.name());
    }

    private static void writeProfiles(Connection c, List<Profile> profiles, Inventory before) throws SQLException {
        Rows.upsert(c, profiles, p -> before.profiles().containsKey(p.name()),
                "INSERT INTO profile(description, name) VALUES (?, ?)",
                "UPDATE profile SET description = ? WHERE name = ?",
                (ps, p) -> {
                    ps.setString(1, p.description());
                    ps.setString(2, p.name());
                });
        List<String> names = profiles.stream().map(Profile::name).toList();
        deleteAll(c, "DELETE FROM profile_include WHERE profile = ?", names);
        deleteAll(c, "DELETE FROM profile_param WHERE profile = ?", names);
        try (PreparedStatement inc = c.prepareStatement(
                "INSERT INTO profile_include(profile, ordinal, included) VALUES (?, ?, ?)");
             PreparedStatement par = c.prepareStatement(
                     "INSERT INTO profile_param(profile, ordinal, name, value_json) VALUES (?, ?, ?, ?)")) {
            for (Profile p : profiles) {
                int i = 0;
                for (String s : p.includes()) {
                    inc.setString(1, p.name());
                    inc.setInt(2, i++);
                    inc.setString(3, s);
                    inc.addBatch();
                }
                i = 0;
                for (var e : p.params().entrySet()) {
                    par.setString(1, p.name());
                    par.setInt(2, i++);
                    par.setString(3, e.getKey());
                    par.setString(4, Json.write(e.getValue()));
                    par.addBatch();
                }
            }
            inc.executeBatch();
            par.executeBatch();
        }
    }

    private static void writeClusters(Connection c, List<Cluster> clusters, Inventory before) throws SQLException {
        Rows.upsert(c, clusters, x -> before.clusters().containsKey(x.name()),
                "INSERT INTO cluster(kind, description, profile, name) VALUES (?, ?, ?, ?)",
                "UPDATE cluster SET kind = ?, description = ?, profile = ? WHERE name = ?",
                (ps, x) -> {
                    ps.setString(1, x.kind());
                    ps.setString(2, x.description());
                    ps.setString(3, x.profile() == null ? "" : x.profile());
                    ps.setString(4, x.name());
                });
        deleteAll(c, "DELETE FROM cluster_member WHERE cluster = ?", clusters.stream().map(Cluster::name).toList());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO cluster_member(cluster, ordinal, machine, role) VALUES (?, ?, ?, ?)")) {
            for (Cluster x : clusters) {
                int i = 0;
                for (ClusterMember m : x.members()) {
                    ps.setString(1, x.name());
                    ps.setInt(2, i++);
                    ps.setString(3, m.machine());
                    ps.setString(4, m.role());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void deleteAll(Connection c, String sql, List<String> names) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (String name : names) {
                ps.setString(1, name);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<String> setting(String name) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read setting " + name + ": " + SqlErrors.describe(e), e);
        }
    }

    @Override
    public void putSetting(String name, String value) {
        try (Connection c = db.connection()) {
            try (PreparedStatement up = c.prepareStatement("UPDATE settings SET setting_value = ? WHERE name = ?")) {
                up.setString(1, value);
                up.setString(2, name);
                if (up.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO settings(name, setting_value) VALUES (?, ?)")) {
                ins.setString(1, name);
                ins.setString(2, value);
                ins.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot save setting " + name + ": " + SqlErrors.describe(e), e);
        }
    }
}
