package org.synapseworkbench.ui.viewer.render;

/**
 * Which voxels of a block become the pixels of a frame: pixel (i, j) shows element {@code rows[i] * width + cols[j]}
 * of a row-major block of {@code height} x {@code width}. One voxel per pixel when the view is zoomed in; every step-th voxel
 * (nearest) when it is zoomed out, so a frame never has more pixels than the screen shows.
 */
public record Sampling(int[] rows, int[] cols, int width, int height) {

    /** Every voxel of a {@code height} x {@code width} block, once. */
    static Sampling identity(int height, int width) {
        return of(height, width, 1);
    }

    /** Every {@code step}-th voxel (step at least 1, need not be whole) of a {@code height} x {@code width} block. */
    public static Sampling of(int height, int width, double step) {
        return of(height, width, step, step);
    }

    /** Every {@code rowStep}-th row and {@code colStep}-th column (each at least 1). */
    public static Sampling of(int height, int width, double rowStep, double colStep) {
        return new Sampling(positions(height, rowStep), positions(width, colStep), width, height);
    }

    private static int[] positions(int voxels, double step) {
        int n = Math.max(1, (int) Math.ceil(voxels / step - 1e-9));
        int[] p = new int[Math.min(n, voxels)];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.min(voxels - 1, (int) Math.floor(i * step + 1e-9));
        }
        return p;
    }

    public int frameWidth() {
        return cols.length;
    }

    public int frameHeight() {
        return rows.length;
    }

    /** Every voxel once: as many pixels as voxels (positions only grow, so then each is taken). */
    boolean isIdentity() {
        return cols.length == width && rows.length == height;
    }
}
