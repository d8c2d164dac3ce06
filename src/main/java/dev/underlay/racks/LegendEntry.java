package dev.underlay.racks;

/** One colour of a colouring and what it means ("in-use", "worker", "failed at step 3"). */
public record LegendEntry(String label, Swatch swatch) {
}
