package dev.underlay.cli;

import dev.underlay.about.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code underlay --version}: the version and commit this build was made from ({@link BuildInfo}; "unknown" where
 * the build did not know), and the Java runtime it runs on (the installers bring their own).
 */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"underlay " + BuildInfo.current().describe(), "Java " + BuildInfo.runtime()};
    }
}
