package org.synapseworkbench.volume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.synapseworkbench.work.UserException;

/**
 * A volume stored as a grid of chunks of one shape, each decoded whole (edge chunks too), read through a chunk cache:
 * a box or a sampled plane is copied from the chunks it touches, decoded in parallel when there are many. A format
 * (HDF5, Zarr, N5) gives its chunks ({@link #loadChunk}) and says what went wrong in its terms ({@link #translate}).
 */
public abstract class ChunkedVolume implements Volume, AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();
    /** Reads larger than this do not go through the cache. */
    static final long BYPASS_BYTES = 64L << 20;
    /** This volume's chunks in the cache. */
    protected final long id = IDS.incrementAndGet();
    protected final DataType type;
    protected final int[] shape;
    protected final int[] chunk;
    /** Chunks along each axis. */
    protected final int[] grid;
    protected final ChunkCache cache;
    /** Voxel size (z, y, x) in nm, whether the data stores it, and the offset in nm: see {@link #placeVoxels}. */
    private double[] resolution = Hdf5Volume.DEFAULT_RESOLUTION.clone();
    private boolean resolutionStored;
    private double[] offset = new double[3];

    protected ChunkedVolume(DataType type, int[] shape, int[] chunk, ChunkCache cache) {
        this.type = type;
        this.shape = shape.clone();
        this.chunk = chunk.clone();
        this.cache = cache;
        this.grid = new int[shape.length];
        for (int a = 0; a < shape.length; a++) {
            grid[a] = Math.max(1, (shape[a] + chunk[a] - 1) / chunk[a]);
        }
    }

    /**
     * Sets the voxel size (z, y, x) in nm as the data stores it (null: none stored, CREMI's 40 x 4 x 4 is assumed) and
     * the offset in nm (null: 0); formats call it once, while they are made.
     */
    protected final void placeVoxels(double[] storedResolution, double[] storedOffset) {
        resolutionStored = storedResolution != null && storedResolution.length == 3;
        resolution = resolutionStored ? storedResolution.clone() : Hdf5Volume.DEFAULT_RESOLUTION.clone();
        offset = storedOffset != null && storedOffset.length == 3 ? storedOffset.clone() : new double[3];
    }

    @Override
    public double[] resolution() {
        return resolution.clone();
    }

    @Override
    public boolean resolutionStored() {
        return resolutionStored;
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    /**
     * The dataset's attribute {@code name} when it is a string, else null: e.g. {@code channels}, which infer and
     * predict-blocks write on a probability map to say what its channels hold.
     */
    public String textAttribute(String name) {
        return null;
    }

    /** The HDF5 file, or the Zarr or N5 store's folder. */
    public abstract java.nio.file.Path file();

    /** The dataset's path inside the file or store, without a leading slash ("" for a store that is one array). */
    public abstract String datasetPath();

    /** How the data is stored, for people: e.g. "chunks [1, 128, 128], gzip (level 4)". */
    public abstract String storage();

    /** Bytes the dataset takes on disk. */
    public abstract long storedBytes();

    /** Decodes the chunk at grid position {@code g}, whole ({@link #chunkShape()}), edge chunks padded. */
    protected abstract Block loadChunk(int[] g);

    /** A failure while reading, as one sentence naming the volume and the way out (formats may say more). */
    protected RuntimeException translate(Throwable e) {
        if (e instanceof UserException u) {
            return u;
        }
        if (e instanceof OutOfMemoryError) {
            return new UserException("Reading " + name() + " needs more memory than Java may use; read a smaller box or "
                    + "give Java more memory (-Xmx).");
        }
        return new UserException("Reading " + name() + " failed (" + e + "); check the store.", e);
    }

    /** The bytes of the files below {@code folder} that {@code counted} accepts (a store's chunks). */
    protected static long bytesIn(java.nio.file.Path folder, java.util.function.Predicate<java.nio.file.Path> counted) {
        try (var files = java.nio.file.Files.walk(folder)) {
            return files.filter(java.nio.file.Files::isRegularFile).filter(counted).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new UserException("The folder '" + folder + "' cannot be listed (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public int[] chunkShape() {
        return chunk.clone();
    }

    /** The chunk at grid position {@code g}, from the cache. */
    protected Block chunkAt(int[] g) {
        return cache.get(id, linear(g), () -> loadChunk(g));
    }

    @Override
    public Block read(int[] start, int[] size) {
        return read(start, size, null);
    }

    /** Fills {@code reuse} when it fits: the chunks cover the box, so every element is written. */
    @Override
    public Block read(int[] start, int[] size, Block reuse) {
        Volume.checkBox(this, start, size);
        Block out = Block.reusing(reuse, type, size);
        if (out.size() == 0) {
            return out;
        }
        int r = shape.length;
        int[] lo = new int[r];
        int[] count = new int[r];
        for (int a = 0; a < r; a++) {
            lo[a] = start[a] / chunk[a];
            count[a] = (start[a] + size[a] - 1) / chunk[a] - lo[a] + 1;
        }
        List<int[]> chunks = new ArrayList<>();
        forEachIndex(count, c -> {
            int[] g = new int[r];
            for (int a = 0; a < r; a++) {
                g[a] = lo[a] + c[a];
            }
            chunks.add(g);
        });
        long outBytes = (long) out.size() * type.bytes();
        // a large read (a whole volume, say) decodes its chunks past the cache: kept, they would flush it, and the garbage
        // collector would copy them all while they live (a 195 MB read took 4 times as long through the cache)
        boolean bypass = outBytes > Math.min(cache.maxBytes() / 2, BYPASS_BYTES);
        IntStream indices = IntStream.range(0, chunks.size());
        if (chunks.size() > 1 && outBytes > (1 << 20)) {
            indices = indices.parallel();
        }
        try {
            indices.forEach(i -> copyChunk(chunks.get(i), out, start, size, bypass));
        } catch (RuntimeException | OutOfMemoryError e) {
            throw translate(e);
        }
        return out;
    }

    /** Copies the sampled voxels straight from the cached chunks they lie in (decoded in parallel when many). */
    @Override
    public Block readSampled(int axis, int index, int[] rows, int[] cols, Block reuse) {
        int r = shape.length;
        int o = r - 3;
        int planeAxis = o + axis;
        int rowAxis = o + (axis == 0 ? 1 : 0);
        int colAxis = o + (axis == 2 ? 1 : 2);
        if (index < 0 || index >= shape[planeAxis] || rows[0] < 0 || rows[rows.length - 1] >= shape[rowAxis] || cols[0] < 0
                || cols[cols.length - 1] >= shape[colAxis]) {
            throw new IllegalArgumentException("plane " + index + " rows " + rows[0] + ".." + rows[rows.length - 1] + " columns "
                    + cols[0] + ".." + cols[cols.length - 1] + " lie outside " + name() + " of shape " + Arrays.toString(shape));
        }
        Block out = Block.reusing(reuse, type, rows.length, cols.length);
        int[] rowRuns = runs(rows, chunk[rowAxis]);
        int[] colRuns = runs(cols, chunk[colAxis]);
        int[] stride = new int[r];
        stride[r - 1] = 1;
        for (int a = r - 2; a >= 0; a--) {
            stride[a] = stride[a + 1] * chunk[a + 1];
        }
        int[] within = new int[cols.length];
        for (int j = 0; j < cols.length; j++) {
            within[j] = cols[j] % chunk[colAxis];
        }
        int pieces = (rowRuns.length - 1) * (colRuns.length - 1);
        IntStream tasks = IntStream.range(0, pieces);
        // a row of chunks of a frame is read on the calling thread alone, which on two cores leaves one to the JavaFX
        // thread (the viewer's first frame of a new file came 30-40 % sooner); whole frames of labels use every core
        if (pieces > 1 && (long) rows.length * cols.length > (1 << 18)) {
            tasks = tasks.parallel();
        }
        try {
            tasks.forEach(t -> {
                int ri = t / (colRuns.length - 1);
                int ci = t % (colRuns.length - 1);
                int[] g = new int[r];
                g[planeAxis] = index / chunk[planeAxis];
                g[rowAxis] = rows[rowRuns[ri]] / chunk[rowAxis];
                g[colAxis] = cols[colRuns[ci]] / chunk[colAxis];
                Block c = chunkAt(g);
                int base = index % chunk[planeAxis] * stride[planeAxis];
                int[] at = Arrays.copyOfRange(within, colRuns[ci], colRuns[ci + 1]);
                for (int i = rowRuns[ri]; i < rowRuns[ri + 1]; i++) {
                    out.gather(c, base + rows[i] % chunk[rowAxis] * stride[rowAxis], at, stride[colAxis],
                            i * cols.length + colRuns[ci]);
                }
            });
        } catch (RuntimeException | OutOfMemoryError e) {
            throw translate(e);
        }
        return out;
    }

    /** Where ascending positions enter another chunk of {@code size}: 0, the starts of each run, and the length. */
    static int[] runs(int[] positions, int size) {
        int[] starts = new int[positions.length + 1];
        int n = 0;
        for (int i = 0; i < positions.length; i++) {
            if (i == 0 || positions[i] / size != positions[i - 1] / size) {
                starts[n++] = i;
            }
        }
        starts[n++] = positions.length;
        return Arrays.copyOf(starts, n);
    }

    private void copyChunk(int[] g, Block out, int[] start, int[] size, boolean bypass) {
        Block c = bypass ? loadChunk(g) : chunkAt(g);
        int r = shape.length;
        int[] srcStart = new int[r];
        int[] dstStart = new int[r];
        int[] len = new int[r];
        for (int a = 0; a < r; a++) {
            int c0 = g[a] * chunk[a];
            int from = Math.max(c0, start[a]);
            int to = Math.min(c0 + chunk[a], start[a] + size[a]);
            srcStart[a] = from - c0;
            dstStart[a] = from - start[a];
            len[a] = to - from;
        }
        out.copyFrom(c, srcStart, dstStart, len);
    }

    private long linear(int[] g) {
        long idx = 0;
        for (int a = 0; a < g.length; a++) {
            idx = idx * grid[a] + g[a];
        }
        return idx;
    }

    /** Calls {@code body} for every index of a box of the given counts, last axis fastest. */
    static void forEachIndex(int[] count, java.util.function.Consumer<int[]> body) {
        int r = count.length;
        for (int c : count) {
            if (c <= 0) {
                return;
            }
        }
        int[] idx = new int[r];
        while (true) {
            body.accept(idx.clone());
            int a = r - 1;
            while (a >= 0 && ++idx[a] == count[a]) {
                idx[a] = 0;
                a--;
            }
            if (a < 0) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return name() + " " + type.label() + Arrays.toString(shape);
    }

    /** Drops this volume's chunks from the cache. */
    @Override
    public void close() {
        cache.invalidate(id);
    }
}
