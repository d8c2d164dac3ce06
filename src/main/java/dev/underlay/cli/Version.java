package dev.underlay.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven packaged into the jar; "development build" when run from classes. */
public final class Version implements IVersionProvider {
    private static final String POM = "/META-INF/maven/dev.underlay/underlay/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"underlay " + version()};
    }

    static String version() {
        try (InputStream in = Version.class.getResourceAsStream(POM)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through to the package version
        }
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }
}
