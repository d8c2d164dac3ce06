package dev.underlay.automation;

/**
 * A template could not be rendered for a machine; the message is one sentence naming the param (or the syntax
 * problem), the task and the machine, e.g. {@code "task ntp-config on fra1-web01: unknown param ntp_server"}.
 */
public class RenderException extends Exception {
    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
