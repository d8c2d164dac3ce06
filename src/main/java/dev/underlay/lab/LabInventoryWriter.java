package dev.underlay.lab;

import dev.underlay.inventory.Credential;
import dev.underlay.inventory.CredentialKind;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Site;
import dev.underlay.inventory.io.InventoryExporter;
import dev.underlay.inventory.io.InventoryFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the lab's machines as an importable inventory, through the inventory exporter's JSON format. */
public final class LabInventoryWriter {
    private LabInventoryWriter() {
    }

    /** Writes the file atomically; {@code clientKey} is the key file the lab credential points at. */
    public static void write(List<Machine> machines, Path clientKey, Path file) throws IOException {
        Inventory inv = Inventory.builder()
                .site(new Site(LabInventory.SITE, "Simulated lab on 127.0.0.1"))
                .credential(new Credential(DemoInventory.LAB_CREDENTIAL, CredentialKind.KEY, "root",
                        clientKey.toAbsolutePath().toString(), "Client key of the simulated lab"))
                .machines(machines)
                .build();
        new InventoryExporter().export(inv, file, InventoryFormat.JSON);
    }
}
