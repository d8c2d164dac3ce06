package dev.underlay.ssh;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the person at the console (dialog) or terminal (CLI) for the passphrase of an encrypted private key file.
 * Called at most once per key file per transport lifetime when the first answer is right (the decrypted key is kept
 * in memory until the transport closes), and never on an SSH I/O thread, so implementations may block.
 */
@FunctionalInterface
public interface PassphraseProvider {
    /** A provider that never answers: encrypted keys without a stored passphrase fail with a sentence. */
    PassphraseProvider NONE = (keyFile, attempt) -> Optional.empty();

    /**
     * @param attempt 0 for the first question, 1 and 2 after a wrong passphrase
     * @return the passphrase (the caller clears the array after use), or empty when the person declined
     */
    Optional<char[]> passphrase(Path keyFile, int attempt);
}
