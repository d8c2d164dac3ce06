package dev.underlay.about;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build of Underlay is: its version and the commit it was built from, as Maven wrote them into
 * {@code build.properties} (pom.xml's "build-facts" step asks git; a build without git, or from classes Maven never
 * filtered, says {@code unknown}). {@code underlay --version} and Help &gt; About show the same.
 *
 * @param version the project's version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit  the abbreviated commit id, with {@code -dirty} when tracked files had changes; or {@code unknown}
 */
public record BuildInfo(String version, String commit) {
    /** Said of a fact this build does not know. */
    public static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "build.properties";

    public BuildInfo {
        version = known(version);
        commit = known(commit);
    }

    /** This build's facts, read from the classpath. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource is a build we know nothing about: every fact stays "unknown"
        }
        return new BuildInfo(p.getProperty("version"), p.getProperty("commit"));
    }

    /** One line: {@code 0.1.0 (commit 6312595c1c49)}. */
    public String describe() {
        return version + " (commit " + commit + ")";
    }

    /** The Java runtime this process runs on: {@code 17.0.15 (Debian) at /opt/underlay/lib/runtime}. */
    public static String runtime() {
        return System.getProperty("java.runtime.version", UNKNOWN) + " (" + System.getProperty("java.vendor", UNKNOWN)
                + ") at " + System.getProperty("java.home", UNKNOWN);
    }

    private static String known(String value) {
        // an unfiltered placeholder (classes not built by Maven) is as good as missing
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.strip();
    }
}
