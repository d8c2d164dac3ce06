package dev.underlay.inventory.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.ParamOwner;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.SealedParam;
import dev.underlay.inventory.SecureParams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code param_secret} rows (V4): sealed values of secure params, ciphertext only, written in the inventory's
 * own transaction so that an owner and its sealed values never part. Portable SQL: delete, then insert.
 */
final class SealedParamRows {
    private static final String DELETE = "DELETE FROM param_secret WHERE owner_kind = ? AND owner = ? AND name = ?";

    private SealedParamRows() {
    }

    /** Owner and param of a row. */
    private record Key(String kind, String owner, String name) {
    }

    static List<SealedParam> of(Connection c, ParamOwner owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, key_id, nonce, ciphertext FROM param_secret "
                + "WHERE owner_kind = ? AND owner = ? ORDER BY name")) {
            ps.setString(1, owner.kind().id());
            ps.setString(2, owner.name());
            try (ResultSet rs = ps.executeQuery()) {
                List<SealedParam> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new SealedParam(owner, rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)));
                }
                return out;
            }
        }
    }

    static int count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM param_secret")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Brings the rows in line with the change: deletes those of removed owners, of renamed machines' old names, and
     * of params an owner written here no longer holds sealed; then stores {@code ch.sealedParams}.
     */
    static void write(Connection c, InventoryChanges ch, Inventory before) throws SQLException {
        if (!touchesSealed(ch, before)) {
            return;
        }
        Map<Key, Boolean> stored = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT owner_kind, owner, name FROM param_secret")) {
            while (rs.next()) {
                stored.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), Boolean.TRUE);
            }
        }
        Set<Key> drop = new HashSet<>();
        Set<String> removedMachines = new HashSet<>(ch.removedMachines);
        removedMachines.addAll(ch.machineRenames.keySet());
        Set<String> removedProfiles = new HashSet<>(ch.removedProfiles);
        Map<String, Map<String, JsonNode>> machines = new HashMap<>();
        ch.machines.forEach(m -> machines.put(m.name(), m.params()));
        Map<String, Map<String, JsonNode>> profiles = new HashMap<>();
        ch.profiles.forEach(p -> profiles.put(p.name(), p.params()));
        Map<String, ParamDefinition> definitions = new HashMap<>();
        ch.paramDefinitions.forEach(d -> definitions.put(d.name(), d));
        for (Key k : stored.keySet()) {
            boolean gone = switch (ParamOwner.Kind.parse(k.kind())) {
                case MACHINE -> machines.containsKey(k.owner())
                        ? !SecureParams.isSealed(machines.get(k.owner()).get(k.name()))
                        : removedMachines.contains(k.owner());
                case PROFILE -> profiles.containsKey(k.owner())
                        ? !SecureParams.isSealed(profiles.get(k.owner()).get(k.name()))
                        : removedProfiles.contains(k.owner());
                case DEFINITION -> definitions.containsKey(k.owner())
                        ? !SecureParams.isSealed(definitions.get(k.owner()).defaultValue())
                        : ch.removedParamDefinitions.contains(k.owner());
            };
            if (gone) {
                drop.add(k);
            }
        }
        for (SealedParam s : ch.sealedParams) {
            Key k = new Key(s.owner().kind().id(), s.owner().name(), s.param());
            if (stored.containsKey(k)) {
                drop.add(k);
            }
        }
        try (PreparedStatement del = c.prepareStatement(DELETE)) {
            for (Key k : drop) {
                del.setString(1, k.kind());
                del.setString(2, k.owner());
                del.setString(3, k.name());
                del.addBatch();
            }
            del.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO param_secret(owner_kind, owner, name, key_id, "
                + "nonce, ciphertext) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (SealedParam s : ch.sealedParams) {
                ins.setString(1, s.owner().kind().id());
                ins.setString(2, s.owner().name());
                ins.setString(3, s.param());
                ins.setString(4, s.keyId());
                ins.setBytes(5, s.nonce());
                ins.setBytes(6, s.ciphertext());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /**
     * False when no row can be affected: nothing sealed is written, and no owner that is written or removed holds a
     * sealed value in the snapshot before (a 100,000-machine import without secure params pays nothing here).
     */
    private static boolean touchesSealed(InventoryChanges ch, Inventory before) {
        if (!ch.sealedParams.isEmpty()) {
            return true;
        }
        for (Machine m : ch.machines) {
            Machine old = before.machines().get(m.name());
            if (old != null && holdsSealed(old.params())) {
                return true;
            }
        }
        for (String n : ch.removedMachines) {
            Machine old = before.machines().get(n);
            if (old != null && holdsSealed(old.params())) {
                return true;
            }
        }
        for (String n : ch.machineRenames.keySet()) {
            Machine old = before.machines().get(n);
            if (old != null && holdsSealed(old.params())) {
                return true;
            }
        }
        for (Profile p : ch.profiles) {
            Profile old = before.profiles().get(p.name());
            if (old != null && holdsSealed(old.params())) {
                return true;
            }
        }
        for (String n : ch.removedProfiles) {
            Profile old = before.profiles().get(n);
            if (old != null && holdsSealed(old.params())) {
                return true;
            }
        }
        for (ParamDefinition d : ch.paramDefinitions) {
            ParamDefinition old = before.paramDefinitions().get(d.name());
            if (old != null && SecureParams.isSealed(old.defaultValue())) {
                return true;
            }
        }
        for (String n : ch.removedParamDefinitions) {
            ParamDefinition old = before.paramDefinitions().get(n);
            if (old != null && SecureParams.isSealed(old.defaultValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsSealed(Map<String, JsonNode> params) {
        for (JsonNode v : params.values()) {
            if (SecureParams.isSealed(v)) {
                return true;
            }
        }
        return false;
    }
}
