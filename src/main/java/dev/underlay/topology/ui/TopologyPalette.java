package dev.underlay.topology.ui;

import javafx.scene.paint.Color;

/**
 * The canvas's own colours for the light and the dark theme (a canvas takes no CSS), AtlantaFX Primer's like the
 * racks'. Machines take their colouring's colours; sites, racks, clusters and role groups these.
 */
record TopologyPalette(Color background, Color group, Color cluster, Color text, Color muted, Color accent,
                       Color contains, Color member, Color jump, Color focus, Color minimap) {
    static final TopologyPalette LIGHT = new TopologyPalette(Color.web("#ffffff"), Color.web("#d0d7de"),
            Color.web("#c9b8ec"), Color.web("#1f2328"), Color.web("#57606a"), Color.web("#0969da"),
            Color.web("#8c959f", 0.7), Color.web("#8250df", 0.55), Color.web("#bc4c00", 0.8), Color.web("#bf8700"),
            Color.web("#f6f8fa", 0.92));
    static final TopologyPalette DARK = new TopologyPalette(Color.web("#0d1117"), Color.web("#30363d"),
            Color.web("#3c2c6b"), Color.web("#e6edf3"), Color.web("#8d96a0"), Color.web("#4493f8"),
            Color.web("#6e7681", 0.7), Color.web("#a371f7", 0.55), Color.web("#f0883e", 0.8), Color.web("#d29922"),
            Color.web("#161b22", 0.92));

    static TopologyPalette forBackground(Color bg) {
        return bg != null && bg.getBrightness() < 0.5 ? DARK : LIGHT;
    }
}
