package dev.underlay.racks.ui;

import javafx.scene.paint.Color;

/**
 * The canvas's own colours for the light and the dark theme (a canvas takes no CSS): AtlantaFX Primer's greys and
 * accent, so the racks sit in the console like its other controls. Machines take their colouring's colours.
 */
record ElevationPalette(Color background, Color face, Color row, Color frame, Color text, Color muted,
                        Color accent, Color ok, Color refused) {
    static final ElevationPalette LIGHT = new ElevationPalette(Color.web("#ffffff"), Color.web("#f6f8fa"),
            Color.web("#eaeef2"), Color.web("#8c959f"), Color.web("#1f2328"), Color.web("#57606a"),
            Color.web("#0969da"), Color.web("#1a7f37"), Color.web("#cf222e"));
    static final ElevationPalette DARK = new ElevationPalette(Color.web("#0d1117"), Color.web("#161b22"),
            Color.web("#21262d"), Color.web("#6e7681"), Color.web("#e6edf3"), Color.web("#8d96a0"),
            Color.web("#4493f8"), Color.web("#3fb950"), Color.web("#f85149"));

    /** The palette that suits a background: dark text on a light one. */
    static ElevationPalette forBackground(Color bg) {
        return bg != null && bg.getBrightness() < 0.5 ? DARK : LIGHT;
    }
}
