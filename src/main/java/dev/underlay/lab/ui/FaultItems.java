package dev.underlay.lab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Edits of a fault spec's text item by item (items are separated by commas, as {@link dev.underlay.lab.FaultSpec}
 * reads them): a preset adds its items to what is there, replacing an item of the same fault (the same kind, and
 * for {@code fail} the same command), and one fault can be removed. Items are kept as typed, even ones that do not
 * parse yet, so nothing the user wrote is lost but what a preset replaces.
 */
final class FaultItems {
    private FaultItems() {
    }

    /** {@code text} with the items of {@code preset} added; an empty preset clears everything. */
    static String combine(String text, String preset) {
        List<String> presetItems = items(preset);
        if (presetItems.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String item : items(text)) {
            String k = key(item);
            if (presetItems.stream().noneMatch(p -> key(p).equals(k))) {
                out.add(item);
            }
        }
        out.addAll(presetItems);
        return String.join(", ", out);
    }

    /** {@code text} without its {@code rule}-th fault (counting faults only, not a {@code seed=} item). */
    static String remove(String text, int rule) {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String item : items(text)) {
            if (isSeed(item) || n++ != rule) {
                out.add(item);
            }
        }
        return String.join(", ", out);
    }

    private static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String raw : text.split(",")) {
            if (!raw.isBlank()) {
                out.add(raw.trim());
            }
        }
        return out;
    }

    private static boolean isSeed(String item) {
        return item.toLowerCase(Locale.ROOT).startsWith("seed=");
    }

    /** Which fault an item sets: its kind, with the command for {@code fail}; {@code seed} for the seed. */
    private static String key(String item) {
        int colon = item.indexOf(':');
        String head = (colon < 0 ? item : item.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        int eq = head.indexOf('=');
        String kind = eq < 0 ? head : head.substring(0, eq).trim();
        return kind.equals("fail") ? head.replace(" ", "") : kind;
    }
}
