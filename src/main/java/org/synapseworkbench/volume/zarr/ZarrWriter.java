package org.synapseworkbench.volume.zarr;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkWriter;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.codec.Codec;
import org.synapseworkbench.work.AtomicFiles;
import org.synapseworkbench.work.UserException;

/**
 * Writes a Zarr v2 array chunk by chunk, never the whole volume in memory: {@code .zarray} (and {@code .zattrs} with
 * the resolution) first, {@code .zgroup} in the folders above it up to the store, then each chunk to a temporary file
 * renamed into place, so a reader never sees half a chunk and a chunk written twice is whole either way.
 */
public final class ZarrWriter extends ChunkWriter {
    private final Path array;
    private final ZarrV2Metadata meta;
    private final Codec codec;

    private ZarrWriter(Path array, ZarrV2Metadata meta) {
        super(meta.shape(), meta.chunks());
        this.array = array;
        this.meta = meta;
        this.codec = meta.codec();
    }

    /**
     * Creates (or replaces the metadata of) an array of little-endian, C-ordered chunks with '/' in chunk keys.
     *
     * @param compressor numcodecs' configuration (see {@link Numcodecs#config}), or null for none
     * @param resolution voxel size (z, y, x) in nm for {@code .zattrs}, or null
     */
    public static ZarrWriter create(Path array, int[] shape, int[] chunks, DataType type, JsonObject compressor,
            double[] resolution) {
        ZarrV2Metadata meta = new ZarrV2Metadata(shape.clone(), chunks.clone(), type, ByteOrder.LITTLE_ENDIAN, false,
                type.isFloating() ? (Number) 0.0 : (Number) 0L, compressor, "/");
        try {
            Files.createDirectories(array);
            AtomicFiles.removeStale(array);
            groups(array);
            AtomicFiles.writeString(array.resolve(".zarray"), meta.toJson());
            if (resolution != null) {
                JsonObject attrs = new JsonObject();
                JsonArray r = new JsonArray();
                Arrays.stream(resolution).forEach(r::add);
                attrs.add("resolution", r);
                AtomicFiles.writeString(array.resolve(".zattrs"), attrs + "\n");
            }
        } catch (IOException e) {
            throw new UserException("Cannot write the Zarr array '" + array + "' (" + e.getMessage() + "); check that the "
                    + "folder is writable and the disk has room.", e);
        }
        return new ZarrWriter(array, meta);
    }

    /** {@code .zgroup} in every folder above the array, up to and including the store (the folder ending in .zarr). */
    private static void groups(Path array) throws IOException {
        Path abs = array.toAbsolutePath().normalize();
        boolean inStore = false;
        for (Path p = abs; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().endsWith(".zarr")) {
                inStore = true;
            }
        }
        for (Path p = abs.getParent(); inStore && p != null; p = p.getParent()) {
            if (!Files.exists(p.resolve(".zgroup")) && !Files.exists(p.resolve(".zarray"))) {
                AtomicFiles.writeString(p.resolve(".zgroup"), "{\n    \"zarr_format\": 2\n}\n");
            }
            if (p.getFileName() != null && p.getFileName().toString().endsWith(".zarr")) {
                break;
            }
        }
    }

    /**
     * Writes the chunk at grid position {@code g}; {@code data} holds its voxels within the array (an edge chunk's
     * part), padded here with zeros to the whole chunk as Zarr stores it.
     */
    @Override
    public void writeChunk(int[] g, Block data) {
        Block whole = data;
        if (!Arrays.equals(data.shape(), chunks)) {
            whole = Block.zeros(meta.type(), chunks);
            whole.copyFrom(data, new int[chunks.length], new int[chunks.length], data.shape());
        }
        Path file = array.resolve(meta.chunkKey(g));
        try {
            AtomicFiles.writeBytes(file, codec.encode(whole.encode(meta.order())), false);
        } catch (IOException e) {
            throw new UserException("Cannot write chunk '" + file + "' (" + e.getMessage() + "); check that the disk has "
                    + "room.", e);
        }
    }
}
