package dev.underlay.cli;

import dev.underlay.inventory.io.InventoryFormat;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** The {@code --format} option: parsed when given, guessed from the file name otherwise. */
final class Formats {
    /** Spellings of the OpenSSH known_hosts format, which {@code import} reads into the host key store. */
    private static final Set<String> KNOWN_HOSTS = Set.of("known_hosts", "known-hosts", "knownhosts");

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

    /** The format of a file to import: an inventory format, or known_hosts when {@link #isKnownHosts} says so. */
    static InventoryFormat forImport(String option, Path file) {
        try {
            return option == null ? InventoryFormat.guess(file) : InventoryFormat.parse(option);
        } catch (IllegalArgumentException e) {
            throw new CliException("--format: unknown format '" + option
                    + "' (expected json, csv, ansible or known_hosts)", UnderlayCli.USAGE);
        }
    }

    /** True for {@code --format known_hosts}, or without --format for a file named known_hosts*. */
    static boolean isKnownHosts(String option, Path file) {
        if (option != null) {
            return KNOWN_HOSTS.contains(option.trim().toLowerCase(Locale.ROOT));
        }
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).startsWith("known_hosts");
    }
}
