package org.synapseworkbench.data.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * PyTC's {@code MissingParts}, image only. Walking through the slices, each slice is hit with chance P (PyTC reuses
 * the augmentation's probability here) and a hit slice makes the next one safe (at most one in two consecutive).
 * In a hit slice a digital straight line is drawn either from the top row to the bottom row (columns uniform in
 * 1..w-3 at both ends) or from the left column to the right column (rows uniform in 1..h-3), chance 1/2 each;
 * every pixel within city-block distance ITER of the line (what PyTC's binary dilation with the 4-neighbour
 * cross, ITER times, gives) is set to the slice's mean. Size unchanged. Draws per slice: one for the hit; per hit
 * slice one for the orientation and two for the ends.
 */
public final class MissingParts extends BaseAugmentation {
    public static final String NAME = "MISSINGPARTS";

    private final int iterations;

    public MissingParts(double p, int iterations) {
        super(NAME, p);
        if (iterations < 0) {
            throw new IllegalArgumentException("ITER must be >= 0, got " + iterations);
        }
        this.iterations = iterations;
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        int d = crop.depth();
        int h = crop.height();
        int w = crop.width();
        int[] dist = null;
        for (int z = 0; z < d; z++) {
            if (rng.nextDouble() >= probability()) {
                continue;
            }
            boolean topToBottom = rng.nextDouble() < 0.5;
            int r0;
            int c0;
            int r1;
            int c1;
            if (topToBottom) {
                r0 = 0;
                r1 = h - 1;
                c0 = 1 + rng.nextInt(Math.max(1, w - 3));
                c1 = 1 + rng.nextInt(Math.max(1, w - 3));
            } else {
                c0 = 0;
                c1 = w - 1;
                r0 = 1 + rng.nextInt(Math.max(1, h - 3));
                r1 = 1 + rng.nextInt(Math.max(1, h - 3));
            }
            if (dist == null) {
                dist = new int[h * w];
            }
            band(dist, h, w, Math.min(r0, h - 1), Math.min(c0, w - 1), Math.min(r1, h - 1), Math.min(c1, w - 1));
            fill(crop.image(), z * h * w, dist, iterations);
            z++; // the next slice is spared
        }
        return crop;
    }

    /** City-block distance of every pixel to the digital line from (r0, c0) to (r1, c1), into {@code dist}. */
    static void band(int[] dist, int h, int w, int r0, int c0, int r1, int c1) {
        int inf = h + w + 1;
        Arrays.fill(dist, inf);
        int dr = r1 - r0;
        int dc = c1 - c0;
        int n = Math.max(Math.abs(dr), Math.abs(dc));
        for (int t = 0; t <= n; t++) {
            int r = n == 0 ? r0 : r0 + Math.floorDiv(2 * t * dr + n, 2 * n);
            int c = n == 0 ? c0 : c0 + Math.floorDiv(2 * t * dc + n, 2 * n);
            dist[r * w + c] = 0;
        }
        // two raster passes give the exact city-block distance transform
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int v = dist[row + x];
                if (y > 0 && dist[row - w + x] + 1 < v) {
                    v = dist[row - w + x] + 1;
                }
                if (x > 0 && dist[row + x - 1] + 1 < v) {
                    v = dist[row + x - 1] + 1;
                }
                dist[row + x] = v;
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            int row = y * w;
            for (int x = w - 1; x >= 0; x--) {
                int v = dist[row + x];
                if (y < h - 1 && dist[row + w + x] + 1 < v) {
                    v = dist[row + w + x] + 1;
                }
                if (x < w - 1 && dist[row + x + 1] + 1 < v) {
                    v = dist[row + x + 1] + 1;
                }
                dist[row + x] = v;
            }
        }
    }

    /** Sets the pixels of the slice at {@code off} with {@code dist <= radius} to the slice's mean. */
    private static void fill(float[] img, int off, int[] dist, int radius) {
        double sum = 0;
        for (int i = 0; i < dist.length; i++) {
            sum += img[off + i];
        }
        float mean = Geometry.clip01((float) (sum / dist.length));
        for (int i = 0; i < dist.length; i++) {
            if (dist[i] <= radius) {
                img[off + i] = mean;
            }
        }
    }
}
