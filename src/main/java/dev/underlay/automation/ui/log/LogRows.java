package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.log.FilteredLines;
import javafx.collections.ObservableListBase;

/**
 * The rows a {@link javafx.scene.control.ListView} shows, without a list behind them: row {@code i} is the
 * Integer {@code i}, and the size is the filter's. Appends are announced as one added range per batch.
 */
final class LogRows extends ObservableListBase<Integer> {
    private final FilteredLines rows;
    private int announced;

    LogRows(FilteredLines rows) {
        this.rows = rows;
        this.announced = rows.size();
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= announced) {
            throw new IndexOutOfBoundsException(index);
        }
        return index;
    }

    @Override
    public int size() {
        return announced;
    }

    /** Announces the rows added since the last call, as one change. */
    void catchUp() {
        int now = rows.size();
        if (now > announced) {
            int from = announced;
            announced = now;
            beginChange();
            nextAdd(from, now);
            endChange();
        }
    }
}
