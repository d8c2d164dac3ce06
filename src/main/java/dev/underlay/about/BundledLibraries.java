package dev.underlay.about;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The libraries this build bundles and their licences, for Help &gt; About and the installers' copyright file.
 * Which jars are bundled is written at build time ({@code bundled-jars.txt}: the runtime classpath as paths in the
 * Maven repository); their licences come from {@code licences.tsv} (a group, or {@code group:artifact}, its SPDX
 * expression and home page), kept by hand: {@code BundledLibrariesTest} fails when a dependency has none.
 */
public final class BundledLibraries {
    /** The licence of a library {@code licences.tsv} does not name. */
    public static final String NOT_RECORDED = "not recorded";

    private BundledLibraries() {
    }

    /** Every bundled library, in classpath order, each once. */
    public static List<BundledLibrary> list() {
        Map<String, String[]> licences = licences();
        Map<String, BundledLibrary> out = new LinkedHashMap<>();
        for (String line : lines("bundled-jars.txt")) {
            parse(line, licences).ifPresent(lib -> out.putIfAbsent(lib.group() + ":" + lib.artifact(), lib));
        }
        return List.copyOf(out.values());
    }

    /**
     * One line of {@code bundled-jars.txt}, {@code org/apache/sshd/sshd-core/2.20.0/sshd-core-2.20.0.jar} (either
     * separator), as a library; empty for anything else (a folder of classes, a blank line).
     */
    static Optional<BundledLibrary> parse(String line, Map<String, String[]> licences) {
        String[] parts = line.strip().replace('\\', '/').split("/");
        if (parts.length < 4 || !parts[parts.length - 1].endsWith(".jar")) {
            return Optional.empty();
        }
        String version = parts[parts.length - 2];
        String artifact = parts[parts.length - 3];
        String group = String.join(".", java.util.Arrays.copyOf(parts, parts.length - 3));
        String[] licence = licences.getOrDefault(group + ":" + artifact, licences.get(group));
        return Optional.of(new BundledLibrary(group, artifact, version,
                licence == null ? NOT_RECORDED : licence[0], licence == null ? "" : licence[1]));
    }

    private static Map<String, String[]> licences() {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String line : lines("licences.tsv")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length == 3) {
                out.put(cols[0], new String[] {cols[1], cols[2]});
            }
        }
        return out;
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = BundledLibraries.class.getResourceAsStream(resource)) {
            if (in == null) {
                return out; // classes not built by Maven: nothing is known to be bundled
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the classpath", e);
        }
    }
}
