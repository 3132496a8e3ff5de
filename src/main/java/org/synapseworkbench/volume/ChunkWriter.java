package org.synapseworkbench.volume;

import java.util.Arrays;

import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

/**
 * Writes an array of a chunked format (Zarr, N5) chunk by chunk: a format writes one chunk; here the grid is walked,
 * reading one chunk's box of the source at a time, so a volume is never whole in memory.
 */
public abstract class ChunkWriter {
    protected final int[] shape;
    protected final int[] chunks;

    protected ChunkWriter(int[] shape, int[] chunks) {
        this.shape = shape.clone();
        this.chunks = chunks.clone();
    }

    /** Writes the chunk at grid position {@code g}; {@code data} holds its voxels within the array (see {@link #box}). */
    public abstract void writeChunk(int[] g, Block data);

    /** Chunks along each axis. */
    public int[] grid() {
        int[] grid = new int[shape.length];
        for (int a = 0; a < grid.length; a++) {
            grid[a] = (shape[a] + chunks[a] - 1) / chunks[a];
        }
        return grid;
    }

    /** The box of the chunk at grid position {@code g} within the array: start, then size (an edge chunk's part). */
    public int[][] box(int[] g) {
        int[] start = new int[g.length];
        int[] size = new int[g.length];
        for (int a = 0; a < g.length; a++) {
            start[a] = g[a] * chunks[a];
            size[a] = Math.min(chunks[a], shape[a] - start[a]);
        }
        return new int[][] {start, size};
    }

    /** The number of chunks. */
    public long chunkCount() {
        long n = 1;
        for (int g : grid()) {
            n *= g;
        }
        return n;
    }

    /** The grid position of chunk number {@code k} (last axis fastest). */
    public int[] position(long k) {
        int[] grid = grid();
        int[] g = new int[grid.length];
        for (int a = grid.length - 1; a >= 0; a--) {
            g[a] = (int) (k % grid[a]);
            k /= grid[a];
        }
        return g;
    }

    /** Writes every chunk from {@code source} (of this array's shape). */
    public void writeAll(Volume source) {
        writeAll(source, "Writing", Progress.NONE, new Cancellation());
    }

    /**
     * Writes every chunk from {@code source}, telling {@code progress} after each ({@code task} names the work) and
     * stopping at the next chunk once cancelled (the chunks written so far are whole).
     */
    public void writeAll(Volume source, String task, Progress progress, Cancellation control) {
        if (!Arrays.equals(source.shape(), shape)) {
            throw new IllegalArgumentException(source.name() + " is " + Arrays.toString(source.shape()) + ", the array "
                    + Arrays.toString(shape));
        }
        long total = chunkCount();
        long t0 = System.nanoTime();
        for (long k = 0; k < total; k++) {
            control.check();
            int[] g = position(k);
            int[][] box = box(g);
            writeChunk(g, source.read(box[0], box[1]));
            progress.update(task, k + 1, total, (System.nanoTime() - t0) / 1e9);
        }
    }
}
