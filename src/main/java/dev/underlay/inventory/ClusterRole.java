package dev.underlay.inventory;

/** A role a machine holds in a named cluster. */
public record ClusterRole(String cluster, String role) {
}
