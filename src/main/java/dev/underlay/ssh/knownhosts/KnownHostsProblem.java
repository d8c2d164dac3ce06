package dev.underlay.ssh.knownhosts;

/**
 * A known_hosts line that could not be read; the importer decides whether to go on without it.
 *
 * @param source     file name (or whatever name the caller gave the reader)
 * @param lineNumber 1-based
 * @param message    one sentence saying what is wrong with the line
 */
public record KnownHostsProblem(String source, int lineNumber, String message) {
    @Override
    public String toString() {
        return source + ":" + lineNumber + ": " + message;
    }
}
