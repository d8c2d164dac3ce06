package dev.underlay.lab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Presets add to a fault spec instead of replacing it, and one fault can be taken out again. */
class FaultItemsTest {
    @Test
    void presetsCombineAndReplaceOnlyTheSameFault() {
        String s = FaultItems.combine("", "refuse:10%");
        s = FaultItems.combine(s, "slow=500ms:5%");
        s = FaultItems.combine(s, "fail=uname:10%");
        assertEquals("refuse:10%, slow=500ms:5%, fail=uname:10%", s);
        assertEquals("slow=500ms:5%, fail=uname:10%, refuse:20%", FaultItems.combine(s, "refuse:20%"),
                "a second refuse replaces the first");
        assertEquals("refuse:10%, slow=500ms:5%, fail=uname:10%, fail=ls:all", FaultItems.combine(s, "fail=ls:all"),
                "fail of another command is another fault");
        assertEquals("", FaultItems.combine(s, ""), "the empty preset clears");
        assertEquals("refuse:10%", FaultItems.combine("refuse:200%", "refuse:10%"),
                "a preset replaces a broken item of its kind");
        assertEquals("slw:5%, refuse:10%", FaultItems.combine("slw:5%", "refuse:10%"),
                "an item that does not parse yet is kept as typed");
    }

    @Test
    void removeTakesOutOneFaultAndKeepsTheSeed() {
        String s = "refuse:10%, seed=7, slow=300ms:lab[0001-0002], hostkey:5%";
        assertEquals("refuse:10%, seed=7, hostkey:5%", FaultItems.remove(s, 1));
        assertEquals("seed=7, slow=300ms:lab[0001-0002], hostkey:5%", FaultItems.remove(s, 0));
        assertEquals(s.replace(", ", ", "), FaultItems.remove(s, 5), "no such fault: unchanged");
    }
}
