package dev.underlay.inventory.ui;

import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The read-only Clusters area: every cluster, and for the chosen one its members with role and status. */
public final class ClustersViewModel {
    /** One member line. */
    public record MemberRow(String machine, String role, String status, String rack) {
    }

    private final InventoryModel model;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<MemberRow> members = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private String selected;

    public ClustersViewModel(InventoryModel model) {
        this.model = model;
        model.inventoryProperty().addListener((obs, o, n) -> refresh());
        refresh();
    }

    private void refresh() {
        List<String> now = List.copyOf(model.inventory().clusters().keySet());
        if (!names.equals(now)) {
            names.setAll(now);
        }
        select(selected);
    }

    /** Shows one cluster (or nothing for null or an unknown name). */
    public void select(String name) {
        selected = name;
        Inventory inv = model.inventory();
        Cluster c = name == null ? null : inv.clusters().get(name);
        if (c == null) {
            members.clear();
            details.set("");
            return;
        }
        details.set((c.kind().isEmpty() ? "" : c.kind() + " cluster") + (c.description().isEmpty() ? ""
                : ": " + c.description()) + "\n" + c.members().size() + " members"
                + (c.profile().isEmpty() ? "" : "; cluster profile " + c.profile()));
        members.setAll(c.members().stream().map(cm -> {
            Machine m = inv.machines().get(cm.machine());
            return new MemberRow(cm.machine(), cm.role(), m == null ? "missing" : m.status().id(),
                    m == null || !m.racked() ? "" : m.rack() + " " + m.uRange());
        }).toList());
    }

    public ObservableList<String> names() { return names; }
    public ObservableList<MemberRow> members() { return members; }
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }
}
