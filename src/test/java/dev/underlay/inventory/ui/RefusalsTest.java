package dev.underlay.inventory.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.inventory.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalsTest {
    private static Violation missingProfile(String machine) {
        return new Violation("machine", machine, "profiles",
                "machine " + machine + " uses profile 'nosuch', which does not exist");
    }

    @Test
    void oneRuleBrokenByManyMachinesIsOneSentenceAndTheirNames() {
        List<Violation> vs = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            vs.add(missingProfile("web" + i));
        }
        assertEquals("machine web1 uses profile 'nosuch', which does not exist; the same for web2, web3, web4 "
                + "and 6 more", Refusals.describe(vs));
    }

    @Test
    void aNameAtTheEndOfASentenceIsStillTheName() {
        List<Violation> vs = List.of(new Violation("machine", "db1.fra", "name", "name taken by machine db1.fra."),
                new Violation("machine", "db2.fra", "name", "name taken by machine db2.fra."));
        assertEquals("name taken by machine db1.fra.; the same for db2.fra", Refusals.describe(vs));
    }

    @Test
    void differentRulesKeepALineEachAndTheRestAreCounted() {
        List<Violation> vs = new ArrayList<>(List.of(missingProfile("a"),
                new Violation("machine", "a", "u", "machine a at U3 (front) overlaps machine b at U3"),
                missingProfile("c")));
        assertEquals("machine a uses profile 'nosuch', which does not exist; the same for c\n"
                + "machine a at U3 (front) overlaps machine b at U3", Refusals.describe(vs));
        for (int i = 0; i < 6; i++) {
            vs.add(new Violation("machine", "m" + i, "rack", "machine m" + i + " is in rack r" + i + " of site s"));
        }
        String[] lines = Refusals.describe(vs).split("\n");
        assertEquals(Refusals.MAX_RULES + 1, lines.length);
        assertEquals("… and 3 more problems", lines[Refusals.MAX_RULES]);
    }
}
