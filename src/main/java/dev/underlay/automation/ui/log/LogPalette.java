package dev.underlay.automation.ui.log;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The log canvas's colours and font, taken from job-log.css (a canvas takes no CSS): hidden swatches styled
 * {@code .log-paint.<name>} (the ANSI palette {@code .log-paint.ansi-N}) and a hidden label styled
 * {@code .log-font}. A theme switch restyles them, and the next paint uses what they say.
 */
final class LogPalette {
    static final int BACKGROUND = 0;
    static final int SELECTION = 1;
    static final int MATCH = 2;
    static final int MATCH_EDGE = 3;
    static final int TIME = 4;
    static final int HOST = 5;
    static final int STEP = 6;
    static final int TEXT = 7;
    static final int STDERR = 8;
    static final int STDERR_TEXT = 9;
    static final int SYSTEM = 10;
    static final int FOCUS = 11;
    private static final String[] NAMES = {"background", "selection", "match", "match-edge", "time", "host", "step",
        "text", "stderr", "stderr-text", "system", "focus"};
    private final Region[] swatches = new Region[NAMES.length + 16];
    private final Label fontSwatch = new Label("M");
    private Font regular;
    private Font bold;
    private Font italic;
    private double charWidth;

    LogPalette() {
        for (int i = 0; i < swatches.length; i++) {
            Region r = new Region();
            r.getStyleClass().addAll("log-paint", i < NAMES.length ? NAMES[i] : "ansi-" + (i - NAMES.length));
            r.setManaged(false);
            r.setVisible(false);
            swatches[i] = r;
        }
        fontSwatch.getStyleClass().add("log-font");
        fontSwatch.setManaged(false);
        fontSwatch.setVisible(false);
        fontSwatch.fontProperty().addListener((o, a, f) -> fonts(f));
        fonts(Font.font("monospace", 12));
    }

    private void fonts(Font f) {
        regular = f;
        bold = Font.font(f.getFamily(), FontWeight.BOLD, f.getSize());
        italic = Font.font(f.getFamily(), FontPosture.ITALIC, f.getSize());
        Text probe = new Text("0123456789abcdefghij");
        probe.setFont(f);
        charWidth = probe.getLayoutBounds().getWidth() / 20;
    }

    /** Runs {@code r} when the swatches are (re)styled: the first time, and at a theme switch. */
    void onChange(Runnable r) {
        for (Region s : swatches) {
            s.backgroundProperty().addListener((o, a, b) -> r.run());
        }
        fontSwatch.fontProperty().addListener((o, a, b) -> r.run());
    }

    /** The hidden swatches, to add to the canvas's parent so that they are styled. */
    List<Node> nodes() {
        List<Node> all = new ArrayList<>(List.of(swatches));
        all.add(fontSwatch);
        return all;
    }

    Paint paint(int which) {
        Background b = swatches[which].getBackground();
        return b == null || b.getFills().isEmpty() ? Color.GRAY : b.getFills().get(0).getFill();
    }

    /** ANSI colour 0-7 (normal) or 8-15 (bright). */
    Paint ansi(int colour) {
        return paint(NAMES.length + colour);
    }

    Font font() {
        return regular;
    }

    Font bold() {
        return bold;
    }

    Font italic() {
        return italic;
    }

    /** The width of one character of the (monospaced) font. */
    double charWidth() {
        return charWidth;
    }
}
