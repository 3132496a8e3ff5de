package org.synapseworkbench.volume.zarr;

import java.io.ByteArrayOutputStream;
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
import org.synapseworkbench.work.AtomicFiles;
import org.synapseworkbench.work.UserException;

/**
 * Writes a Zarr array (v2 or v3, {@link ZarrFormat}) chunk by chunk, never the whole volume in memory: the array's
 * metadata first (with the resolution as an attribute), group metadata in the folders above it up to the store, then
 * each chunk (or, when sharded, each shard of chunks with its index at the end) to a temporary file renamed into place,
 * so a reader never sees half a chunk and a chunk written twice is whole either way.
 */
public final class ZarrWriter extends ChunkWriter {
    private final Path array;
    private final ZarrV2Chunks v2;
    private final ZarrV3Metadata v3;
    private final ZarrV3Codecs v3Codecs;

    private ZarrWriter(Path array, int[] shape, int[] unit, DataType type, ZarrV2Metadata v2, ZarrV3Metadata v3) {
        super(shape, unit, type);
        this.array = array;
        this.v2 = v2 == null ? null : new ZarrV2Chunks(v2);
        this.v3 = v3;
        this.v3Codecs = v3 == null ? null : ZarrV3Codecs.of(v3.codecs(), v3.chunks(), type);
    }

    /**
     * Creates (or replaces the metadata of) a Zarr v2 array of little-endian, C-ordered chunks with '/' in chunk keys.
     *
     * @param compressor numcodecs' configuration (see {@link Numcodecs#config}), or null for none
     * @param resolution voxel size (z, y, x) in nm for {@code .zattrs}, or null
     */
    public static ZarrWriter create(Path array, int[] shape, int[] chunks, DataType type, JsonObject compressor,
            double[] resolution) {
        ZarrV2Metadata meta = new ZarrV2Metadata(shape.clone(), chunks.clone(), type, ByteOrder.LITTLE_ENDIAN, false,
                zero(type), compressor, "/");
        JsonObject attrs = attributes(resolution);
        write(array, 2, () -> {
            AtomicFiles.writeString(array.resolve(".zarray"), meta.toJson());
            if (attrs.size() > 0) {
                AtomicFiles.writeString(array.resolve(".zattrs"), attrs + "\n");
            }
        });
        return new ZarrWriter(array, shape, chunks, type, meta, null);
    }

    /**
     * Creates (or replaces the metadata of) an array in {@code format}: v2 as {@link #create(Path, int[], int[],
     * DataType, JsonObject, double[])}; v3 with chunk keys {@code c/z/y/x}, in shards of chunks when the format asks
     * (a shard shape a multiple of the chunks, cut to the array's size).
     */
    public static ZarrWriter create(Path array, int[] shape, int[] chunks, DataType type, ZarrFormat format,
            double[] resolution) {
        if (format.version() == 2) {
            return create(array, shape, chunks, type, format.compressor(), resolution);
        }
        int[] grid = chunks.clone();
        JsonArray codecs = format.codecs(type);
        if (format.shards() != null) {
            int[] s = format.shards();
            int o = shape.length - s.length; // a channel axis before z, y, x: a shard a channel
            for (int a = 0; a < s.length; a++) {
                int c = chunks[o + a];
                grid[o + a] = Math.max(c, (Math.min(s[a], shape[o + a]) + c - 1) / c * c);
            }
            codecs = format.shardCodecs(type, chunks);
        }
        ZarrV3Metadata meta = new ZarrV3Metadata(shape.clone(), grid, type, zero(type), "c", "/", codecs, attributes(resolution));
        write(array, 3, () -> AtomicFiles.writeString(array.resolve("zarr.json"), meta.toJson()));
        return new ZarrWriter(array, shape, grid, type, null, meta);
    }

    /**
     * A writer of the chunks of an existing array (v2 or v3), as its metadata describes it (nothing is written now):
     * for tasks that each write their own chunks of an array made before.
     */
    public static ZarrWriter open(Path array) {
        if (Files.exists(array.resolve("zarr.json"))) {
            ZarrV3Metadata meta = ZarrV3Metadata.read(array);
            return new ZarrWriter(array, meta.shape(), meta.chunks(), meta.type(), null, meta);
        }
        ZarrV2Metadata meta = ZarrV2Metadata.read(array);
        return new ZarrWriter(array, meta.shape(), meta.chunks(), meta.type(), meta, null);
    }

    /**
     * Adds or replaces the string attribute {@code name} of an existing array (v3: in its {@code zarr.json}; v2: in its
     * {@code .zattrs}), the file rewritten whole through a temporary file.
     */
    public static void putAttribute(Path array, String name, String value) {
        try {
            Path v3 = array.resolve("zarr.json");
            if (Files.exists(v3)) {
                JsonObject node = ZarrV3Metadata.node(array);
                if (node == null) {
                    throw new UserException("'" + v3 + "' is not readable JSON; fix or delete it.");
                }
                JsonObject attrs = ZarrVolume.attributes(array);
                attrs.addProperty(name, value);
                node.add("attributes", attrs);
                AtomicFiles.writeString(v3, node + "\n");
            } else {
                JsonObject attrs = ZarrVolume.attributes(array);
                attrs.addProperty(name, value);
                AtomicFiles.writeString(array.resolve(".zattrs"), attrs + "\n");
            }
        } catch (IOException e) {
            throw new UserException("Cannot write the attributes of the Zarr array '" + array + "' (" + e.getMessage()
                    + "); check that the folder is writable and the disk has room.", e);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private static void write(Path array, int version, Step metadata) {
        try {
            Files.createDirectories(array);
            AtomicFiles.removeStale(array);
            groups(array, version);
            metadata.run();
        } catch (IOException e) {
            throw new UserException("Cannot write the Zarr array '" + array + "' (" + e.getMessage() + "); check that the "
                    + "folder is writable and the disk has room.", e);
        }
    }

    private static Number zero(DataType type) {
        return type.isFloating() ? (Number) 0.0 : (Number) 0L;
    }

    private static JsonObject attributes(double[] resolution) {
        JsonObject attrs = new JsonObject();
        if (resolution != null) {
            JsonArray r = new JsonArray();
            Arrays.stream(resolution).forEach(r::add);
            attrs.add("resolution", r);
        }
        return attrs;
    }

    /** Group metadata in every folder above the array, up to and including the store (the folder ending in .zarr). */
    private static void groups(Path array, int version) throws IOException {
        Path abs = array.toAbsolutePath().normalize();
        boolean inStore = false;
        for (Path p = abs; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().endsWith(".zarr")) {
                inStore = true;
            }
        }
        for (Path p = abs.getParent(); inStore && p != null; p = p.getParent()) {
            boolean known = Files.exists(p.resolve(".zgroup")) || Files.exists(p.resolve(".zarray"))
                    || Files.exists(p.resolve("zarr.json"));
            if (!known && version == 2) {
                AtomicFiles.writeString(p.resolve(".zgroup"), "{\n    \"zarr_format\": 2\n}\n");
            } else if (!known) {
                AtomicFiles.writeString(p.resolve("zarr.json"), groupJson(new JsonObject()));
            }
            if (p.getFileName() != null && p.getFileName().toString().endsWith(".zarr")) {
                break;
            }
        }
    }

    /** The {@code zarr.json} of a v3 group with {@code attributes}. */
    static String groupJson(JsonObject attributes) {
        JsonObject o = new JsonObject();
        o.addProperty("zarr_format", 3);
        o.addProperty("node_type", "group");
        o.add("attributes", attributes);
        return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }

    /**
     * Writes the chunk (the shard, when sharded) at grid position {@code g}; {@code data} holds its voxels within the
     * array (an edge chunk's part), padded here with zeros to the whole chunk as Zarr stores it.
     */
    @Override
    public void writeChunk(int[] g, Block data) {
        checkType(data);
        Block whole = data;
        if (!Arrays.equals(data.shape(), chunks)) {
            whole = Block.zeros(type, chunks);
            whole.copyFrom(data, new int[chunks.length], new int[chunks.length], data.shape());
        }
        Path file = v2 != null ? v2.file(array, g) : array.resolve(v3.chunkKey(g));
        try {
            byte[] bytes = v2 != null ? v2.encode(whole) : v3Codecs.sharding() == null ? v3Codecs.encode(whole)
                    : shard(whole, g);
            AtomicFiles.writeBytes(file, bytes, false);
        } catch (IOException e) {
            throw new UserException("Cannot write chunk '" + file + "' (" + e.getMessage() + "); check that the disk has "
                    + "room.", e);
        }
    }

    /**
     * A shard's bytes: its inner chunks in C order, encoded, then the index of their offsets and sizes (those wholly
     * beyond the array's end are not stored), checksummed.
     */
    private byte[] shard(Block whole, int[] g) {
        ZarrV3Codecs.Sharding s = v3Codecs.sharding();
        int[] inner = s.inner();
        int[] per = s.perShard(chunks);
        int r = inner.length;
        long n = Block.elementCount(per);
        int[] indexShape = Arrays.copyOf(per, r + 1);
        indexShape[r] = 2;
        Block index = Block.zeros(DataType.UINT64, indexShape);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Block part = Block.zeros(type, inner);
        int[] zero = new int[r];
        int[] at = new int[r];
        for (long k = 0; k < n; k++) {
            long rest = k;
            boolean inside = true;
            for (int a = r - 1; a >= 0; a--) {
                at[a] = (int) (rest % per[a]) * inner[a];
                rest /= per[a];
                inside &= g[a] * chunks[a] + at[a] < shape[a];
            }
            if (!inside) {
                index.setLong((int) (2 * k), -1L);
                index.setLong((int) (2 * k + 1), -1L);
                continue;
            }
            part.copyFrom(whole, at, zero, inner);
            byte[] encoded = s.codecs().encode(part);
            index.setLong((int) (2 * k), out.size());
            index.setLong((int) (2 * k + 1), encoded.length);
            out.writeBytes(encoded);
        }
        out.writeBytes(s.index().encode(index));
        return out.toByteArray();
    }
}
