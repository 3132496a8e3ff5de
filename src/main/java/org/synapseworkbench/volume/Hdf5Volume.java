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

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

import org.synapseworkbench.work.UserException;

/**
 * A dataset of an HDF5 file read lazily ({@link ChunkedVolume}): each chunk is decoded from jhdf's raw decompressed
 * bytes (so uint8 stays a byte and uint64 a long), gzip chunks by our own faster decoder; contiguous datasets are read
 * section by section from the file, compact ones whole.
 */
public final class Hdf5Volume extends ChunkedVolume {
    /** CREMI's voxel size (z, y, x) in nm, used when a file stores none. */
    public static final double[] DEFAULT_RESOLUTION = {40, 4, 4};
    private final Path file;
    private final String path;
    private final HdfFile hdf;
    private final Dataset dataset;
    private final ByteOrder order;
    /** Our own decoder for gzip chunks (faster than jhdf's), or null to let jhdf decode them. */
    private final DeflateChunks deflate;
    private final RepeatedChunks repeats = new RepeatedChunks();
    private final Number fill;
    private final FileChannel contiguous;
    private final long contiguousAddress;

    private Hdf5Volume(Path file, HdfFile hdf, String path, ChunkCache cache) {
        this(file, hdf, path, cache, hdf.getDatasetByPath(path));
    }

    private Hdf5Volume(Path file, HdfFile hdf, String path, ChunkCache cache, Dataset dataset) {
        super(typeOf(file, path, dataset), dimensionsOf(file, path, dataset), chunkOf(dataset), cache);
        this.file = file;
        this.hdf = hdf;
        this.path = path;
        this.dataset = dataset;
        this.order = ((io.jhdf.object.datatype.OrderedDataType) dataset.getDataType()).getByteOrder();
        if (dataset instanceof ChunkedDataset cd) {
            this.deflate = DeflateChunks.forPipeline(cd.getFilters());
            this.contiguous = null;
            this.contiguousAddress = -1;
        } else if (dataset instanceof ContiguousDataset cd) {
            try {
                this.contiguous = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UserException("File '" + file + "' cannot be read (" + e.getMessage() + "); check it is still there.", e);
            }
            this.contiguousAddress = cd.isEmpty() ? -1 : cd.getDataAddress();
            this.deflate = null;
        } else {
            this.contiguous = null;
            this.contiguousAddress = -1;
            this.deflate = null;
        }
        placeVoxels(doubles(dataset.getAttribute("resolution")), doubles(dataset.getAttribute("offset")));
        Object fv = dataset.getFillValue();
        this.fill = fv instanceof Number n ? n : 0;
    }

    private static DataType typeOf(Path file, String path, Dataset dataset) {
        io.jhdf.object.datatype.DataType dt = dataset.getDataType();
        if (dt instanceof FixedPoint fp && !dataset.isCompound()) {
            return DataType.integer(fp.getSize(), fp.isSigned());
        } else if (dt instanceof FloatingPoint fl && (fl.getSize() == 4 || fl.getSize() == 8)) {
            return fl.getSize() == 4 ? DataType.FLOAT32 : DataType.FLOAT64;
        }
        throw new UserException("Dataset '" + path + "' in '" + file + "' holds " + dt.getClass().getSimpleName()
                + " values of " + dt.getSize() + " bytes; Synapse Workbench reads integer and float volumes only, "
                + "so convert it (e.g. to uint8 or uint64) first.");
    }

    private static int[] dimensionsOf(Path file, String path, Dataset dataset) {
        int[] shape = dataset.getDimensions();
        if (shape.length != 3 && shape.length != 4) {
            throw new UserException("Dataset '" + path + "' in '" + file + "' has " + shape.length + " dimensions "
                    + Arrays.toString(shape) + "; a volume needs 3 (z, y, x) or 4 (channel, z, y, x).");
        }
        return shape;
    }

    /** Chunked data in its chunks; contiguous data in sections (rows of the last two axes); compact data whole. */
    private static int[] chunkOf(Dataset dataset) {
        int[] shape = dataset.getDimensions();
        if (dataset instanceof ChunkedDataset cd) {
            return cd.getChunkDimensions();
        }
        int[] chunk = shape.clone();
        if (dataset instanceof ContiguousDataset) {
            for (int a = 0; a < shape.length - 2; a++) {
                chunk[a] = 1;
            }
        }
        return chunk;
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
        VolumeSpec s = VolumeSpec.parse(spec);
        return open(s.file(), s.dataset(), preferred);
    }

    @Override
    public String textAttribute(String name) {
        Attribute a = dataset.getAttribute(name);
        return a != null && a.getData() instanceof String text ? text : null;
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

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String datasetPath() {
        return path;
    }

    @Override
    public String name() {
        return file.getFileName() + ":" + path;
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

    @Override
    public String storage() {
        List<String> f = filters();
        return (isChunked() ? "chunks " + Arrays.toString(chunk) : "contiguous") + (f.isEmpty() ? "" : ", " + String.join(" + ", f));
    }

    /** Bytes the dataset takes in the file (reads its chunk index). */
    @Override
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
    protected RuntimeException translate(Throwable e) {
        return Hdf5Files.translate(file, e);
    }

    /** Decodes one chunk (full chunk size, as HDF5 stores edge chunks whole). */
    @Override
    protected Block loadChunk(int[] g) {
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

    @Override
    public void close() {
        super.close();
        try {
            if (contiguous != null) {
                contiguous.close();
            }
        } catch (IOException ignored) {
            // closing a read-only channel cannot lose data
        }
        hdf.close();
    }
}
