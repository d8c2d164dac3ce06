package dev.underlay.ui;

import dev.underlay.about.BundledLibrary;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help &gt; About Underlay: binds an {@link AboutViewModel}. The folders are read-only text fields, so a technician
 * can select and copy a path; "Copy details" copies everything for a bug report.
 */
public final class AboutDialog {
    private final Stage stage = new Stage();

    public AboutDialog(Window owner, AboutViewModel vm) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("About Underlay");
        stage.getIcons().setAll(AppIcon.images());

        ImageView icon = new ImageView(AppIcon.images().get(4)); // 128 px, shown at 64
        icon.setFitWidth(64);
        icon.setFitHeight(64);
        Label name = new Label("Underlay");
        name.getStyleClass().addAll(UiStyles.FORM_TITLE, "title-2");
        Label version = label("about-version", vm.versionProperty().getValue());
        version.textProperty().bind(vm.versionProperty());
        Label runtime = label("about-runtime", "");
        runtime.textProperty().bind(vm.runtimeProperty());
        runtime.getStyleClass().add(UiStyles.MUTED);
        VBox heading = new VBox(4, name, version, runtime);
        HBox top = new HBox(16, icon, heading);

        GridPane folders = new GridPane();
        folders.setHgap(8);
        folders.setVgap(6);
        folders.addRow(0, new Label("Data folder"), path("about-data-folder", vm.dataFolderProperty().get()));
        folders.addRow(1, new Label("Secrets keys"), path("about-keys-folder", vm.keysFolderProperty().get()));
        Label keep = new Label("Upgrading or uninstalling Underlay leaves both folders as they are. Back up the "
                + "secrets key apart from the data folder: without it the stored secrets cannot be read.");
        keep.setWrapText(true);
        keep.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        keep.getStyleClass().add(UiStyles.MUTED);
        GridPane.setHgrow(folders.getChildren().get(1), Priority.ALWAYS);

        Label libsTitle = label("about-libraries-message", "");
        libsTitle.textProperty().bind(vm.messageProperty());
        libsTitle.getStyleClass().add(UiStyles.SECTION);
        TableView<BundledLibrary> libs = new TableView<>(vm.libraries());
        libs.setId("about-libraries");
        libs.getColumns().add(column("Library", 310, l -> l.group() + ":" + l.artifact()));
        libs.getColumns().add(column("Version", 90, BundledLibrary::version));
        libs.getColumns().add(column("Licence", 330, BundledLibrary::licence));
        libs.getColumns().add(column("Home", 240, BundledLibrary::home));
        libs.setPlaceholder(new Label(""));
        libs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(libs, Priority.ALWAYS);

        Button copy = new Button("Copy details");
        copy.setId("about-copy");
        copy.disableProperty().bind(vm.loadedProperty().not());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.details());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button close = new Button("Close");
        close.setId("about-close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        ButtonBar buttons = new ButtonBar();
        ButtonBar.setButtonData(copy, ButtonBar.ButtonData.LEFT);
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        buttons.getButtons().addAll(copy, close);

        VBox root = new VBox(14, top, new VBox(8, folders, keep), libsTitle, libs, buttons);
        root.setPadding(new Insets(18));
        root.setId("about-dialog");
        Scene scene = new Scene(root, 980, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        WindowKeys.closeWithShortcutOrEscape(stage);
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(460);
    }

    /** Shows the dialog (it reads the facts in the background as it opens). */
    public void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    private static Label label(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        return l;
    }

    private static TextField path(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setEditable(false);
        f.setFocusTraversable(false);
        f.setPrefColumnCount(48);
        return f;
    }

    private static TableColumn<BundledLibrary, String> column(String title, double width,
                                                             Function<BundledLibrary, String> value) {
        TableColumn<BundledLibrary, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
