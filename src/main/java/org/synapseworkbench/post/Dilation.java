package org.synapseworkbench.post;

import java.util.stream.IntStream;

/** Binary dilation of a (z, y, x) mask by a box, separably (x, then y, then z), planes in parallel. */
public final class Dilation {
    private Dilation() {
    }

    /**
     * The mask dilated by a box of {@code size} (z, y, x) voxels, centred as scipy centres it (odd sizes: on the
     * voxel; even sizes: one more voxel before than after).
     */
    public static boolean[] box(boolean[] mask, int[] shape, int[] size) {
        boolean[] out = mask.clone();
        int nz = shape[0];
        int ny = shape[1];
        int nx = shape[2];
        for (int a = 0; a < 3; a++) {
            if (size[a] < 1) {
                throw new IllegalArgumentException("a dilation box is at least 1 voxel wide, not " + size[a]);
            }
        }
        if (size[2] > 1) {
            IntStream.range(0, nz * ny).parallel().forEach(line -> along(out, line * nx, 1, nx, size[2]));
        }
        if (size[1] > 1) {
            IntStream.range(0, nz).parallel().forEach(z -> {
                for (int x = 0; x < nx; x++) {
                    along(out, z * ny * nx + x, nx, ny, size[1]);
                }
            });
        }
        if (size[0] > 1) {
            IntStream.range(0, ny).parallel().forEach(y -> {
                for (int x = 0; x < nx; x++) {
                    along(out, y * nx + x, ny * nx, nz, size[0]);
                }
            });
        }
        return out;
    }

    /** Dilates one line of {@code n} voxels {@code stride} apart, in place, by a window of {@code width}. */
    private static void along(boolean[] m, int offset, int stride, int n, int width) {
        int before = width / 2;
        int after = width - 1 - before;
        boolean[] line = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            line[i] = m[offset + i * stride];
            any |= line[i];
        }
        if (!any) {
            return;
        }
        int last = Integer.MIN_VALUE / 2;
        int[] nextSet = new int[n + 1];
        nextSet[n] = Integer.MAX_VALUE / 2;
        for (int i = n - 1; i >= 0; i--) {
            nextSet[i] = line[i] ? i : nextSet[i + 1];
        }
        for (int i = 0; i < n; i++) {
            if (line[i]) {
                last = i;
            }
            // set when a foreground voxel lies in [i - after, i + before]
            m[offset + i * stride] = i - last <= after || nextSet[i] - i <= before;
        }
    }
}
