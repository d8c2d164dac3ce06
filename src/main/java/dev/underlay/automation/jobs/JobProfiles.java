package dev.underlay.automation.jobs;

import dev.underlay.automation.ParamPublisher;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Profile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profiles hosts in no cluster publish into ({@code job-N-published}, decision 0021) go with their job: when it
 * is purged by the retention setting or deleted. Only a profile of exactly that name whose job is gone, and that
 * nothing uses (a cluster's profile, a machine's, another profile's include), is removed: a cluster profile never.
 */
final class JobProfiles {
    private static final Pattern NAME = Pattern.compile("job-(\\d+)-published");

    private JobProfiles() {
    }

    /** Removes the job profiles whose job {@code exists} says is gone; their names. */
    static List<String> removeOrphans(InventoryService inventory, LongPredicate exists) {
        synchronized (inventory) { // ParamPublisher writes job profiles under the same lock
            Inventory inv = inventory.inventory();
            Set<String> used = new HashSet<>();
            for (Cluster c : inv.clusters().values()) {
                used.add(c.profile());
            }
            for (Machine m : inv.machines().values()) {
                used.addAll(m.profiles());
            }
            for (Profile p : inv.profiles().values()) {
                used.addAll(p.includes());
            }
            List<String> gone = new ArrayList<>();
            for (String name : inv.profiles().keySet()) {
                Matcher m = NAME.matcher(name);
                if (m.matches() && !used.contains(name) && m.group(1).length() < 19
                        && name.equals(ParamPublisher.jobProfile(Long.parseLong(m.group(1))))
                        && !exists.test(Long.parseLong(m.group(1)))) {
                    gone.add(name);
                }
            }
            if (!gone.isEmpty()) {
                InventoryChanges ch = new InventoryChanges().basedOn(inv);
                ch.removedProfiles.addAll(gone);
                inventory.apply(ch);
            }
            return gone;
        }
    }
}
