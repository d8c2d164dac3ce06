package dev.underlay.inventory.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.ResolvedParam;
import dev.underlay.inventory.SecureParams;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The read-only Profiles area: every profile, and for the chosen one its includes and params with values. */
public final class ProfilesViewModel {
    private final InventoryModel model;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<ParamRow> params = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private String selected;

    public ProfilesViewModel(InventoryModel model) {
        this.model = model;
        model.inventoryProperty().addListener((obs, o, n) -> refresh());
        refresh();
    }

    private void refresh() {
        List<String> now = List.copyOf(model.inventory().profiles().keySet());
        if (!names.equals(now)) {
            names.setAll(now);
        }
        select(selected);
    }

    /** Shows one profile (or nothing for null or an unknown name). */
    public void select(String name) {
        selected = name;
        Inventory inv = model.inventory();
        Profile p = name == null ? null : inv.profiles().get(name);
        if (p == null) {
            params.clear();
            details.set("");
            return;
        }
        long users = inv.machines().values().stream().filter(m -> m.profiles().contains(p.name())).count();
        details.set((p.description().isEmpty() ? "" : p.description() + "\n")
                + (p.includes().isEmpty() ? "Includes no other profile" : "Includes " + String.join(", ", p.includes()))
                + (p.name().equals(Profile.GLOBAL) ? "; consulted last for every machine"
                : "; used directly by " + users + " machine" + (users == 1 ? "" : "s")));
        params.setAll(p.params().entrySet().stream().map(e -> {
            ParamDefinition d = inv.paramDefinitions().get(e.getKey());
            String v = new ResolvedParam(e.getKey(), e.getValue(), null, SecureParams.isSecure(inv, e.getKey()))
                    .displayValue();
            return new ParamRow(e.getKey(), v, d == null ? "" : d.description());
        }).toList());
    }

    public ObservableList<String> names() { return names; }
    /** The chosen profile's own params; the third column is the param's description. */
    public ObservableList<ParamRow> params() { return params; }
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }
}
