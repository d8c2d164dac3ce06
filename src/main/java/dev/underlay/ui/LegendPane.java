package dev.underlay.ui;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The legend beside a canvas view (the racks' elevations, the topology): a title, one swatch and label per colour,
 * then the view's help text. One builder, so every legend reads and looks the same.
 */
public final class LegendPane {
    /** One colour of the legend and what it means. */
    public record Entry(String label, Color colour) {
    }

    private LegendPane() {
    }

    /** Replaces what {@code legend} shows by {@code entries} (each styled {@code entryStyle}) and {@code help}. */
    public static void fill(VBox legend, List<Entry> entries, String entryStyle, String help) {
        Label title = new Label("Legend");
        title.getStyleClass().add(UiStyles.SECTION);
        legend.getChildren().setAll(title);
        for (Entry e : entries) {
            Rectangle swatch = new Rectangle(14, 14, e.colour());
            swatch.setArcWidth(3);
            swatch.setArcHeight(3);
            Label l = new Label(e.label(), swatch);
            l.getStyleClass().add(entryStyle);
            legend.getChildren().add(l);
        }
        Label text = new Label(help);
        text.setWrapText(true);
        text.getStyleClass().addAll(UiStyles.MUTED, Styles.TEXT_SMALL);
        VBox.setMargin(text, new Insets(16, 0, 0, 0));
        legend.getChildren().add(text);
    }
}
