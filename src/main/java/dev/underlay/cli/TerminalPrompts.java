package dev.underlay.cli;

import dev.underlay.secrets.PassphrasePrompt;
import dev.underlay.secrets.SecretsException;
import dev.underlay.ssh.PassphraseProvider;
import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Asks for passphrases at the terminal (without echo): of encrypted SSH private keys, and of a passphrase-protected
 * secrets key file. Without a terminal (output piped, run from cron or a test) it never asks: an encrypted SSH key
 * then fails with its own sentence, and the secrets key with one saying there is no terminal. One question at a
 * time, whatever thread asks.
 */
public final class TerminalPrompts implements PassphraseProvider, PassphrasePrompt {
    /** Reads a line without echo after printing the prompt; null at end of input. */
    @FunctionalInterface
    public interface Reader {
        char[] readPassword(String prompt);
    }

    private final Reader reader;

    /** @param reader the terminal, or null when there is none */
    public TerminalPrompts(Reader reader) {
        this.reader = reader;
    }

    /** Prompts on {@link System#console()}, or never when the process has no terminal. */
    public static TerminalPrompts system() {
        Console c = System.console();
        return new TerminalPrompts(c == null ? null : prompt -> c.readPassword("%s", prompt));
    }

    /** True when there is a terminal to ask at. */
    public boolean interactive() {
        return reader != null;
    }

    @Override
    public synchronized Optional<char[]> passphrase(Path keyFile, int attempt) {
        if (reader == null) {
            return Optional.empty();
        }
        char[] p = reader.readPassword((attempt == 0 ? "" : "Wrong passphrase. ") + "Passphrase for SSH key "
                + keyFile + " (empty to skip): ");
        if (p == null || p.length == 0) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    @Override
    public synchronized char[] ask(Path keyFile, boolean retry) {
        if (reader == null) {
            throw new SecretsException("Stored credential secrets stay locked: the secrets key file " + keyFile
                    + " is protected by a passphrase and there is no terminal to ask for it; run the command from a "
                    + "terminal.");
        }
        char[] p = reader.readPassword((retry ? "Wrong passphrase. " : "") + "Passphrase for the secrets key file "
                + keyFile + ": ");
        if (p != null && p.length == 0) {
            Arrays.fill(p, '\0');
            return null;
        }
        return p;
    }
}
