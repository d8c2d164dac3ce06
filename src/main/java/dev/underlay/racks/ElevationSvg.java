package dev.underlay.racks;

import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import java.util.List;
import java.util.Locale;

/**
 * A site's elevation as an SVG document, drawn from the same geometry as the canvas, for a ticket or a handover:
 * racks with both faces and U numbers, machines in their colouring's colours with their names, the unplaced lists,
 * and the legend under it. Pure; the caller writes the text to a file.
 */
public final class ElevationSvg {
    private static final double LEGEND_H = 40;

    private ElevationSvg() {
    }

    public static String render(ElevationGeometry g, MachineColouring colouring) {
        Inventory inv = g.elevation().inventory();
        double h = g.height() + LEGEND_H;
        StringBuilder sb = new StringBuilder(8192 + g.boxes().size() * 240);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                        + "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">%n",
                        g.width(), h, g.width(), h))
                .append("<title>").append(esc("Site " + g.elevation().site() + ", coloured by "
                        + colouring.title().toLowerCase(Locale.ROOT))).append("</title>\n")
                .append(String.format(Locale.ROOT, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>%n",
                        g.width(), h));
        for (RackFrame f : g.frames()) {
            text(sb, f.title().x(), f.title().y() + 18, 14, "#1f2328", "bold", f.rack().name()
                    + "  (" + f.rack().heightU() + "U" + (f.rack().row().isEmpty() ? "" : ", row " + f.rack().row())
                    + ")");
            text(sb, f.front().x(), f.title().bottom() - 2, 10, "#57606a", "normal", "front");
            text(sb, f.rear().x(), f.title().bottom() - 2, 10, "#57606a", "normal", "rear");
            rect(sb, f.front(), "#f6f8fa", "#8c959f");
            rect(sb, f.rear(), "#f6f8fa", "#8c959f");
            for (int u = 1; u <= f.rack().heightU(); u++) {
                double y = f.yOfU(u);
                text(sb, f.gutter().x() + 4, y + f.uPx() - 4, 9, "#57606a", "normal", String.valueOf(u));
            }
            if (f.unplaced() != null) {
                text(sb, f.unplaced().x() + 4, f.unplaced().y() + 14, 10, "#57606a", "normal", "No U");
            }
        }
        if (g.siteUnplaced() != null) {
            text(sb, g.siteUnplaced().x() + 4, g.siteUnplaced().y() + 14, 10, "#57606a", "normal", "No rack");
        }
        for (MachineBox b : g.boxes()) {
            LegendEntry e = colouring.entryFor(b.machine(), inv);
            rect(sb, b.bounds(), e.swatch().hex(), "#424a53");
            String label = b.machine().name() + (b.side() != null && b.machine().face() == Face.FULL_DEPTH
                    ? "  (full depth)" : "");
            text(sb, b.bounds().x() + 4, b.bounds().y() + Math.min(b.bounds().h(), 16) - 4, 10,
                    e.swatch().light() ? "#1f2328" : "#ffffff", "normal", label);
        }
        legend(sb, colouring.legend(inv, g.elevation().machines()), colouring.title(), g.height());
        return sb.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder sb, List<LegendEntry> entries, String title, double y) {
        double x = SideBySideLayout.MARGIN;
        text(sb, x, y + 20, 11, "#1f2328", "bold", title + ":");
        x += 60;
        for (LegendEntry e : entries) {
            rect(sb, new Rect(x, y + 9, 14, 14), e.swatch().hex(), "#424a53");
            text(sb, x + 18, y + 20, 11, "#1f2328", "normal", e.label());
            x += 30 + 7 * e.label().length();
        }
    }

    private static void rect(StringBuilder sb, Rect r, String fill, String stroke) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" "
                + "fill=\"%s\" stroke=\"%s\" stroke-width=\"0.8\"/>%n", r.x(), r.y(), r.w(), r.h(), fill, stroke));
    }

    private static void text(StringBuilder sb, double x, double y, int size, String fill, String weight, String s) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\" "
                + "font-weight=\"%s\">%s</text>%n", x, y, size, fill, weight, esc(s)));
    }

    /** Escapes text for XML: names are checked by the rules, but descriptions and tags are free text. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
