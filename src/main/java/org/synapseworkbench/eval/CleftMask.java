package org.synapseworkbench.eval;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;

/**
 * Cleft voxels of the volumes CREMI metrics compare: probability maps (inference output (C, Z, Y, X) uint8,
 * or any float map) cut at a threshold, or label volumes (binary masks and id volumes, CREMI's or PyTC's
 * background) where every id is a cleft.
 */
public final class CleftMask {
    /** The threshold for probability maps when none is given. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private CleftMask() {
    }

    /** Whether a volume is read as probabilities: it has a channel axis or holds floats. */
    public static boolean isProbability(Block b) {
        return b.rank() == 4 || b.type().isFloating();
    }

    /**
     * Cleft voxels of channel 0. Probability maps, and any volume when {@code threshold} is given, are cut above
     * the threshold (a probability; uint8 values compare with int(255 x threshold)); label volumes are clefts
     * wherever they hold an id other than 0 and CREMI's no-cleft and ignore values.
     *
     * @param threshold null for the default (0.5 for probability maps, ids for label volumes)
     */
    public static boolean[] of(Block b, Double threshold) {
        int n = spatialSize(b);
        boolean[] m = new boolean[n];
        if (threshold != null || isProbability(b)) {
            double t = threshold == null ? DEFAULT_THRESHOLD : threshold;
            double cut = b.type() == DataType.UINT8 ? Math.floor(255.0 * t) : t;
            for (int i = 0; i < n; i++) {
                m[i] = b.getDouble(i) > cut;
            }
        } else {
            for (int i = 0; i < n; i++) {
                m[i] = Cremi.isCleft(b.getLong(i));
            }
        }
        return m;
    }

    /** Voxels marked "ignore" (CREMI's 0xFFFFFFFFFFFFFFFE) in a 64-bit label volume, or null when none is. */
    public static boolean[] ignored(Block truth) {
        if (truth.type().bytes() != 8 || truth.type().isFloating()) {
            return null;
        }
        long[] v = truth.longs();
        boolean[] m = null;
        for (int i = 0; i < v.length; i++) {
            if (v[i] == Cremi.IGNORE) {
                if (m == null) {
                    m = new boolean[v.length];
                }
                m[i] = true;
            }
        }
        return m;
    }

    private static int spatialSize(Block b) {
        int[] s = b.shape();
        return s[s.length - 3] * s[s.length - 2] * s[s.length - 1];
    }
}
