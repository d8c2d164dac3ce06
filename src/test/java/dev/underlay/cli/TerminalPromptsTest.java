package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.secrets.SecretsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerminalPromptsTest {
    @Test
    void withoutATerminalSshKeysAreNotAskedAndTheSecretsKeySaysWhy() {
        TerminalPrompts none = new TerminalPrompts(null);
        assertEquals(Optional.empty(), none.passphrase(Path.of("/k/id_ed25519"), 0));
        SecretsException e = assertThrows(SecretsException.class, () -> none.ask(Path.of("/d/secrets.key"), false));
        assertTrue(e.getMessage().contains("/d/secrets.key is protected by a passphrase and there is no terminal"),
                e.getMessage());
    }

    @Test
    void atATerminalTheQuestionNamesTheFileAndSaysWhenTheLastAnswerWasWrong() {
        List<String> asked = new ArrayList<>();
        List<char[]> answers = new ArrayList<>(List.of("first".toCharArray(), new char[0], "s3".toCharArray()));
        TerminalPrompts t = new TerminalPrompts(prompt -> {
            asked.add(prompt);
            return answers.remove(0);
        });
        assertArrayEquals("first".toCharArray(), t.passphrase(Path.of("/k/id"), 0).orElseThrow());
        assertEquals(Optional.empty(), t.passphrase(Path.of("/k/id"), 1), "an empty answer skips the key");
        assertArrayEquals("s3".toCharArray(), t.ask(Path.of("/d/secrets.key"), true));
        assertEquals(List.of("Passphrase for SSH key /k/id (empty to skip): ",
                "Wrong passphrase. Passphrase for SSH key /k/id (empty to skip): ",
                "Wrong passphrase. Passphrase for the secrets key file /d/secrets.key: "), asked);
        assertNull(new TerminalPrompts(p -> new char[0]).ask(Path.of("/d/secrets.key"), false),
                "an empty answer cancels");
    }
}
