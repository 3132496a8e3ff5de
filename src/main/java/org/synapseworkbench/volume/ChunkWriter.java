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

    /** Writes the chunk at grid position {@code g}; {@code data} holds its voxels within the array ({@link Grid#box}). */
    public abstract void writeChunk(int[] g, Block data);

    /** The array's grid of chunks. */
    public Grid grid() {
        return new Grid(shape, chunks);
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
        Grid grid = grid();
        long total = grid.count();
        long t0 = System.nanoTime();
        for (long k = 0; k < total; k++) {
            control.check();
            int[] g = grid.position(k);
            int[][] box = grid.box(g);
            writeChunk(g, source.read(box[0], box[1]));
            progress.update(task, k + 1, total, (System.nanoTime() - t0) / 1e9);
        }
    }
}
