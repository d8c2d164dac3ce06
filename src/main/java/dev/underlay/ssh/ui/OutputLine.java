package dev.underlay.ssh.ui;

/** One line of remote output in the run view's output pane. */
public record OutputLine(String host, boolean stderr, String text) {
    @Override
    public String toString() {
        return host + ": " + text;
    }
}
