package dev.underlay.ssh;

/** Which remote output stream a line came from. */
public enum StreamKind {
    STDOUT,
    STDERR
}
