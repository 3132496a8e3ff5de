package org.synapseworkbench.eval;

import java.util.Optional;

/**
 * The CREMI challenge's cleft metrics. Voxels the truth marks "ignore" count as background on both sides. Each
 * side's distance transform (in nm, anisotropic) gives the other side's distances: ADGT is the mean distance of
 * predicted voxels to the nearest true cleft voxel, ADF that of true voxels to the nearest predicted one; voxels
 * farther than 200 nm are counted as false positives and false negatives. One transform is held at a time.
 */
public final class CleftMetrics {
    /** CREMI's distance beyond which a voxel counts as a false positive or negative. */
    public static final double COUNT_DISTANCE_NM = 200;

    private CleftMetrics() {
    }

    /**
     * Scores a predicted cleft mask against a true one, both (z, y, x) of {@code shape}.
     *
     * @param ignore voxels to leave out (CREMI's 0xFFFFFFFFFFFFFFFE in the truth), or null
     * @param resolution voxel size in nm as (z, y, x)
     */
    public static CleftScores score(boolean[] predicted, boolean[] truth, boolean[] ignore, int[] shape, double[] resolution) {
        if (predicted.length != truth.length || ignore != null && ignore.length != truth.length) {
            throw new IllegalArgumentException("prediction and truth differ in size");
        }
        boolean[] test = valid(predicted, ignore);
        boolean[] real = valid(truth, ignore);
        long predictedVoxels = count(test);
        long truthVoxels = count(real);
        Side fp = distancesAt(test, real, shape, resolution, predictedVoxels);
        Side fn = distancesAt(real, test, shape, resolution, truthVoxels);
        boolean defined = predictedVoxels > 0 && truthVoxels > 0;
        return new CleftScores(fp.far, fn.far, predictedVoxels, truthVoxels,
                defined ? Optional.of(fp.stats) : Optional.empty(), defined ? Optional.of(fn.stats) : Optional.empty());
    }

    private record Side(long far, DistanceStats stats) {
    }

    /** Distances of the {@code at} voxels to the nearest {@code to} voxel: how many lie beyond 200 nm, and their statistics. */
    private static Side distancesAt(boolean[] at, boolean[] to, int[] shape, double[] resolution, long count) {
        if (count == 0) {
            return new Side(0, null);
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " cleft voxels are more than one array can hold");
        }
        float[] edt = DistanceTransform.of(to, shape, resolution);
        float[] values = new float[(int) count];
        int n = 0;
        long far = 0;
        for (int i = 0; i < at.length; i++) {
            if (at[i]) {
                float d = edt[i];
                values[n++] = d;
                if (d > COUNT_DISTANCE_NM) {
                    far++;
                }
            }
        }
        boolean finite = values[0] != Float.POSITIVE_INFINITY;
        return new Side(far, finite ? DistanceStats.of(values, n) : null);
    }

    private static boolean[] valid(boolean[] mask, boolean[] ignore) {
        if (ignore == null) {
            return mask;
        }
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] && !ignore[i];
        }
        return out;
    }

    private static long count(boolean[] mask) {
        long n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
