/**
 * What this build is: version, commit ({@link dev.underlay.about.BuildInfo}) and the libraries it bundles with their
 * licences ({@link dev.underlay.about.BundledLibraries}). Depends on no other Underlay package, so the CLI's
 * {@code --version} and the console's Help &gt; About read the same facts.
 */
package dev.underlay.about;
