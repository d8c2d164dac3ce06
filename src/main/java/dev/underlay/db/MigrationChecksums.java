package dev.underlay.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for each of this build's migrations, computed the way Flyway computes it (CRC32 of the
 * file's lines without their line breaks, a leading byte order mark dropped), so that the open that skips Flyway
 * still notices a history that does not match the migrations, as Flyway's validation would (decision 0033).
 * {@code SchemaFastPathTest} keeps it equal to Flyway's own figures.
 */
final class MigrationChecksums {
    private static final String FOLDER = "/db/migration/";

    private MigrationChecksums() {
    }

    /** The checksum of migration {@code script} ({@code V<n>__*.sql}), or {@code null} when this build has none. */
    static Integer of(String script) {
        if (script == null || script.contains("/") || !script.endsWith(".sql")) {
            return null;
        }
        try (InputStream in = MigrationChecksums.class.getResourceAsStream(FOLDER + script)) {
            if (in == null) {
                return null;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
            CRC32 crc = new CRC32();
            String line = r.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = r.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return (int) crc.getValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + script, e);
        }
    }
}
