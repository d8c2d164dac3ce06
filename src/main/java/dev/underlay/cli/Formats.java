package dev.underlay.cli;

import dev.underlay.inventory.io.InventoryFormat;
import java.nio.file.Path;

/** The {@code --format} option: parsed when given, guessed from the file name otherwise. */
final class Formats {
    private Formats() {
    }

    static InventoryFormat of(String option, Path file) {
        if (option == null) {
            return InventoryFormat.guess(file);
        }
        try {
            return InventoryFormat.parse(option);
        } catch (IllegalArgumentException e) {
            throw new CliException("--format: " + e.getMessage(), UnderlayCli.USAGE);
        }
    }
}
