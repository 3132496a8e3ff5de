package org.synapseworkbench.ui.viewer.render;

import java.util.Arrays;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

/**
 * A contrast window from the values of a section: from the {@code low} to the {@code high} percentile, so that a few
 * very dark or bright voxels (saturated film, borders) do not flatten the rest. 8-bit values are counted in a
 * histogram; others are sorted (a section is at most a few million values).
 */
public final class AutoContrast {
    /** The percentiles ImageJ-style auto-contrast clips by default: 0.35 % at each end. */
    public static final double LOW = 0.35;
    public static final double HIGH = 99.65;

    private AutoContrast() {
    }

    /**
     * The values at the {@code low} and {@code high} percentiles (0..100, nearest rank) of a block, widened to at least
     * one unit when they are equal, so the result is always a valid window.
     */
    public static double[] percentiles(Block values, double low, double high) {
        int n = values.size();
        if (n == 0) {
            return new double[] {0, 1};
        }
        long lowRank = rank(low, n);
        long highRank = rank(high, n);
        double lo;
        double hi;
        if (values.type() == DataType.UINT8) {
            long[] counts = new long[256];
            byte[] b = values.bytes();
            for (int i = 0; i < n; i++) {
                counts[b[i] & 0xFF]++;
            }
            lo = valueAtRank(counts, lowRank);
            hi = valueAtRank(counts, highRank);
        } else {
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = values.getDouble(i);
            }
            Arrays.sort(sorted);
            lo = sorted[(int) lowRank];
            hi = sorted[(int) highRank];
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }

    /** The 0-based nearest rank of percentile {@code p} among {@code n} values. */
    private static long rank(double p, int n) {
        double clamped = Math.max(0, Math.min(100, p));
        return Math.max(0, Math.min(n - 1, (long) Math.ceil(clamped * n / 100) - 1));
    }

    private static int valueAtRank(long[] counts, long rank) {
        long seen = 0;
        for (int v = 0; v < counts.length; v++) {
            seen += counts[v];
            if (seen > rank) {
                return v;
            }
        }
        return counts.length - 1;
    }
}
