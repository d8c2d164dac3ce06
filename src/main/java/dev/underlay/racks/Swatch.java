package dev.underlay.racks;

import java.util.Locale;

/** A colour as 0xRRGGBB, toolkit-free (the canvas makes a JavaFX colour of it, the SVG export a hex string). */
public record Swatch(int rgb) {
    public static Swatch of(int rgb) {
        return new Swatch(rgb & 0xFFFFFF);
    }

    /** "#2da44e". */
    public String hex() {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    public int red() {
        return rgb >> 16 & 0xFF;
    }

    public int green() {
        return rgb >> 8 & 0xFF;
    }

    public int blue() {
        return rgb & 0xFF;
    }

    /** True when dark text reads better on it than light text (relative luminance, WCAG's weights). */
    public boolean light() {
        return 0.2126 * red() + 0.7152 * green() + 0.0722 * blue() > 150;
    }
}
