package dev.underlay.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.underlay.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Everything logged at every level while secrets are stored, read and fail to decrypt carries no secret. */
class SecretsLoggingTest {
    private static final String PLAIN = "correct-horse-battery-staple-42";

    @TempDir
    Path dir;

    @Test
    void nothingLoggedAtAnyLevelContainsTheSecretOrTheKey() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        root.setLevel(Level.TRACE);
        String key;
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        try (Database db = Database.open(dir)) {
            EncryptedCredentialSecrets s = new EncryptedCredentialSecrets(
                    SecretKeyFile.inDataFolder(dir, PassphrasePrompt.NONE),
                    new dev.underlay.secrets.repository.JdbcCredentialSecretRepository(db));
            s.put("ops", PLAIN.toCharArray());
            s.get("ops").orElseThrow();
            Path keyFile = dir.resolve(SecretKeyFile.FILE_NAME);
            key = Files.readString(keyFile).lines().filter(l -> l.startsWith("v1:")).findFirst().orElseThrow();
            if (posix) {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
                new EncryptedCredentialSecrets(SecretKeyFile.inDataFolder(dir, PassphrasePrompt.NONE),
                new dev.underlay.secrets.repository.JdbcCredentialSecretRepository(db)).get("ops").orElseThrow();
            }
            // a secure param through the service: sealed, revealed, redacted, then undecryptable
            dev.underlay.inventory.InventoryService service = new dev.underlay.inventory.InventoryService(
                    new dev.underlay.inventory.repository.JdbcInventoryStore(db),
                    new EncryptedParamSecrets(new SealingKey(SecretKeyFile.inDataFolder(dir))));
            dev.underlay.inventory.InventoryChanges ch = new dev.underlay.inventory.InventoryChanges();
            ch.machines.add(dev.underlay.inventory.Machine.builder("db01").params(java.util.Map.of(
                    "ansible_become_password", com.fasterxml.jackson.databind.node.TextNode.valueOf(PLAIN))).build());
            service.apply(ch);
            var inv = service.inventory();
            var revealed = service.paramValues().reveal(inv, inv.machines().get("db01"));
            org.slf4j.LoggerFactory.getLogger(SecretsLoggingTest.class).info("rendered: {}",
                    revealed.redact("echo " + revealed.text("ansible_become_password")));
            Files.delete(keyFile);
            SecretsException e = assertThrows(SecretsException.class,
                    () -> new EncryptedCredentialSecrets(SecretKeyFile.inDataFolder(dir, PassphrasePrompt.NONE),
                new dev.underlay.secrets.repository.JdbcCredentialSecretRepository(db)).get("ops"));
            assertFalse(e.getMessage().contains(PLAIN));
            dev.underlay.inventory.InventoryService fresh = new dev.underlay.inventory.InventoryService(
                    new dev.underlay.inventory.repository.JdbcInventoryStore(db),
                    new EncryptedParamSecrets(new SealingKey(SecretKeyFile.inDataFolder(dir))));
            SecretsException pe = assertThrows(SecretsException.class, () -> fresh.paramValues()
                    .reveal(inv, inv.machines().get("db01")).value("ansible_become_password"));
            assertFalse(pe.getMessage().contains(PLAIN));
        } finally {
            root.detachAppender(events);
            root.setLevel(before);
        }
        assertTrue(events.list.stream().anyMatch(ev -> ev.getFormattedMessage().equals("rendered: echo ********")),
                "a redacted line is logged masked");
        assertTrue(events.list.stream().anyMatch(ev -> ev.getFormattedMessage().contains("secrets key file")),
                "the capture works: the key file creation is logged");
        assertTrue(!posix || events.list.stream().anyMatch(ev -> ev.getLevel() == Level.WARN
                && ev.getFormattedMessage().contains("is accessible to other users (rw-r--r--); run: chmod 600")),
                "a world-readable key file is warned about");
        for (ILoggingEvent ev : events.list) {
            String text = ev.getFormattedMessage()
                    + (ev.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(ev.getThrowableProxy()));
            assertFalse(text.contains(PLAIN), text);
            assertFalse(text.contains(key.substring(3)), text);
        }
    }
}
