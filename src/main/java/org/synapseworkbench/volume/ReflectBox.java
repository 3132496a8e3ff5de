package org.synapseworkbench.volume;

/**
 * Where the voxels of a box of a reflection-padded volume come from: per axis, the source index of each position
 * (numpy's "reflect": the edge voxel is not repeated), and the smallest source box that holds them all.
 *
 * @param index per axis, the source index of each of the box's positions
 * @param lo start of the source box
 * @param extent size of the source box
 */
public record ReflectBox(int[][] index, int[] lo, int[] extent) {

    /**
     * The box of {@code size} at {@code start}, in coordinates of the volume of {@code shape} padded by {@code pad}
     * on both sides of each axis (start may be anywhere; far outside, reflection repeats).
     */
    public static ReflectBox of(int[] start, int[] size, int[] pad, int[] shape) {
        int r = shape.length;
        int[][] index = new int[r][];
        int[] lo = new int[r];
        int[] extent = new int[r];
        for (int d = 0; d < r; d++) {
            index[d] = new int[size[d]];
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int k = 0; k < size[d]; k++) {
                int i = reflect(start[d] + k - pad[d], shape[d]);
                index[d][k] = i;
                min = Math.min(min, i);
                max = Math.max(max, i);
            }
            lo[d] = size[d] == 0 ? 0 : min;
            extent[d] = size[d] == 0 ? 0 : max - min + 1;
        }
        return new ReflectBox(index, lo, extent);
    }

    /** Index into the source box (as read with {@code lo} and {@code extent}) of box position (z, y, x). */
    public int source(int z, int y, int x) {
        return ((index[0][z] - lo[0]) * extent[1] + index[1][y] - lo[1]) * extent[2] + index[2][x] - lo[2];
    }

    /** numpy's reflect padding index for position {@code i} of an axis of length {@code n}. */
    public static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
