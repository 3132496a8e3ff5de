package org.synapseworkbench.post;

import java.util.Arrays;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

/** Cleft instances from a cleft probability map: threshold, connected components, small ones dropped. */
public final class CleftInstances {
    private CleftInstances() {
    }

    /**
     * Voxels of channel 0 above {@code threshold} (a probability; uint8 maps compare with int(255 x threshold)).
     *
     * @param probabilities (z, y, x) or (c, z, y, x); only the first channel is used
     */
    public static boolean[] mask(Block probabilities, double threshold) {
        int[] shape = spatialShape(probabilities);
        int n = shape[0] * shape[1] * shape[2];
        double t = probabilities.type() == DataType.UINT8 ? Math.floor(255.0 * threshold) : threshold;
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i++) {
            m[i] = probabilities.getDouble(i) > t;
        }
        return m;
    }

    /**
     * Components of the thresholded map with at least {@code minSize} voxels, numbered 1..n in raster order.
     *
     * @param connectivity 6 or 26
     */
    public static Components of(Block probabilities, double threshold, int connectivity, int minSize) {
        return ConnectedComponents.label(mask(probabilities, threshold), spatialShape(probabilities), connectivity)
                .withoutSmall(minSize);
    }

    /** The ids as a uint64 volume whose background is {@code background} (0 for PyTC, 0xFFFFFFFFFFFFFFFF for CREMI). */
    public static Block toBlock(Components components, long background) {
        Block out = Block.zeros(DataType.UINT64, components.shape());
        long[] v = out.longs();
        int[] labels = components.labels();
        for (int i = 0; i < v.length; i++) {
            v[i] = labels[i] == 0 ? background : labels[i];
        }
        return out;
    }

    static int[] spatialShape(Block b) {
        if (b.rank() != 3 && b.rank() != 4) {
            throw new IllegalArgumentException("a probability map is (z, y, x) or (c, z, y, x), not " + b);
        }
        int[] s = b.shape();
        return Arrays.copyOfRange(s, s.length - 3, s.length);
    }
}
