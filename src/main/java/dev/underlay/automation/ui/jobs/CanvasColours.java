package dev.underlay.automation.ui.jobs;

import dev.underlay.ssh.StepState;
import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.layout.Background;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The job canvases' colours, taken from app.css (a canvas takes no CSS): one swatch per step state, styled
 * {@code .job-cell-swatch:<state>}, shown as the legend, and hidden swatches for the canvas's background, text,
 * muted text and lines. A theme switch restyles the swatches, and the next redraw uses the new colours.
 */
final class CanvasColours {
    static final String SWATCH = "job-cell-swatch";
    private final Map<StepState, Region> states = new EnumMap<>(StepState.class);
    private final Region background = hidden("job-canvas-background");
    private final Region text = hidden("job-canvas-text");
    private final Region muted = hidden("job-canvas-muted");
    private final Region line = hidden("job-canvas-line");
    private final Region accent = hidden("job-canvas-accent");

    CanvasColours() {
        for (StepState s : StepState.values()) {
            Region r = new Region();
            r.getStyleClass().add(SWATCH);
            r.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.id()), true);
            states.put(s, r);
        }
    }

    private static Region hidden(String styleClass) {
        Region r = new Region();
        r.getStyleClass().addAll(SWATCH, styleClass);
        r.setManaged(false);
        r.setVisible(false);
        return r;
    }

    /** Runs {@code r} when app.css (re)styles the swatches: the first time, and at a theme switch. */
    void onChange(Runnable r) {
        java.util.List<Region> all = new java.util.ArrayList<>(states.values());
        all.addAll(java.util.List.of(background, text, muted, line, accent));
        all.forEach(x -> x.backgroundProperty().addListener((o, a, b) -> r.run()));
    }

    /** The hidden swatches, to add to the canvas's parent so that they are styled. */
    Node[] hiddenSwatches() {
        return new Node[] {background, text, muted, line, accent};
    }

    /** A legend of every state: swatch and name. */
    HBox legend() {
        HBox box = new HBox(10);
        box.getStyleClass().add("job-legend");
        for (StepState s : StepState.values()) {
            javafx.scene.control.Label l = new javafx.scene.control.Label(s.id(), states.get(s));
            l.setId("job-legend-" + s.id());
            box.getChildren().add(l);
        }
        return box;
    }

    Paint state(StepState s) {
        return fill(states.get(s));
    }

    Paint background() {
        return fill(background);
    }

    Paint text() {
        return fill(text);
    }

    Paint muted() {
        return fill(muted);
    }

    Paint line() {
        return fill(line);
    }

    Paint accent() {
        return fill(accent);
    }

    private static Paint fill(Region r) {
        Background b = r.getBackground();
        return b == null || b.getFills().isEmpty() ? Color.TRANSPARENT : b.getFills().get(0).getFill();
    }
}
