package dev.underlay.app;

import dev.underlay.secrets.PassphrasePrompt;
import dev.underlay.ssh.PassphraseProvider;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The console's passphrase questions (encrypted SSH keys, a passphrase-protected secrets key). They are asked from
 * worker threads, which wait for the answer of a dialog shown on the FX thread. Asked on the FX thread itself the
 * answer is "declined" at once: waiting there would freeze the window that has to show the dialog. It lives in
 * {@code app}, not {@code ui}, because it implements ssh/secrets interfaces and {@code ssh.ui} depends on {@code ui}.
 */
final class PassphraseDialogs {
    /** How long a question waits for a person before it counts as declined. */
    private static final long WAIT_MINUTES = 15;

    private final Executor fxThread;
    private final Supplier<Window> owner;

    /**
     * @param fxThread {@code Platform::runLater}
     * @param owner    the window the dialog belongs to (may supply null while none is shown)
     */
    PassphraseDialogs(Executor fxThread, Supplier<Window> owner) {
        this.fxThread = fxThread;
        this.owner = owner;
    }

    /** For the SSH transport: the passphrase of an encrypted private key file. */
    public PassphraseProvider sshKeys() {
        return (keyFile, attempt) -> ask("SSH key passphrase",
                (attempt > 0 ? "That passphrase did not open the key. " : "")
                        + "Passphrase of the SSH private key " + keyFile + ":");
    }

    /** For the secrets store: the passphrase of the secrets key file; null when declined. */
    public PassphrasePrompt secretsKey() {
        return (keyFile, retry) -> ask("Secrets key passphrase",
                (retry ? "That passphrase did not open the secrets key. " : "")
                        + "Passphrase of the secrets key " + keyFile + ":").orElse(null);
    }

    /**
     * Shows the question in a dialog and waits for it; empty when cancelled, unanswered for 15 minutes, or
     * called on the FX thread.
     */
    public Optional<char[]> ask(String title, String question) {
        if (Platform.isFxApplicationThread()) {
            return Optional.empty();
        }
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        fxThread.execute(() -> {
            try {
                answer.complete(show(title, question));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private Optional<char[]> show(String title, String question) {
        Dialog<ButtonType> d = new Dialog<>();
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
        }
        d.setTitle(title);
        d.setHeaderText(title);
        PasswordField field = new PasswordField();
        field.setId("passphrase-field");
        Label label = new Label(question);
        label.setWrapText(true);
        d.getDialogPane().setContent(new VBox(8, label, field));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setPrefWidth(520);
        d.setOnShown(e -> field.requestFocus());
        Optional<ButtonType> b = d.showAndWait();
        String text = field.getText();
        field.clear();
        if (b.isEmpty() || b.get() != ButtonType.OK) {
            return Optional.empty();
        }
        return Optional.of(text.toCharArray());
    }
}
