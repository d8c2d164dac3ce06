package dev.underlay.inventory.ui;

import java.util.Arrays;
import java.util.List;

/** Parsing of the list fields people type: tags and profiles separated by commas and/or spaces. */
final class MachineText {
    private MachineText() {
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
