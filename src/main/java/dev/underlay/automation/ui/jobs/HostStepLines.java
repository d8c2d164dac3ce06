package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.ssh.StreamKind;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

/**
 * The chosen cell's output: a header and a virtualized list of its lines, stderr marked. A small, plain
 * stand-in the full log viewer control replaces (it binds to the same {@link HostStepLog}).
 */
final class HostStepLines extends BorderPane {
    private static final PseudoClass STDERR = PseudoClass.getPseudoClass("stderr");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    HostStepLines(HostStepLog log) {
        getStyleClass().add("job-log");
        Label header = new Label();
        header.setId("job-log-header");
        header.textProperty().bind(log.headerProperty());
        ListView<JobRepository.OutputLine> list = new ListView<>(log.lines());
        list.setId("job-log-lines");
        list.getStyleClass().add("job-log-lines");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(JobRepository.OutputLine l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : TIME.format(l.at()) + "  " + l.text().stripTrailing());
                pseudoClassStateChanged(STDERR, !empty && l != null && l.stream() == StreamKind.STDERR);
            }
        });
        setTop(header);
        setCenter(list);
    }
}
