package org.synapseworkbench.volume.n5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import com.google.gson.JsonElement;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.StoreArray;
import org.synapseworkbench.volume.codec.CodecException;
import org.synapseworkbench.work.UserException;

/**
 * An N5 dataset read lazily, a block file at a time through the chunk cache ({@link ChunkedVolume}): each block is a
 * big-endian header (mode, number of dimensions, the block's own size, x first; in mode 1 also its element count)
 * and the compressed big-endian elements, x fastest. Edge blocks may be stored cut to the volume (as N5's Java library
 * writes them) or whole (as zarr-python's N5Store does); missing blocks read as 0.
 */
public final class N5Volume extends StoreArray {
    private final N5Metadata meta;

    private N5Volume(Path store, String dataset, N5Metadata meta, ChunkCache cache) {
        super(store, dataset, meta.type(), meta.shape(), meta.blockSize(), cache);
        if (meta.shape().length != 3 && meta.shape().length != 4) {
            throw new UserException("N5 dataset '" + store.resolve(dataset) + "' has " + meta.shape().length
                    + " dimensions " + Arrays.toString(meta.shape()) + " (z, y, x order); a volume needs 3 (z, y, x) or 4 "
                    + "(channel, z, y, x).");
        }
        this.meta = meta;
        placeVoxels(meta.resolution(), meta.offset());
    }

    /** Opens dataset {@code dataset} ("" for the store itself) of the N5 store in folder {@code store}. */
    public static N5Volume open(Path store, String dataset, ChunkCache cache) {
        Path folder = folderOf(store, dataset);
        if (!Files.isDirectory(folder)) {
            throw new UserException("'" + folder + "' does not exist or is not a folder; name an N5 dataset's folder.");
        }
        return new N5Volume(store, dataset, N5Metadata.read(folder), cache);
    }

    @Override
    public String textAttribute(String name) {
        JsonElement e = N5Metadata.attributes(folder).get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    @Override
    public String storage() {
        return "N5, blocks " + Arrays.toString(chunk) + " (z, y, x), " + meta.codec().describe();
    }

    @Override
    public long storedBytes() {
        return bytesIn(folder, f -> !f.getFileName().toString().equals("attributes.json"));
    }

    /** The block file of grid position {@code g} (z, y, x): the indices x first, as folders. */
    static Path blockPath(Path folder, int[] g) {
        Path p = folder;
        for (int a = g.length - 1; a >= 0; a--) {
            p = p.resolve(Integer.toString(g[a]));
        }
        return p;
    }

    @Override
    protected Block loadChunk(int[] g) {
        Path file = blockPath(folder, g);
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Block.zeros(type, chunk);
        } catch (IOException e) {
            throw new UserException("Block '" + file + "' cannot be read (" + e.getMessage() + "); check the disk and the store.", e);
        }
        try {
            return decodeBlock(stored);
        } catch (CodecException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new UserException("Block '" + file + "' of " + name() + " cannot be decoded (" + e.getMessage() + "); "
                    + "write the dataset again, or delete the block to read it as 0.", e);
        }
    }

    private Block decodeBlock(byte[] stored) {
        ByteBuffer h = ByteBuffer.wrap(stored).order(ByteOrder.BIG_ENDIAN);
        int mode = h.getShort() & 0xFFFF;
        int ndim = h.getShort() & 0xFFFF;
        if (mode > 1) {
            throw new CodecException("its header has mode " + mode + " (an object block), not a block of numbers");
        }
        if (ndim != chunk.length) {
            throw new CodecException("its header has " + ndim + " dimensions where the dataset has " + chunk.length);
        }
        int[] size = new int[ndim];
        for (int a = ndim - 1; a >= 0; a--) {
            size[a] = h.getInt();
            if (size[a] < 0 || size[a] > chunk[a]) {
                throw new CodecException("its header gives a block of " + Arrays.toString(N5Metadata.reversed(size))
                        + ", larger than the dataset's blocks");
            }
        }
        long elements = Block.elementCount(size);
        if (mode == 1) {
            elements = h.getInt() & 0xFFFFFFFFL;
        }
        byte[] compressed = Arrays.copyOfRange(stored, h.position(), stored.length);
        byte[] raw = meta.codec().decode(compressed, (int) (elements * type.bytes()));
        Block b = Block.decode(type, ByteOrder.BIG_ENDIAN, raw, size);
        if (Arrays.equals(size, chunk)) {
            return b;
        }
        Block whole = Block.zeros(type, chunk);
        whole.copyFrom(b, new int[ndim], new int[ndim], size);
        return whole;
    }
}
