package dev.underlay.inventory;

import java.util.Objects;

/** A place that holds racks or a cloud region's machines. */
public record Site(String name, String description) {
    public Site {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
