package dev.underlay.db;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database error in words, without the SQL statement or the driver's codes: what reaches a technician is
 * "a value is too long for machine name (at most 200 characters)", never H2's text with the INSERT in it. The
 * rules check lengths before any SQL runs; this is the net under them.
 */
public final class SqlErrors {
    private static final Pattern TOO_LONG = Pattern.compile("column \"(\\w+) [^\"]*?\\((\\d+)\\)\"");
    private static final Pattern TABLE = Pattern.compile("(?i)(?:INSERT INTO|UPDATE) \"?(?:PUBLIC\\.)?\"?(\\w+)");

    private SqlErrors() {
    }

    /** One sentence for {@code e}. */
    public static String describe(SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if ("22001".equals(e.getSQLState())) {
            Matcher c = TOO_LONG.matcher(msg);
            Matcher t = TABLE.matcher(msg);
            if (c.find()) {
                String where = (t.find() ? t.group(1).toLowerCase(java.util.Locale.ROOT) + " " : "")
                        + c.group(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                return "a value is too long for " + where + " (at most " + c.group(2) + " characters)";
            }
            return "a value is too long for its field";
        }
        int cut = msg.indexOf("; SQL statement");
        String first = cut >= 0 ? msg.substring(0, cut) : Database.firstLine(msg);
        // H2 ends its text with "[code-version]"; PostgreSQL's driver starts it with the severity
        return first.replaceAll("\\s*\\[\\d+-\\d+]$", "").replaceFirst("^(ERROR|FATAL): ", "").strip();
    }
}
