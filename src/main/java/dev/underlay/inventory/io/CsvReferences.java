package dev.underlay.inventory.io;

import dev.underlay.inventory.Credential;
import dev.underlay.inventory.CredentialKind;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CSV row names its site, rack, credential and profiles but cannot carry them. So that whatever export writes,
 * import accepts, the ones missing from the data folder are made from what the rows say, and the preview says once
 * per name what the CSV could not carry: a rack gets the site of its first machine and a height that fits its
 * machines (at least 42U), a credential and a profile are made empty.
 */
final class CsvReferences {
    private CsvReferences() {
    }

    static void complete(ImportSource src, Inventory current) {
        Map<String, Site> sites = new TreeMap<>(); // listed in name order, as the inventory lists them
        Map<String, Rack> racks = new TreeMap<>();
        Map<String, Integer> creds = new TreeMap<>();
        Map<String, Integer> profiles = new TreeMap<>();
        for (Machine m : src.entities.machines) {
            ImportSource.Origin at = src.origin("machine", m.name());
            String rackSite = m.site();
            if (!m.rack().isEmpty() && !current.racks().containsKey(m.rack())) {
                Rack r = racks.get(m.rack());
                int top = m.uPosition() == null ? 0 : m.topU();
                if (r == null) {
                    src.define("rack", m.rack(), at);
                    r = new Rack(m.rack(), m.site(), Math.max(Rack.DEFAULT_HEIGHT_U, top), "", 0);
                } else if (top > r.heightU()) {
                    r = new Rack(r.name(), r.site(), top, "", 0);
                }
                racks.put(r.name(), r);
                rackSite = r.site();
            }
            for (String s : List.of(m.site(), rackSite)) {
                if (!s.isEmpty() && !current.sites().containsKey(s) && !sites.containsKey(s)) {
                    src.define("site", s, at);
                    sites.put(s, new Site(s, ""));
                }
            }
            if (!m.credential().isEmpty() && !current.credentials().containsKey(m.credential())) {
                if (!creds.containsKey(m.credential())) {
                    src.define("credential", m.credential(), at);
                }
                creds.merge(m.credential(), 1, Integer::sum);
            }
            for (String p : m.profiles()) {
                if (!current.profiles().containsKey(p)) {
                    if (!profiles.containsKey(p)) {
                        src.define("profile", p, at);
                    }
                    profiles.merge(p, 1, Integer::sum);
                }
            }
        }
        sites.values().forEach(s -> {
            src.entities.sites.add(s);
            src.notes.add("site " + s.name() + " is not in this data folder: made from the rows' site column");
        });
        racks.values().forEach(r -> {
            src.entities.racks.add(r);
            src.notes.add("rack " + r.name() + " is not in this data folder: made in site " + r.site() + ", "
                    + r.heightU() + "U high (a CSV does not carry a rack's height, row or position)");
        });
        creds.forEach((c, n) -> {
            src.entities.credentials.add(new Credential(c, CredentialKind.KEY, "", "",
                    "made by a CSV import; set its key file or password"));
            src.notes.add("credential " + c + " is not in this data folder: made empty for its " + machines(n)
                    + " (a CSV does not carry a credential's user, key file or password; set them before "
                    + "connecting, or import the JSON export)");
        });
        profiles.forEach((p, n) -> {
            src.entities.profiles.add(new Profile(p, "made by a CSV import", List.of(), Map.of()));
            src.notes.add("profile " + p + " is not in this data folder: made empty for its " + machines(n)
                    + " (a CSV does not carry a profile's params or includes; import the JSON export for them)");
        });
    }

    private static String machines(int n) {
        return n == 1 ? "1 machine" : n + " machines";
    }
}
