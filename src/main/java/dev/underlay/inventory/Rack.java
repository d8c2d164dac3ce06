package dev.underlay.inventory;

import java.util.Objects;

/**
 * A rack in a site. U positions count from 1 at the bottom, as printed on rack rails.
 *
 * @param row      the row (aisle) the rack stands in, free text such as {@code A}
 * @param position the rack's place in its row, from 1
 */
public record Rack(String name, String site, int heightU, String row, int position) {
    public static final int DEFAULT_HEIGHT_U = 42;

    public Rack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(site, "site");
        row = row == null ? "" : row;
    }
}
