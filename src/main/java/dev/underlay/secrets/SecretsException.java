package dev.underlay.secrets;

/**
 * Credential secrets cannot be stored or read (missing or wrong key file, damaged row). The message is one
 * sentence for the user naming the file or credential; it never contains a secret.
 */
public class SecretsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecretsException(String message) {
        super(message);
    }

    public SecretsException(String message, Throwable cause) {
        super(message, cause);
    }
}
