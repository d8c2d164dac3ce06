package dev.underlay.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The console's passphrase questions: asked from a worker thread, answered in a dialog on the FX thread. */
class PassphraseDialogsTest {
    final FxRobot robot = new FxRobot();
    final PassphraseDialogs dialogs = new PassphraseDialogs(Platform::runLater, () -> null);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    private void waitForField() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#passphrase-field").tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aWorkerThreadGetsThePassphraseTypedIntoTheDialog() throws Exception {
        CompletableFuture<Optional<char[]>> answer = CompletableFuture.supplyAsync(
                () -> dialogs.sshKeys().passphrase(Path.of("/keys/id_ed25519"), 1));
        waitForField();
        String question = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".dialog-pane .label").queryAllAs(Label.class)
                .stream().map(Label::getText).filter(t -> t != null && t.contains("/keys/id_ed25519")).findFirst()
                .orElse("")).get(10, TimeUnit.SECONDS);
        assertTrue(question.startsWith("That passphrase did not open the key."), question);
        robot.clickOn("#passphrase-field").write("s3cret");
        robot.clickOn("OK");
        assertEquals("s3cret", new String(answer.get(30, TimeUnit.SECONDS).orElseThrow()));
    }

    @Test
    void cancellingTheSecretsKeyQuestionAnswersNull() throws Exception {
        CompletableFuture<char[]> answer = CompletableFuture.supplyAsync(
                () -> dialogs.secretsKey().ask(Path.of("/data/secrets.key"), false));
        waitForField();
        robot.clickOn("Cancel");
        assertEquals(null, answer.get(30, TimeUnit.SECONDS));
    }

    @Test
    void askedOnTheFxThreadItDeclinesAtOnceInsteadOfFreezingTheWindow() throws Exception {
        Optional<char[]> onFx = WaitForAsyncUtils.asyncFx(() -> dialogs.ask("t", "q")).get(10, TimeUnit.SECONDS);
        assertTrue(onFx.isEmpty());
    }
}
