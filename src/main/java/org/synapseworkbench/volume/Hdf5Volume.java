package org.synapseworkbench.volume;

import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

import org.synapseworkbench.work.UserException;

/**
 * A dataset of an HDF5 file read lazily: a box is assembled from the chunks it touches, each decoded from
 * jhdf's raw decompressed bytes (so uint8 stays a byte and uint64 a long) and kept in a {@link ChunkCache}.
 * Contiguous datasets are read section by section from the file. Large reads decode chunks in parallel and
 * bypass the cache so that they do not flush it.
 * <p>
 * Longer than 400 lines on purpose: the chunk index, the decoding of each layout and type from jhdf's raw bytes, and
 * the cached and parallel read paths depend on the same private layout facts of one dataset.
 */
public final class Hdf5Volume implements Volume, AutoCloseable {
    /** CREMI's voxel size (z, y, x) in nm, used when a file stores none. */
    public static final double[] DEFAULT_RESOLUTION = {40, 4, 4};
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final Path file;
    private final String path;
    private final HdfFile hdf;
    private final Dataset dataset;
    private final DataType type;
    private final ByteOrder order;
    private final int[] shape;
    private final int[] chunk;
    private final int[] grid;
    private final ChunkCache cache;
    /** Our own decoder for gzip chunks (faster than jhdf's), or null to let jhdf decode them. */
    private final DeflateChunks deflate;
    private final RepeatedChunks repeats = new RepeatedChunks();
    private final double[] resolution;
    private final boolean resolutionStored;
    private final double[] offset;
    private final Number fill;
    private final FileChannel contiguous;
    private final long contiguousAddress;

    private Hdf5Volume(Path file, HdfFile hdf, String path, ChunkCache cache) {
        this.file = file;
        this.hdf = hdf;
        this.path = path;
        this.cache = cache;
        this.dataset = hdf.getDatasetByPath(path);
        io.jhdf.object.datatype.DataType dt = dataset.getDataType();
        if (dt instanceof FixedPoint fp && !dataset.isCompound()) {
            this.type = DataType.integer(fp.getSize(), fp.isSigned());
            this.order = fp.getByteOrder();
        } else if (dt instanceof FloatingPoint fl && (fl.getSize() == 4 || fl.getSize() == 8)) {
            this.type = fl.getSize() == 4 ? DataType.FLOAT32 : DataType.FLOAT64;
            this.order = fl.getByteOrder();
        } else {
            throw new UserException("Dataset '" + path + "' in '" + file + "' holds " + dt.getClass().getSimpleName()
                    + " values of " + dt.getSize() + " bytes; Synapse Workbench reads integer and float volumes only, "
                    + "so convert it (e.g. to uint8 or uint64) first.");
        }
        this.shape = dataset.getDimensions();
        if (shape.length != 3 && shape.length != 4) {
            throw new UserException("Dataset '" + path + "' in '" + file + "' has " + shape.length + " dimensions "
                    + Arrays.toString(shape) + "; a volume needs 3 (z, y, x) or 4 (channel, z, y, x).");
        }
        if (dataset instanceof ChunkedDataset cd) {
            this.chunk = cd.getChunkDimensions();
            this.deflate = DeflateChunks.forPipeline(cd.getFilters());
            this.contiguous = null;
            this.contiguousAddress = -1;
        } else if (dataset instanceof ContiguousDataset cd) {
            this.chunk = shape.clone();
            for (int a = 0; a < shape.length - 2; a++) {
                chunk[a] = 1;
            }
            try {
                this.contiguous = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UserException("File '" + file + "' cannot be read (" + e.getMessage() + "); check it is still there.", e);
            }
            this.contiguousAddress = cd.isEmpty() ? -1 : cd.getDataAddress();
            this.deflate = null;
        } else {
            this.chunk = shape.clone();
            this.contiguous = null;
            this.contiguousAddress = -1;
            this.deflate = null;
        }
        this.grid = new int[shape.length];
        for (int a = 0; a < shape.length; a++) {
            grid[a] = Math.max(1, (shape[a] + chunk[a] - 1) / chunk[a]);
        }
        double[] res = doubles(dataset.getAttribute("resolution"));
        this.resolutionStored = res != null && res.length == 3;
        this.resolution = resolutionStored ? res : DEFAULT_RESOLUTION.clone();
        double[] off = doubles(dataset.getAttribute("offset"));
        this.offset = off != null && off.length == 3 ? off : new double[3];
        Object fv = dataset.getFillValue();
        this.fill = fv instanceof Number n ? n : 0;
    }

    /** Opens a dataset of a file; see {@link Hdf5Files#chooseDataset} for how a missing name is resolved. */
    public static Hdf5Volume open(Path file, String dataset, String... preferred) {
        return open(file, dataset, ChunkCache.shared(), preferred);
    }

    public static Hdf5Volume open(Path file, String dataset, ChunkCache cache, String... preferred) {
        HdfFile hdf = Hdf5Files.open(file);
        try {
            String chosen = Hdf5Files.chooseDataset(file, hdf, dataset, preferred);
            return new Hdf5Volume(file, hdf, chosen, cache);
        } catch (RuntimeException e) {
            hdf.close();
            throw Hdf5Files.translate(file, e);
        }
    }

    /** Opens {@code FILE} or {@code FILE:DATASET}. */
    public static Hdf5Volume open(String spec, String... preferred) {
        Hdf5Files.Spec s = Hdf5Files.Spec.parse(spec);
        return open(s.file(), s.dataset(), preferred);
    }

    private static double[] doubles(Attribute attr) {
        if (attr == null) {
            return null;
        }
        Object data = attr.getData();
        if (data == null || !data.getClass().isArray()) {
            return data instanceof Number n ? new double[] {n.doubleValue()} : null;
        }
        int n = Array.getLength(data);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Object v = Array.get(data, i);
            if (!(v instanceof Number num)) {
                return null;
            }
            out[i] = num.doubleValue();
        }
        return out;
    }

    public Path file() {
        return file;
    }

    /** The dataset's path inside the file, without a leading slash. */
    public String datasetPath() {
        return path;
    }

    @Override
    public String name() {
        return file.getFileName() + ":" + path;
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

    /** The storage filters in order, e.g. {@code shuffle} and {@code deflate 4}. */
    public List<String> filters() {
        try {
            List<String> out = new ArrayList<>();
            for (io.jhdf.filter.PipelineFilterWithData f : dataset.getFilters()) {
                int[] data = f.getFilterData();
                out.add(f.getName() + (f.getName().contains("deflate") && data.length > 0 ? " " + data[0] : ""));
            }
            return out;
        } catch (RuntimeException e) {
            throw Hdf5Files.translate(file, e);
        }
    }

    /** Bytes the dataset takes in the file (reads its chunk index). */
    public long storedBytes() {
        try {
            return dataset.getStorageInBytes();
        } catch (RuntimeException e) {
            throw Hdf5Files.translate(file, e);
        }
    }

    /** True when the data is stored in chunks (and may be compressed). */
    public boolean isChunked() {
        return dataset instanceof ChunkedDataset;
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
        boolean bypass = outBytes > cache.maxBytes() / 2;
        IntStream indices = IntStream.range(0, chunks.size());
        if (chunks.size() > 1 && outBytes > (1 << 20)) {
            indices = indices.parallel();
        }
        try {
            indices.forEach(i -> copyChunk(chunks.get(i), out, start, size, bypass));
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Hdf5Files.translate(file, e);
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
                Block c = cache.get(id, linear(g), () -> loadChunk(g));
                int base = index % chunk[planeAxis] * stride[planeAxis];
                int[] at = Arrays.copyOfRange(within, colRuns[ci], colRuns[ci + 1]);
                for (int i = rowRuns[ri]; i < rowRuns[ri + 1]; i++) {
                    out.gather(c, base + rows[i] % chunk[rowAxis] * stride[rowAxis], at, stride[colAxis],
                            i * cols.length + colRuns[ci]);
                }
            });
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Hdf5Files.translate(file, e);
        }
        return out;
    }

    /** Where ascending positions enter another chunk of {@code size}: 0, the starts of each run, and the length. */
    private static int[] runs(int[] positions, int size) {
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
        Block c = bypass ? loadChunk(g) : cache.get(id, linear(g), () -> loadChunk(g));
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

    /** Decodes one chunk (full chunk size, as HDF5 stores edge chunks whole). */
    private Block loadChunk(int[] g) {
        int[] elementOffset = new int[g.length];
        for (int a = 0; a < g.length; a++) {
            elementOffset[a] = g[a] * chunk[a];
        }
        if (dataset instanceof ChunkedDataset cd) {
            byte[] raw = null;
            try {
                if (deflate != null) {
                    ByteBuffer stored = cd.getRawChunkBuffer(elementOffset);
                    long bytes = Block.elementCount(chunk) * type.bytes();
                    Block again = repeats.find(stored, bytes);
                    if (again != null) {
                        return again;
                    }
                    raw = deflate.decode(stored.duplicate(), (int) bytes);
                    if (raw != null) {
                        Block b = Block.decode(type, order, raw, chunk);
                        repeats.remember(stored, b, bytes);
                        return b;
                    }
                }
                if (raw == null) {
                    raw = cd.getDecompressedChunk(elementOffset);
                }
            } catch (io.jhdf.exceptions.HdfException e) {
                if (String.valueOf(e.getMessage()).startsWith("No chunk with offset")) {
                    return filled();
                }
                throw e;
            }
            return Block.decode(type, order, raw, chunk);
        }
        if (contiguous != null) {
            if (contiguousAddress < 0) {
                return filled();
            }
            int n = (int) Block.elementCount(chunk);
            long index = 0;
            for (int a = 0; a < shape.length; a++) {
                index = index * shape[a] + elementOffset[a];
            }
            ByteBuffer buf = ByteBuffer.allocate(n * type.bytes());
            long pos = contiguousAddress + index * type.bytes();
            try {
                while (buf.hasRemaining()) {
                    int got = contiguous.read(buf, pos + buf.position());
                    if (got < 0) {
                        throw new UserException("'" + file + "' is truncated: dataset '" + path + "' ends before its last "
                                + "section; copy or write the file again.");
                    }
                }
            } catch (IOException e) {
                throw new UserException("Reading '" + file + "' failed (" + e.getMessage() + "); check the disk and the file.", e);
            }
            return Block.decode(type, order, buf.array(), chunk);
        }
        return compactData();
    }

    private Block filled() {
        Block b = Block.zeros(type, chunk);
        double f = fill.doubleValue();
        if (f != 0) {
            if (type.isFloating()) {
                for (int i = 0; i < b.size(); i++) {
                    b.setDouble(i, f);
                }
            } else {
                b.fill(fill instanceof BigInteger bi ? bi.longValue() : fill.longValue());
            }
        }
        return b;
    }

    /** A compact dataset is tiny and stored in the header: read it through jhdf's widening reader. */
    private Block compactData() {
        Object flat = dataset.getDataFlat();
        Block b = Block.zeros(type, chunk);
        for (int i = 0; i < b.size(); i++) {
            Object v = Array.get(flat, i);
            if (type.isFloating()) {
                b.setDouble(i, ((Number) v).doubleValue());
            } else {
                b.setLong(i, v instanceof BigInteger bi ? bi.longValue() : ((Number) v).longValue());
            }
        }
        return b;
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
    public void close() {
        cache.invalidate(id);
        try {
            if (contiguous != null) {
                contiguous.close();
            }
        } catch (IOException ignored) {
            // closing a read-only channel cannot lose data
        }
        hdf.close();
    }

    @Override
    public String toString() {
        return name() + " " + type.label() + Arrays.toString(shape);
    }
}
