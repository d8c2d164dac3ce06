import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Minimal reproducer, plain H2 and JDBC only: a folder with 3 rows, then one transaction that inserts 1,249
 * racks and 49,997 machines (Underlay's schema, batches of 1,000) after reading the table once. Killed with
 * SIGKILL while commit() runs, H2 2.5.250/2.5.252 reopen with part of the transaction; 2.4.240 and 2.3.232 never
 * did (docs/decisions/0007, bench/h2-crash/sweep.sh).
 *
 * <p>Modes: {@code setup DIR}, {@code write DIR} (prints "committing" before commit, "committed" after),
 * {@code count DIR} (prints "machines racks sites").
 */
public class H2CommitKill {
    public static void main(String[] a) throws Exception {
        String url = "jdbc:h2:file:" + Path.of(a[1]).toAbsolutePath() + "/underlay;DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "underlay", ""); Statement st = c.createStatement()) {
            switch (a[0]) {
                case "setup" -> {
                    st.execute("CREATE TABLE site(name VARCHAR(200) PRIMARY KEY)");
                    st.execute("CREATE TABLE rack(name VARCHAR(200) PRIMARY KEY, site VARCHAR(200) NOT NULL "
                            + "REFERENCES site(name), height_u INT NOT NULL, row_name VARCHAR(200) NOT NULL, "
                            + "position INT NOT NULL)");
                    st.execute("CREATE TABLE machine(name VARCHAR(200) PRIMARY KEY, kind VARCHAR(20), site "
                            + "VARCHAR(200), rack VARCHAR(200), u_position INT, address VARCHAR(400), tags "
                            + "VARCHAR(4000), params_json CLOB)");
                    st.execute("INSERT INTO site VALUES ('site0'), ('site1'), ('site2')");
                    st.execute("INSERT INTO rack VALUES ('rack00000', 'site0', 42, 'R0', 1)");
                    st.execute("INSERT INTO machine VALUES ('m000000', 'bare-metal', 'site0', 'rack00000', 1, "
                            + "'10.0.0.0', 'scale', '{}'), ('m000001', 'bare-metal', 'site0', 'rack00000', 2, "
                            + "'10.0.0.1', 'scale', '{}'), ('m000002', 'bare-metal', 'site0', 'rack00000', 3, "
                            + "'10.0.0.2', 'scale', '{}')");
                }
                case "write" -> write(c, st);
                case "count" -> {
                    ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM machine), "
                            + "(SELECT COUNT(*) FROM rack), (SELECT COUNT(*) FROM site)");
                    rs.next();
                    System.out.println(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
                }
                default -> throw new IllegalArgumentException("mode: setup, write or count");
            }
        }
    }

    private static void write(Connection c, Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT name, params_json FROM machine")) {
            while (rs.next()) {
                rs.getString(2); // reading first, as Underlay loads the inventory before it writes
            }
        }
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO rack VALUES (?, ?, 42, 'R0', ?)")) {
            for (int r = 1; r < 1250; r++) {
                p.setString(1, String.format("rack%05d", r));
                p.setString(2, "site" + r % 3);
                p.setInt(3, r % 100 + 1);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO machine VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 3; i < 50_000; i++) {
                int r = i / 40;
                p.setString(1, String.format("m%06d", i));
                p.setString(2, "bare-metal");
                p.setString(3, "site" + r % 3);
                p.setString(4, String.format("rack%05d", r));
                p.setInt(5, i % 40 + 1);
                p.setString(6, "10.0." + (i >> 8 & 255) + "." + (i & 255));
                p.setString(7, "scale,web");
                p.setString(8, "{\"index\":" + i + ",\"role\":\"web\"}");
                p.addBatch();
                if (i % 1000 == 999) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        System.out.println("committing");
        System.out.flush();
        c.commit();
        System.out.println("committed");
    }
}
