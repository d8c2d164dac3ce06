package dev.underlay.secrets;

import java.nio.file.Path;

/**
 * Asks the user for the passphrase of a passphrase-protected secrets key file (a dialog in the console, the
 * terminal in the CLI). Called at most once per failed attempt; the caller zeroes the returned array.
 */
@FunctionalInterface
public interface PassphrasePrompt {
    /** A prompt for a key file that has no passphrase: it never answers. */
    PassphrasePrompt NONE = (file, retry) -> null;

    /**
     * @param keyFile the file being unlocked, to name in the question
     * @param retry   true when the previous answer was wrong
     * @return the passphrase, or null when the user cancels
     */
    char[] ask(Path keyFile, boolean retry);
}
