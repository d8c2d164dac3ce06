package dev.underlay.inventory.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

/** Batched insert-or-update of rows whose binder sets the same parameters for both statements. */
final class Rows {
    private static final int BATCH = 1000;

    private Rows() {
    }

    /** Binds one item to a statement. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    static <T> void upsert(Connection c, List<T> items, Predicate<T> exists, String insertSql, String updateSql,
                           Binder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement(insertSql);
             PreparedStatement upd = c.prepareStatement(updateSql)) {
            int ni = 0;
            int nu = 0;
            for (T item : items) {
                if (exists.test(item)) {
                    binder.bind(upd, item);
                    upd.addBatch();
                    if (++nu % BATCH == 0) {
                        upd.executeBatch();
                    }
                } else {
                    binder.bind(ins, item);
                    ins.addBatch();
                    if (++ni % BATCH == 0) {
                        ins.executeBatch();
                    }
                }
            }
            ins.executeBatch();
            upd.executeBatch();
        }
    }
}
