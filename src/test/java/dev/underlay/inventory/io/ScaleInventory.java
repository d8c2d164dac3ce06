package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes a valid inventory of N racked machines over a few sites, 40 machines to a 42U rack, for benchmarks. */
public final class ScaleInventory {
    static final int PER_RACK = 40;
    static final int SITES = 3;

    private ScaleInventory() {
    }

    /** {@code ScaleInventory N FILE}: writes N generated machines as a JSON inventory (bench/console-open.sh). */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 2 || !args[0].matches("[0-9]{1,7}")) {
            System.err.println("usage: ScaleInventory N FILE");
            System.exit(2);
        }
        new InventoryExporter().export(of(Integer.parseInt(args[0])), java.nio.file.Path.of(args[1]),
                InventoryFormat.JSON);
    }

    public static Inventory of(int machines) {
        Inventory.Builder b = Inventory.builder();
        for (int s = 0; s < SITES; s++) {
            b.site(new Site("site" + s, "scale site " + s));
        }
        b.profile(new Profile("baseline", "scale baseline", List.of(), Map.of("ntp", TextNode.valueOf("10.0.0.1"))));
        int racks = (machines + PER_RACK - 1) / PER_RACK;
        for (int r = 0; r < racks; r++) {
            b.rack(new Rack(rackName(r), "site" + (r % SITES), Rack.DEFAULT_HEIGHT_U, "R" + (r / 100), r % 100 + 1));
        }
        for (int i = 0; i < machines; i++) {
            int r = i / PER_RACK;
            Map<String, JsonNode> params = new LinkedHashMap<>();
            params.put("index", IntNode.valueOf(i));
            params.put("role", TextNode.valueOf(i % 10 == 0 ? "db" : "web"));
            b.machine(Machine.builder(String.format("m%06d", i))
                    .site("site" + (r % SITES))
                    .placed(rackName(r), i % PER_RACK + 1, 1, Face.FRONT)
                    .address(String.format("10.%d.%d.%d", (i >> 16) & 255, (i >> 8) & 255, i & 255))
                    .sshUser("root")
                    .status(MachineStatus.READY)
                    .tags(List.of("scale", i % 10 == 0 ? "db" : "web"))
                    .profiles(List.of("baseline"))
                    .params(params)
                    .build());
        }
        return b.build();
    }

    private static String rackName(int r) {
        return String.format("rack%05d", r);
    }
}
