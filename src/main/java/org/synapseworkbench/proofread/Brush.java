package org.synapseworkbench.proofread;

import java.util.Arrays;

/**
 * The voxels a round brush covers: a disk of a radius in voxels (in-plane, so anisotropic sections get round
 * strokes), on one section or on {@code depth} sections centred on it, clipped to the volume. A stroke is the union
 * of the brush at each point the pointer passed, with the gaps between points filled.
 */
public record Brush(int radius, int depth) {
    public Brush {
        if (radius < 0) {
            throw new IllegalArgumentException("the brush radius must be 0 or more voxels, not " + radius);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("the brush must reach at least one section, not " + depth);
        }
    }

    /**
     * Linear indices (z, y, x row-major, ascending, no repeats) of the voxels that a stroke through {@code points}
     * (pairs of y, x on section {@code z}) covers in a volume of {@code shape}.
     */
    public long[] stroke(int[] shape, int z, int[] points) {
        if (points.length < 2 || points.length % 2 != 0) {
            throw new IllegalArgumentException("a stroke needs (y, x) pairs");
        }
        long[] out = new long[64];
        int n = 0;
        int z0 = Math.max(0, z - (depth - 1) / 2);
        int z1 = Math.min(shape[0] - 1, z + depth / 2);
        double step = Math.max(0.5, radius / 2.0);
        for (int p = 0; p < points.length; p += 2) {
            int y0 = points[p];
            int x0 = points[p + 1];
            int y1 = p + 2 < points.length ? points[p + 2] : y0;
            int x1 = p + 2 < points.length ? points[p + 3] : x0;
            int steps = (int) Math.ceil(Math.hypot(y1 - y0, x1 - x0) / step);
            for (int s = 0; s <= steps; s++) { // dabs along the segment, close enough to leave no gaps
                double t = steps == 0 ? 0 : (double) s / steps;
                int cy = (int) Math.round(y0 + t * (y1 - y0));
                int cx = (int) Math.round(x0 + t * (x1 - x0));
                for (int dy = -radius; dy <= radius; dy++) {
                    int y = cy + dy;
                    if (y < 0 || y >= shape[1]) {
                        continue;
                    }
                    int half = (int) Math.floor(Math.sqrt((double) radius * radius - dy * dy));
                    for (int x = Math.max(0, cx - half); x <= Math.min(shape[2] - 1, cx + half); x++) {
                        for (int zz = z0; zz <= z1; zz++) {
                            if (n == out.length) {
                                out = Arrays.copyOf(out, 2 * n);
                            }
                            out[n++] = ((long) zz * shape[1] + y) * shape[2] + x;
                        }
                    }
                }
            }
        }
        return Arrays.stream(out, 0, n).sorted().distinct().toArray();
    }
}
