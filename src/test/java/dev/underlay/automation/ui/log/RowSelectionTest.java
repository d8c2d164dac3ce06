package dev.underlay.automation.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The log canvas's selection without a toolkit: click, shift-click or drag either way, select all, clear. */
class RowSelectionTest {
    final RowSelection s = new RowSelection();

    @Test
    void aClickSelectsOneRowAndShiftClickExtendsFromItEitherWay() {
        assertTrue(s.isEmpty());
        s.select(7);
        assertEquals(7, s.from());
        assertEquals(7, s.to());
        s.extendTo(3);
        assertEquals(3, s.from());
        assertEquals(7, s.to());
        assertEquals(3, s.lead(), "the row extended to is the focused line");
        s.extendTo(10);
        assertEquals(7, s.from(), "the anchor stays where the click was");
        assertTrue(s.contains(9));
        assertFalse(s.contains(6));
    }

    @Test
    void extendingWithoutAClickStartsAtThatRowAndSelectAllCoversEveryRow() {
        s.extendTo(4);
        assertEquals(4, s.from());
        assertEquals(4, s.to());
        s.selectAll(100);
        assertEquals(0, s.from());
        assertEquals(99, s.to());
        s.selectAll(0);
        assertTrue(s.isEmpty(), "nothing to select in an empty log");
        assertFalse(s.contains(0));
    }
}
