package dev.underlay.automation.jobs.log;

/**
 * When the log follows its tail: from the start, and again once the user scrolls back to the last line or asks
 * for the end; not after the user scrolled up, jumped to a search hit or an outlier above the end. New lines
 * never change it: a person reading line 40 is not pulled away by line 40,000.
 */
public final class TailFollow {
    private boolean following = true;

    public boolean following() {
        return following;
    }

    /** The user moved the view (wheel, scroll bar, keys): it follows if the last row is in sight. */
    public void userScrolled(int lastVisibleRow, int rows) {
        following = rows == 0 || lastVisibleRow >= rows - 1;
    }

    /** The view was moved to a row on the user's behalf (a search hit, a group's first line). */
    public void jumped(int row, int rows) {
        following = row >= rows - 1;
    }

    /** The user asked for the end (End key, the Follow button). */
    public void follow() {
        following = true;
    }

    /** The user asked to stop following (the Follow button off). */
    public void stop() {
        following = false;
    }
}
