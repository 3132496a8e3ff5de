package org.synapseworkbench.eval;

import java.util.function.LongConsumer;

/**
 * Voxel counts per instance and per overlapping (predicted, true) pair, in open-addressing hash tables of
 * primitive longs (no boxing; a volume of 10^8 voxels adds one entry per run of equal pairs, not per voxel).
 * Ids are positive; 0 is background.
 */
final class OverlapCounts implements java.io.Serializable {
    private final LongTable predicted = new LongTable();
    private final LongTable truth = new LongTable();
    private final LongTable pairs = new LongTable();

    /** Adds {@code n} voxels whose predicted id is {@code p} and true id {@code t} (either may be 0). */
    void add(long p, long t, long n) {
        if (p != 0) {
            predicted.add(p, 0, n);
        }
        if (t != 0) {
            truth.add(t, 0, n);
        }
        if (p != 0 && t != 0) {
            pairs.add(p, t, n);
        }
    }

    /** Adds the counts of {@code other} (of another part of the volume) to these. */
    void addAll(OverlapCounts other) {
        other.predicted.forEach((x, y, n) -> predicted.add(x, y, n));
        other.truth.forEach((x, y, n) -> truth.add(x, y, n));
        other.pairs.forEach((x, y, n) -> pairs.add(x, y, n));
    }

    long predictedSize(long id) {
        return predicted.get(id, 0);
    }

    long truthSize(long id) {
        return truth.get(id, 0);
    }

    int predictedCount() {
        return predicted.size;
    }

    int truthCount() {
        return truth.size;
    }

    void forEachPredicted(LongConsumer action) {
        predicted.forEachKey(action);
    }

    /**
     * The mean over true instances of the highest IoU any predicted instance reaches with each (0 where none
     * overlaps); NaN without true instances. Unlike F1 at a threshold it moves with every voxel a mask gains or loses.
     */
    double meanBestTruthIou() {
        if (truth.size == 0) {
            return Double.NaN;
        }
        java.util.Map<Long, Double> best = new java.util.HashMap<>();
        pairs.forEach((p, t, overlap) -> best.merge(t, (double) overlap / (predictedSize(p) + truthSize(t) - overlap), Math::max));
        double sum = 0;
        for (double v : best.values()) {
            sum += v;
        }
        return sum / truth.size;
    }

    /**
     * For the true instances some predicted instance overlaps: the sum over them of (size of the predicted instance
     * with the best IoU) / (true size), and how many they are. A mean above 1 says masks are drawn too wide, below 1
     * too narrow, which IoU alone does not tell.
     */
    double[] bestSizeRatioSum() {
        java.util.Map<Long, double[]> best = new java.util.HashMap<>(); // true id -> {IoU, size ratio}
        pairs.forEach((p, t, overlap) -> {
            double iou = (double) overlap / (predictedSize(p) + truthSize(t) - overlap);
            double[] b = best.get(t);
            if (b == null || iou > b[0]) {
                best.put(t, new double[] {iou, (double) predictedSize(p) / truthSize(t)});
            }
        });
        double sum = 0;
        for (double[] b : best.values()) {
            sum += b[1];
        }
        return new double[] {sum, best.size()};
    }

    /** Calls {@code action} with (predicted id, true id, overlap) for every overlapping pair. */
    void forEachPair(PairAction action) {
        pairs.forEach(action);
    }

    interface PairAction {
        void accept(long predicted, long truth, long overlap);
    }

    /** Counts keyed by a pair of longs (the second 0 for single keys), linear probing, grown at half full. */
    private static final class LongTable implements java.io.Serializable {
        long[] a = new long[64];
        long[] b = new long[64];
        long[] counts = new long[64];
        boolean[] used = new boolean[64];
        int size;

        void add(long x, long y, long n) {
            int i = slot(x, y);
            if (!used[i]) {
                used[i] = true;
                a[i] = x;
                b[i] = y;
                size++;
                if (2 * size > a.length) {
                    counts[i] += n;
                    grow();
                    return;
                }
            }
            counts[i] += n;
        }

        long get(long x, long y) {
            int i = slot(x, y);
            return used[i] ? counts[i] : 0;
        }

        void forEach(PairAction action) {
            for (int i = 0; i < a.length; i++) {
                if (used[i]) {
                    action.accept(a[i], b[i], counts[i]);
                }
            }
        }

        void forEachKey(LongConsumer action) {
            for (int i = 0; i < a.length; i++) {
                if (used[i]) {
                    action.accept(a[i]);
                }
            }
        }

        private int slot(long x, long y) {
            int mask = a.length - 1;
            long h = x * 0x9E3779B97F4A7C15L + y * 0xC2B2AE3D27D4EB4FL;
            int i = (int) (h ^ (h >>> 29)) & mask;
            while (used[i] && (a[i] != x || b[i] != y)) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] oa = a;
            long[] ob = b;
            long[] oc = counts;
            boolean[] ou = used;
            a = new long[oa.length * 2];
            b = new long[oa.length * 2];
            counts = new long[oa.length * 2];
            used = new boolean[oa.length * 2];
            for (int i = 0; i < oa.length; i++) {
                if (ou[i]) {
                    int j = slot(oa[i], ob[i]);
                    used[j] = true;
                    a[j] = oa[i];
                    b[j] = ob[i];
                    counts[j] = oc[i];
                }
            }
        }
    }
}
