package dev.underlay.ssh.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.ssh.HostKeyReview;
import dev.underlay.ssh.HostKeyStatus;
import dev.underlay.ui.Dialogs;
import dev.underlay.ui.UiStyles;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The host key review table with "Accept N new keys", "Forget stored key…" and "Rescan". */
public final class HostKeyReviewView extends BorderPane {
    private static final List<PseudoClass> STATES = Arrays.stream(HostKeyStatus.values())
            .map(s -> PseudoClass.getPseudoClass("key-" + s.name().toLowerCase(Locale.ROOT))).toList();

    private final HostKeyReviewViewModel vm;
    private final TableView<HostKeyReview> table;

    public HostKeyReviewView(HostKeyReviewViewModel vm) {
        this.vm = vm;
        setId("host-key-view");
        getStyleClass().add("host-key-view");
        table = new TableView<>(vm.rows());
        table.setId("host-key-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setPlaceholder(new Label("Scanning\u2026"));
        TableColumn<HostKeyReview, HostKeyStatus> status = new TableColumn<>("Status");
        status.setPrefWidth(100);
        status.setMinWidth(100);
        status.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue().status()));
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(HostKeyStatus s, boolean empty) {
                super.updateItem(s, empty);
                if (!getStyleClass().contains(UiStyles.KEY_STATUS_CELL)) {
                    getStyleClass().add(UiStyles.KEY_STATUS_CELL);
                }
                setText(empty || s == null ? null : s.name());
                UiStyles.switchPseudoClass(this, STATES, empty || s == null ? null : STATES.get(s.ordinal()));
            }
        });
        table.getColumns().addAll(List.of(
                column("Machine", 110, HostKeyReview::name),
                column("Address", 125, r -> r.endpoint() == null ? "" : r.endpoint().address() + ":"
                        + r.endpoint().port()),
                status,
                column("Key type", 105, HostKeyReview::keyType),
                mono(column("Fingerprint", 340, HostKeyReview::fingerprint)),
                mono(column("Stored fingerprint", 340, HostKeyReviewView::stored)),
                column("Message", 200, r -> Sentences.withoutTarget(r.name(), r.message()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(HostKeyReview r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null || r.message().isBlank() ? null : new Tooltip(r.message()));
            }
        });
        setCenter(table);

        Button accept = new Button();
        accept.setId("keys-accept");
        accept.getStyleClass().add(Styles.ACCENT);
        accept.textProperty().bind(Bindings.createStringBinding(() -> "Accept " + vm.newCountProperty().get()
                + (vm.newCountProperty().get() == 1 ? " new key" : " new keys"), vm.newCountProperty()));
        accept.disableProperty().bind(vm.newCountProperty().isEqualTo(0).or(vm.busyProperty()));
        accept.setOnAction(e -> vm.acceptNew());
        Button forget = new Button("Forget stored key\u2026");
        forget.setId("keys-forget");
        forget.setTooltip(new Tooltip("For a CHANGED host whose key was legitimately replaced: forget the stored "
                + "key, scan again, then accept the new one."));
        forget.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            HostKeyReview r = table.getSelectionModel().getSelectedItem();
            return vm.busyProperty().get() || r == null || r.status() != HostKeyStatus.CHANGED;
        }, table.getSelectionModel().selectedItemProperty(), vm.busyProperty()));
        forget.setOnAction(e -> forgetSelected());
        Button rescan = new Button("Rescan");
        rescan.setId("keys-rescan");
        rescan.disableProperty().bind(vm.busyProperty());
        rescan.setOnAction(e -> vm.scan());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        Label summary = new Label();
        summary.setId("keys-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        for (Button b : List.of(rescan, forget, accept)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // whole words, never "..."
        }
        summary.setMinWidth(0);
        HBox bar = new HBox(8, busy, summary, gap, rescan, forget, accept);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("keys-bar");
        setBottom(bar);
    }

    /** The table, for tests and selection. */
    public TableView<HostKeyReview> table() {
        return table;
    }

    private void forgetSelected() {
        HostKeyReview r = table.getSelectionModel().getSelectedItem();
        if (r != null && r.status() == HostKeyStatus.CHANGED && Dialogs.confirm(getScene().getWindow(),
                "Forget the stored host key of " + r.name() + "?", HostKeyReviewViewModel.forgetQuestion(r),
                "Forget stored key")) {
            vm.forget(r);
        }
    }

    /** "same" for a known key; the stored fingerprints (type only when it differs) for a changed one. */
    private static String stored(HostKeyReview r) {
        if (r.status() == HostKeyStatus.KNOWN) {
            return "same";
        }
        String prefix = r.keyType() + " ";
        return String.join(", ", r.knownFingerprints().stream()
                .map(f -> !r.keyType().isEmpty() && f.startsWith(prefix) ? f.substring(prefix.length()) : f).toList());
    }

    private static <S, T> TableColumn<S, T> mono(TableColumn<S, T> c) {
        c.getStyleClass().add(UiStyles.FINGERPRINT);
        return c;
    }

    private static TableColumn<HostKeyReview, String> column(String title, double width,
                                                           Function<HostKeyReview, String> f) {
        TableColumn<HostKeyReview, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 70)); // a narrow window scrolls the table; it never hides the buttons
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        return c;
    }
}
