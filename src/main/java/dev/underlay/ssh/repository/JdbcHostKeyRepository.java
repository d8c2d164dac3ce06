package dev.underlay.ssh.repository;

import dev.underlay.db.Database;
import dev.underlay.db.DatabaseException;
import dev.underlay.db.SqlErrors;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.HostKeyRepository;
import dev.underlay.ssh.KnownHostKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Known host keys in the inventory database (table ssh_host_key, V3__ssh.sql). Portable SQL. */
public final class JdbcHostKeyRepository implements HostKeyRepository {
    private static final int BATCH = 1000;
    private final Database db;

    public JdbcHostKeyRepository(Database db) {
        this.db = db;
    }

    @Override
    public List<KnownHostKey> all() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT address, port, key_type, public_key, fingerprint, "
                     + "source, revoked, added_at FROM ssh_host_key ORDER BY address, port, added_at");
             ResultSet rs = ps.executeQuery()) {
            List<KnownHostKey> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new KnownHostKey(new Endpoint(rs.getString(1), rs.getInt(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                        rs.getTimestamp(8).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the known SSH host keys: " + SqlErrors.describe(e), e);
        }
    }

    @Override
    public void addAll(List<KnownHostKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement exists = c.prepareStatement(
                    "SELECT revoked FROM ssh_host_key WHERE address = ? AND port = ? AND fingerprint = ?");
                 PreparedStatement revoke = c.prepareStatement("UPDATE ssh_host_key SET revoked = ? "
                         + "WHERE address = ? AND port = ? AND fingerprint = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO ssh_host_key(address, port, key_type, "
                         + "public_key, fingerprint, source, revoked, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (KnownHostKey k : keys) {
                    exists.setString(1, k.endpoint().address());
                    exists.setInt(2, k.endpoint().port());
                    exists.setString(3, k.fingerprint());
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            if (k.revoked() && !rs.getBoolean(1)) {
                                revoke.setBoolean(1, true);
                                revoke.setString(2, k.endpoint().address());
                                revoke.setInt(3, k.endpoint().port());
                                revoke.setString(4, k.fingerprint());
                                revoke.executeUpdate();
                            }
                            continue;
                        }
                    }
                    ins.setString(1, k.endpoint().address());
                    ins.setInt(2, k.endpoint().port());
                    ins.setString(3, k.keyType());
                    ins.setString(4, k.publicKey());
                    ins.setString(5, k.fingerprint());
                    ins.setString(6, k.source());
                    ins.setBoolean(7, k.revoked());
                    ins.setTimestamp(8, Timestamp.from(k.addedAt()));
                    ins.addBatch();
                    if (++n % BATCH == 0) {
                        ins.executeBatch();
                    }
                }
                ins.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot store SSH host keys: " + SqlErrors.describe(e), e);
        }
    }

    @Override
    public int removeTrusted(Endpoint endpoint) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM ssh_host_key WHERE address = ? AND port = ? "
                     + "AND revoked = ?")) {
            ps.setString(1, endpoint.address());
            ps.setInt(2, endpoint.port());
            ps.setBoolean(3, false);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("cannot remove the SSH host keys of " + endpoint + ": " + SqlErrors.describe(e), e);
        }
    }
}
