package org.synapseworkbench.volume;

import java.util.Arrays;

/**
 * A regular grid of boxes over an array: cells of one shape (chunks of a store, blocks of a distributed job), those
 * at the far edges cut to the array. Cells are numbered in C order, the last axis fastest.
 *
 * @param shape the array's shape
 * @param cell the cells' shape
 */
public record Grid(int[] shape, int[] cell) implements java.io.Serializable {
    public Grid {
        shape = shape.clone();
        cell = cell.clone();
        if (shape.length != cell.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and cell " + Arrays.toString(cell)
                    + " differ in rank");
        }
    }

    /** Cells along each axis. */
    public int[] counts() {
        int[] n = new int[shape.length];
        for (int a = 0; a < n.length; a++) {
            n[a] = (shape[a] + cell[a] - 1) / cell[a];
        }
        return n;
    }

    /** The number of cells. */
    public long count() {
        long n = 1;
        for (int c : counts()) {
            n *= c;
        }
        return n;
    }

    /** The grid position of cell number {@code k}. */
    public int[] position(long k) {
        int[] n = counts();
        int[] g = new int[n.length];
        for (int a = n.length - 1; a >= 0; a--) {
            g[a] = (int) (k % n[a]);
            k /= n[a];
        }
        return g;
    }

    /** The number of the cell at grid position {@code g}. */
    public long index(int[] g) {
        int[] n = counts();
        long k = 0;
        for (int a = 0; a < n.length; a++) {
            k = k * n[a] + g[a];
        }
        return k;
    }

    /** The box of the cell at grid position {@code g}: start, then size (an edge cell's part). */
    public int[][] box(int[] g) {
        int[] start = new int[g.length];
        int[] size = new int[g.length];
        for (int a = 0; a < g.length; a++) {
            start[a] = g[a] * cell[a];
            size[a] = Math.min(cell[a], shape[a] - start[a]);
        }
        return new int[][] {start, size};
    }
}
