package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeSetTest {
    @Test
    void expandsRangesListsAndPlainNamesInTheOrderWritten() {
        assertEquals(List.of("db1", "db2", "db3", "web01"), NodeSet.expand("db[1-3],web01"));
        List<String> w = NodeSet.expand("fra1-k8s-w[01-12,15]");
        assertEquals(13, w.size());
        assertEquals("fra1-k8s-w01", w.get(0));
        assertEquals("fra1-k8s-w12", w.get(11));
        assertEquals("fra1-k8s-w15", w.get(12));
        assertEquals(List.of("n7"), NodeSet.expand("n[7]"));
        assertEquals(List.of("host"), NodeSet.expand("host"));
    }

    @Test
    void keepsThePaddingOfTheFirstBound() {
        assertEquals(List.of("n08", "n09", "n10", "n11"), NodeSet.expand("n[08-11]"));
        assertEquals(List.of("n8", "n9", "n10"), NodeSet.expand("n[8-10]"));
        assertEquals(List.of("lab0099", "lab0100"), NodeSet.expand("lab[0099-0100]"));
    }

    @Test
    void expandsEveryCombinationOfSeveralBracketsAndSteps() {
        assertEquals(List.of("r1-n1", "r1-n2", "r2-n1", "r2-n2"), NodeSet.expand("r[1-2]-n[1-2]"));
        assertEquals(List.of("n0", "n2", "n4", "n6"), NodeSet.expand("n[0-6/2]"));
        assertEquals(List.of("a1b", "a3b"), NodeSet.expand("a[1,3]b"));
    }

    @Test
    void repeatedNamesComeOnce() {
        assertEquals(List.of("n1", "n2", "n3"), NodeSet.expand("n[1-2],n[2-3],n1"));
    }

    @Test
    void badSyntaxIsRefusedWithThePartAtFault() {
        QueryException down = assertThrows(QueryException.class, () -> NodeSet.expand("n[3-1]"));
        assertTrue(down.getMessage().contains("counts down"), down.getMessage());
        assertTrue(assertThrows(QueryException.class, () -> NodeSet.expand("n[1-3")).getMessage()
                .contains("never closed"));
        assertTrue(assertThrows(QueryException.class, () -> NodeSet.expand("n1-3]")).getMessage()
                .contains("']' without '['"));
        assertTrue(assertThrows(QueryException.class, () -> NodeSet.expand("n[a-c]")).getMessage()
                .contains("'a' in node set 'n[a-c]' is not a number"));
        assertTrue(assertThrows(QueryException.class, () -> NodeSet.expand("n[]")).getMessage()
                .contains("is not a number"));
        assertTrue(assertThrows(QueryException.class, () -> NodeSet.expand("n[1-4/0]")).getMessage()
                .contains("step 0"));
        assertTrue(assertThrows(QueryException.class, () -> NodeSet.expand("a,,b")).getMessage()
                .contains("empty name"));
        assertTrue(assertThrows(QueryException.class, () -> NodeSet.expand("n[[1-2]]")).getMessage()
                .contains("inside brackets"));
    }

    @Test
    void hugeSetsAreRefusedBeforeTheyAreBuilt() {
        QueryException e = assertThrows(QueryException.class, () -> NodeSet.expand("n[1-999999999999]"));
        assertTrue(e.getMessage().contains("more than 100000"), e.getMessage());
        assertThrows(QueryException.class, () -> NodeSet.expand("a[1-1000]-b[1-1000]"));
        assertEquals(NodeSet.MAX_NAMES, NodeSet.expand("n[1-100000]").size());
    }

    @Test
    void foldsConsecutiveNumbersIntoRanges() {
        assertEquals("fra1-gpu[03-04]", NodeSet.fold(List.of("fra1-gpu04", "fra1-gpu03")));
        assertEquals("fra1-k8s-w[01-12,15]", NodeSet.fold(NodeSet.expand("fra1-k8s-w[15,01-12]")));
        assertEquals("db[1-3],web01", NodeSet.fold(List.of("web01", "db3", "db1", "db2")));
        assertEquals("fra1-web01", NodeSet.fold(List.of("fra1-web01")));
        assertEquals("", NodeSet.fold(List.of()));
    }

    @Test
    void foldingKeepsPaddingApartAndNamesWithoutNumbers() {
        assertEquals("n[08-10]", NodeSet.fold(List.of("n08", "n09", "n10")));
        assertEquals("n[8-10]", NodeSet.fold(List.of("n8", "n9", "n10")));
        assertEquals("n[1,01]", NodeSet.fold(List.of("n1", "n01")));
        assertEquals("gateway,n[1-2]", NodeSet.fold(List.of("n2", "gateway", "n1")));
        assertEquals("r01-n[1-2]", NodeSet.fold(List.of("r01-n1", "r01-n2")));
        assertEquals("n[1-2].example.org", NodeSet.fold(List.of("n1.example.org", "n2.example.org")));
    }

    @Test
    void foldThenExpandGivesTheSameNames() {
        Random random = new Random(12);
        String[] prefixes = {"fra1-k8s-w", "db", "lab", "r1-n", "x"};
        for (int round = 0; round < 200; round++) {
            List<String> names = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                String prefix = prefixes[random.nextInt(prefixes.length)];
                int number = random.nextInt(120);
                names.add(random.nextBoolean() ? prefix + String.format("%03d", number) : prefix + number);
            }
            String folded = NodeSet.fold(names);
            assertEquals(new LinkedHashSet<>(names).stream().sorted().toList(),
                    NodeSet.expand(folded).stream().sorted().toList(), folded);
        }
    }

    @Test
    void onlyBracketsAndCommasMakeANodeSet() {
        assertTrue(NodeSet.looksLikeNodeSet("db[1-3]"));
        assertTrue(NodeSet.looksLikeNodeSet("db1,web01"));
        assertFalse(NodeSet.looksLikeNodeSet("fra1-web01"));
        assertFalse(NodeSet.looksLikeNodeSet("web*"));
    }
}
