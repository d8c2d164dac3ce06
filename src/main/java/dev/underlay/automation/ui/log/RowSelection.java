package dev.underlay.automation.ui.log;

/**
 * The rows a person selected in the log canvas: one contiguous range from an anchor (the row clicked) to a lead
 * (the row shift-clicked or dragged to). Plain state, no toolkit: the canvas paints it and Copy reads it.
 */
final class RowSelection {
    private int anchor = -1;
    private int lead = -1;

    /** A click: only this row. */
    void select(int row) {
        anchor = row;
        lead = row;
    }

    /** A shift-click or a drag: from the anchor to this row (from this row alone if nothing was selected). */
    void extendTo(int row) {
        if (anchor < 0) {
            anchor = row;
        }
        lead = row;
    }

    void selectAll(int rows) {
        if (rows > 0) {
            anchor = 0;
            lead = rows - 1;
        } else {
            clear();
        }
    }

    void clear() {
        anchor = -1;
        lead = -1;
    }

    boolean isEmpty() {
        return anchor < 0;
    }

    /** The first row selected, or -1. */
    int from() {
        return Math.min(anchor, lead);
    }

    /** The last row selected, or -1. */
    int to() {
        return Math.max(anchor, lead);
    }

    /** The row last clicked or extended to (the focused line), or -1. */
    int lead() {
        return lead;
    }

    boolean contains(int row) {
        return anchor >= 0 && row >= from() && row <= to();
    }
}
