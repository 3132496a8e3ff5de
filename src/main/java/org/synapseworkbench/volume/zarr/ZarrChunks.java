package org.synapseworkbench.volume.zarr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

/**
 * Where the chunks of a Zarr array lie in its folder and how they decode, as its metadata says: Zarr v2
 * ({@code .zarray}) or v3 ({@code zarr.json}). The chunks here are what is read and cached at once: for a sharded v3
 * array, the inner chunks of its shards.
 */
abstract class ZarrChunks {
    final int[] shape;
    final int[] chunk;
    final DataType type;
    /** A Long for integer types, a Double for floats. */
    final Number fill;

    ZarrChunks(int[] shape, int[] chunk, DataType type, Number fill) {
        this.shape = shape.clone();
        this.chunk = chunk.clone();
        this.type = type;
        this.fill = fill;
    }

    /** The chunks of the array in {@code folder}: v3 when it has a {@code zarr.json}, else v2. */
    static ZarrChunks of(Path folder) {
        return Files.exists(folder.resolve("zarr.json")) ? new ZarrV3Chunks(ZarrV3Metadata.read(folder))
                : new ZarrV2Chunks(ZarrV2Metadata.read(folder));
    }

    /**
     * The chunk at grid position {@code g}, whole, or null when it is not stored (then it is the fill value).
     *
     * @throws org.synapseworkbench.volume.codec.CodecException when its bytes are damaged
     */
    abstract Block load(Path folder, int[] g) throws IOException;

    /** The file holding the chunk at {@code g} (its shard, when sharded). */
    abstract Path file(Path folder, int[] g);

    /** The format, chunking and codecs, for people. */
    abstract String describe();

    /** A chunk of the fill value. */
    Block filled() {
        Block b = Block.zeros(type, chunk);
        if (type.isFloating() && fill.doubleValue() != 0 || Double.isNaN(fill.doubleValue())) {
            for (int i = 0; i < b.size(); i++) {
                b.setDouble(i, fill.doubleValue());
            }
        } else if (!type.isFloating() && fill.longValue() != 0) {
            b.fill(fill.longValue());
        }
        return b;
    }

    /** The bytes of a stored file, or null when there is none. */
    static byte[] readIfThere(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }
}
