package dev.underlay.about;

/**
 * One library Underlay ships with, and its licence.
 *
 * @param group    Maven group id, e.g. {@code org.apache.sshd}
 * @param artifact Maven artifact id, e.g. {@code sshd-core}
 * @param version  the version bundled
 * @param licence  SPDX licence expression, e.g. {@code Apache-2.0}
 * @param home     where the library and its licence text live
 */
public record BundledLibrary(String group, String artifact, String version, String licence, String home) {
    /** {@code org.apache.sshd:sshd-core:2.20.0}. */
    public String coordinates() {
        return group + ":" + artifact + ":" + version;
    }
}
