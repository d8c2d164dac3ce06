package dev.underlay.topology;

/**
 * Moves boxes given by their centres apart until no two overlap (with a gap): a force-directed layout treats a
 * vertex as a point, and a machine block (decision 0026) is hundreds of units across. First a few rounds of pushing
 * each overlapping pair apart along the axis where they overlap less, which keeps the picture; then, for whatever
 * still overlaps, the smallest uniform spreading of all centres that separates every pair. Quadratic in the number
 * of boxes, which is the coarse graph's (about 280 at 5,000 vertices), not the machines'.
 */
final class Separation {
    private static final int ROUNDS = 40;

    private Separation() {
    }

    /** Moves {@code cx, cy} in place; deterministic. */
    static void apart(double[] cx, double[] cy, double[] w, double[] h, double gap) {
        int n = cx.length;
        for (int round = 0; round < ROUNDS; round++) {
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = cx[j] - cx[i];
                    double dy = cy[j] - cy[i];
                    double ox = (w[i] + w[j]) / 2 + gap - Math.abs(dx);
                    double oy = (h[i] + h[j]) / 2 + gap - Math.abs(dy);
                    if (ox > 0 && oy > 0) {
                        moved = true;
                        if (ox <= oy) {
                            double s = (dx < 0 ? -1 : 1) * ox / 2;
                            cx[i] -= s;
                            cx[j] += s;
                        } else {
                            double s = (dy < 0 ? -1 : 1) * oy / 2;
                            cy[i] -= s;
                            cy[j] += s;
                        }
                    }
                }
            }
            if (!moved) {
                return;
            }
        }
        double spread = 1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = Math.abs(cx[j] - cx[i]);
                double dy = Math.abs(cy[j] - cy[i]);
                double nx = (w[i] + w[j]) / 2 + gap;
                double ny = (h[i] + h[j]) / 2 + gap;
                if (dx < nx && dy < ny) { // the pushes above leave no two centres equal
                    spread = Math.max(spread, Math.min(dx > 0 ? nx / dx : Double.MAX_VALUE,
                            dy > 0 ? ny / dy : Double.MAX_VALUE));
                }
            }
        }
        if (spread > 1) {
            spread *= 1 + 1e-9;
            for (int i = 0; i < n; i++) {
                cx[i] *= spread;
                cy[i] *= spread;
            }
        }
    }
}
