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
    protected final DataType type;

    protected ChunkWriter(int[] shape, int[] chunks, DataType type) {
        this.shape = shape.clone();
        this.chunks = chunks.clone();
        this.type = type;
    }

    /** Refuses a chunk of another type than the array's (its bytes would be stored as they are, and misread). */
    protected void checkType(Block data) {
        if (data.type() != type) {
            throw new IllegalArgumentException("a " + data.type().label() + " chunk cannot be written to a " + type.label() + " array");
        }
    }

    /** Writes the chunk at grid position {@code g}; {@code data} holds its voxels within the array ({@link Grid#box}). */
    public abstract void writeChunk(int[] g, Block data);

    /** The array's grid of chunks. */
    public Grid grid() {
        return new Grid(shape, chunks);
    }

    /**
     * Writes the chunks that {@code data} covers, placed at {@code start} in the array: a box of whole chunks (those at
     * the array's far edges cut to it), as a block of a distributed job owns them.
     */
    public void writeBox(int[] start, Block data) {
        int rank = shape.length;
        int[] size = data.shape();
        int[] lo = new int[rank];
        int[] hi = new int[rank];
        for (int a = 0; a < rank; a++) {
            boolean whole = start[a] % chunks[a] == 0 && ((start[a] + size[a]) % chunks[a] == 0 || start[a] + size[a] == shape[a]);
            if (size.length != rank || !whole) {
                throw new IllegalArgumentException("the box " + Arrays.toString(size) + " at " + Arrays.toString(start)
                        + " is not whole chunks " + Arrays.toString(chunks) + " of " + Arrays.toString(shape));
            }
            lo[a] = start[a] / chunks[a];
            hi[a] = (start[a] + size[a] - 1) / chunks[a];
        }
        Grid grid = grid();
        int[] g = lo.clone();
        while (true) {
            int[][] box = grid.box(g);
            int[] from = new int[rank];
            for (int a = 0; a < rank; a++) {
                from[a] = box[0][a] - start[a];
            }
            Block part = Block.zeros(data.type(), box[1]);
            part.copyFrom(data, from, new int[rank], box[1]);
            writeChunk(g.clone(), part);
            int a = rank - 1;
            while (a >= 0 && ++g[a] > hi[a]) {
                g[a] = lo[a];
                a--;
            }
            if (a < 0) {
                return;
            }
        }
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
