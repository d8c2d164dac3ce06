package dev.underlay.secrets.repository;

import dev.underlay.db.Database;
import dev.underlay.db.DatabaseException;
import dev.underlay.db.SqlErrors;
import dev.underlay.secrets.CredentialSecretRepository;
import dev.underlay.secrets.SealedSecret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sealed secrets in the {@code credential_secret} table (V2 migration). Portable SQL: update, else insert. */
public final class JdbcCredentialSecretRepository implements CredentialSecretRepository {
    private final Database db;

    public JdbcCredentialSecretRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(SealedSecret s) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement upd = c.prepareStatement(
                        "UPDATE credential_secret SET key_id = ?, nonce = ?, ciphertext = ? WHERE credential = ?")) {
                    bind(upd, s);
                    n = upd.executeUpdate();
                }
                if (n == 0) {
                    try (PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO credential_secret(key_id, nonce, ciphertext, credential) VALUES (?, ?, ?, ?)")) {
                        bind(ins, s);
                        ins.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot store the secret of credential '" + s.credential() + "': "
                    + SqlErrors.describe(e), e);
        }
    }

    private static void bind(PreparedStatement ps, SealedSecret s) throws SQLException {
        ps.setString(1, s.keyId());
        ps.setBytes(2, s.nonce());
        ps.setBytes(3, s.ciphertext());
        ps.setString(4, s.credential());
    }

    @Override
    public Optional<SealedSecret> find(String credential) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT key_id, nonce, ciphertext FROM credential_secret WHERE credential = ?")) {
            ps.setString(1, credential);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SealedSecret(credential, rs.getString(1), rs.getBytes(2), rs.getBytes(3)));
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the secret of credential '" + credential + "': "
                    + SqlErrors.describe(e), e);
        }
    }

    @Override
    public boolean delete(String credential) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM credential_secret WHERE credential = ?")) {
            ps.setString(1, credential);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new DatabaseException("cannot remove the secret of credential '" + credential + "': "
                    + SqlErrors.describe(e), e);
        }
    }

    @Override
    public int deleteAll() {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            return st.executeUpdate("DELETE FROM credential_secret");
        } catch (SQLException e) {
            throw new DatabaseException("cannot remove the stored credential secrets: " + SqlErrors.describe(e), e);
        }
    }

    @Override
    public List<String> credentials() {
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT credential FROM credential_secret ORDER BY credential")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("cannot list the stored credential secrets: " + SqlErrors.describe(e), e);
        }
    }
}
