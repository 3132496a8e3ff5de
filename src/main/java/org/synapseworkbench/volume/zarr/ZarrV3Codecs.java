package org.synapseworkbench.volume.zarr;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.codec.BloscCodec;
import org.synapseworkbench.volume.codec.Codec;
import org.synapseworkbench.volume.codec.CodecException;
import org.synapseworkbench.volume.codec.Crc32cCodec;
import org.synapseworkbench.volume.codec.StreamCodec;
import org.synapseworkbench.volume.codec.ZstdCodec;

/**
 * The codec chain of a Zarr v3 array, or of the inner chunks of its shards, for chunks of one shape: array-to-array
 * codecs ({@code transpose}), one array-to-bytes codec ({@code bytes}, or {@code sharding_indexed}, which
 * {@link ZarrV3Chunks} reads an inner chunk at a time), then bytes-to-bytes codecs ({@code gzip}, {@code zstd},
 * {@code blosc}, {@code crc32c}, and numcodecs' {@code numcodecs.*} compressors).
 */
final class ZarrV3Codecs {
    /** The sharding_indexed codec: inner chunk shape, their codecs, the index's codecs, and where the index lies. */
    record Sharding(int[] inner, ZarrV3Codecs codecs, ZarrV3Codecs index, boolean indexAtEnd) {
        /** Inner chunks along each axis of a shard of shape {@code shard}. */
        int[] perShard(int[] shard) {
            int[] n = new int[shard.length];
            for (int a = 0; a < n.length; a++) {
                n[a] = shard[a] / inner[a];
            }
            return n;
        }

        /** The bytes of the encoded index of a shard of shape {@code shard}: 16 per inner chunk, 4 per checksum. */
        long indexBytes(int[] shard) {
            return Block.elementCount(perShard(shard)) * 16 + 4L * index.compressors.size();
        }
    }

    private final int[] chunk;
    private final DataType type;
    /** The axis orders of the transposes, in the order they encode. */
    private final List<int[]> transposes;
    private final ByteOrder order;
    /** The bytes-to-bytes codecs, in the order they encode. */
    private final List<Codec> compressors;
    private final Sharding sharding;

    private ZarrV3Codecs(int[] chunk, DataType type, List<int[]> transposes, ByteOrder order, List<Codec> compressors,
            Sharding sharding) {
        this.chunk = chunk.clone();
        this.type = type;
        this.transposes = transposes;
        this.order = order;
        this.compressors = compressors;
        this.sharding = sharding;
    }

    /**
     * The chain of a {@code codecs} list for chunks of shape {@code chunk}.
     *
     * @throws CodecException naming a codec this program does not read, or a chain out of order
     */
    static ZarrV3Codecs of(JsonArray codecs, int[] chunk, DataType type) {
        List<int[]> transposes = new ArrayList<>();
        List<Codec> compressors = new ArrayList<>();
        ByteOrder order = null;
        Sharding sharding = null;
        int[] shape = chunk.clone();
        for (JsonElement e : codecs) {
            String name = e.isJsonPrimitive() ? e.getAsString() : e.getAsJsonObject().get("name").getAsString();
            JsonObject conf = e.isJsonObject() && e.getAsJsonObject().has("configuration")
                    ? e.getAsJsonObject().getAsJsonObject("configuration") : new JsonObject();
            boolean bytesDone = order != null || sharding != null;
            switch (name) {
                case "transpose" -> {
                    if (bytesDone) {
                        throw new CodecException("the codec 'transpose' comes after the chunk became bytes");
                    }
                    int[] axes = axes(conf.get("order"), shape.length);
                    int[] next = new int[shape.length];
                    for (int a = 0; a < next.length; a++) {
                        next[a] = shape[axes[a]];
                    }
                    shape = next;
                    transposes.add(axes);
                }
                case "bytes", "endian" -> {
                    if (bytesDone) {
                        throw new CodecException("the chain has two array-to-bytes codecs");
                    }
                    String endian = conf.has("endian") ? conf.get("endian").getAsString() : "little";
                    order = endian.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                }
                case "sharding_indexed" -> {
                    if (bytesDone) {
                        throw new CodecException("the chain has two array-to-bytes codecs");
                    }
                    if (!transposes.isEmpty()) {
                        throw new CodecException("a transpose before sharding_indexed is not read here; write the array "
                                + "with the transpose inside the shards' codecs");
                    }
                    sharding = sharding(conf, shape, type);
                }
                default -> {
                    if (!bytesDone) {
                        throw new CodecException("the codec '" + name + "' comes before 'bytes' or is not one this "
                                + "program reads (bytes, transpose, sharding_indexed, gzip, zstd, blosc, crc32c)");
                    }
                    compressors.add(compressor(name, conf, type.bytes()));
                }
            }
        }
        if (order == null && sharding == null) {
            throw new CodecException("the chain has no array-to-bytes codec ('bytes' or 'sharding_indexed')");
        }
        if (sharding != null && !compressors.isEmpty()) {
            throw new CodecException("whole shards are compressed, which this program does not read; compress the inner "
                    + "chunks instead (their codecs inside sharding_indexed)");
        }
        return new ZarrV3Codecs(chunk, type, transposes, order, compressors, sharding);
    }

    private static Sharding sharding(JsonObject conf, int[] shard, DataType type) {
        int[] inner = ZarrV2Metadata.ints(conf, "chunk_shape", "sharding_indexed");
        if (inner.length != shard.length) {
            throw new CodecException("the inner chunk shape " + Arrays.toString(inner) + " differs in rank from the shard "
                    + Arrays.toString(shard));
        }
        for (int a = 0; a < inner.length; a++) {
            if (inner[a] < 1 || shard[a] % inner[a] != 0) {
                throw new CodecException("the inner chunk shape " + Arrays.toString(inner) + " does not divide the shard "
                        + Arrays.toString(shard));
            }
        }
        ZarrV3Codecs codecs = of(conf.getAsJsonArray("codecs"), inner, type);
        if (codecs.sharding != null) {
            throw new CodecException("shards inside shards are not read here");
        }
        int[] indexShape = Arrays.copyOf(inner, inner.length + 1);
        for (int a = 0; a < inner.length; a++) {
            indexShape[a] = shard[a] / inner[a];
        }
        indexShape[inner.length] = 2;
        JsonArray indexCodecs = conf.has("index_codecs") ? conf.getAsJsonArray("index_codecs") : bytesOnly();
        ZarrV3Codecs index = of(indexCodecs, indexShape, DataType.UINT64);
        if (!index.transposes.isEmpty() || index.compressors.stream().anyMatch(c -> !(c instanceof Crc32cCodec))) {
            throw new CodecException("the shard index has codecs " + indexCodecs + "; only bytes and crc32c give it the fixed "
                    + "size that lets it be found");
        }
        String location = conf.has("index_location") ? conf.get("index_location").getAsString() : "end";
        if (!location.equals("end") && !location.equals("start")) {
            throw new CodecException("the shard index location is '" + location + "', not 'start' or 'end'");
        }
        return new Sharding(inner, codecs, index, location.equals("end"));
    }

    private static JsonArray bytesOnly() {
        JsonArray a = new JsonArray();
        JsonObject bytes = new JsonObject();
        bytes.addProperty("name", "bytes");
        a.add(bytes);
        return a;
    }

    /** A transpose's order: a permutation of the axes, or (an early draft's) "C" or "F". */
    private static int[] axes(JsonElement e, int rank) {
        int[] axes = new int[rank];
        if (e != null && e.isJsonPrimitive()) {
            boolean f = e.getAsString().equals("F");
            for (int a = 0; a < rank; a++) {
                axes[a] = f ? rank - 1 - a : a;
            }
            return axes;
        }
        JsonArray a = e == null ? null : e.getAsJsonArray();
        boolean[] seen = new boolean[rank];
        if (a == null || a.size() != rank) {
            throw new CodecException("the transpose order " + e + " is not a permutation of " + rank + " axes");
        }
        for (int i = 0; i < rank; i++) {
            axes[i] = a.get(i).getAsInt();
            if (axes[i] < 0 || axes[i] >= rank || seen[axes[i]]) {
                throw new CodecException("the transpose order " + e + " is not a permutation of " + rank + " axes");
            }
            seen[axes[i]] = true;
        }
        return axes;
    }

    private static Codec compressor(String name, JsonObject conf, int typeSize) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("numcodecs.")) { // numcodecs' compressors as zarr-python 3 names them
            JsonObject c = conf.deepCopy();
            c.addProperty("id", n.substring("numcodecs.".length()));
            return Numcodecs.codec(c, typeSize);
        }
        return switch (n) {
            case "gzip" -> new StreamCodec(StreamCodec.Kind.GZIP, integer(conf, "level", 5));
            case "zstd" -> new ZstdCodec(integer(conf, "level", 0));
            case "crc32c" -> new Crc32cCodec();
            case "blosc" -> {
                String shuffle = conf.has("shuffle") ? conf.get("shuffle").getAsString() : "noshuffle";
                yield new BloscCodec(BloscCodec.Compressor.named(conf.has("cname") ? conf.get("cname").getAsString() : "lz4"),
                        integer(conf, "clevel", 5), switch (shuffle) {
                            case "shuffle" -> BloscCodec.Shuffle.BYTE;
                            case "bitshuffle" -> BloscCodec.Shuffle.BIT;
                            default -> BloscCodec.Shuffle.NONE;
                        }, integer(conf, "typesize", typeSize));
            }
            default -> throw new CodecException("the codec '" + name + "' is not one this program reads (bytes, transpose, "
                    + "sharding_indexed, gzip, zstd, blosc, crc32c)");
        };
    }

    private static int integer(JsonObject o, String key, int otherwise) {
        try {
            return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : otherwise;
        } catch (RuntimeException e) {
            throw new CodecException("the codec's '" + key + "' is " + o.get(key) + ", not a whole number");
        }
    }

    /** The sharding codec, or null when chunks are stored one per key. */
    Sharding sharding() {
        return sharding;
    }

    /** A chunk's stored bytes decoded: compressors undone, bytes read in their order, transposes undone. */
    Block decode(byte[] stored) {
        byte[] b = stored;
        int[] shape = chunk.clone();
        for (int[] t : transposes) {
            int[] next = new int[shape.length];
            for (int a = 0; a < next.length; a++) {
                next[a] = shape[t[a]];
            }
            shape = next;
        }
        int raw = (int) Block.elementCount(shape) * type.bytes();
        for (int i = compressors.size() - 1; i >= 0; i--) {
            b = compressors.get(i).decode(b, i == 0 ? raw : -1);
        }
        if (b.length != raw) {
            throw new CodecException("the chunk holds " + b.length + " bytes where " + raw + " were expected");
        }
        Block out = Block.decode(type, order, b, shape);
        for (int i = transposes.size() - 1; i >= 0; i--) {
            out = out.transposed(inverse(transposes.get(i)));
        }
        return out;
    }

    /** A whole chunk (of this chain's shape) encoded to its stored bytes; not for a sharded chain. */
    byte[] encode(Block chunkData) {
        Block b = chunkData;
        for (int[] t : transposes) {
            b = b.transposed(t);
        }
        byte[] bytes = b.encode(order);
        for (Codec c : compressors) {
            bytes = c.encode(bytes);
        }
        return bytes;
    }

    private static int[] inverse(int[] axes) {
        int[] inv = new int[axes.length];
        for (int a = 0; a < axes.length; a++) {
            inv[axes[a]] = a;
        }
        return inv;
    }

    /** The chain as messages name it, e.g. "transpose [2, 1, 0], gzip (level 5)". */
    String describe() {
        List<String> parts = new ArrayList<>();
        transposes.forEach(t -> parts.add("transpose " + Arrays.toString(t)));
        if (sharding != null) {
            parts.add("inner chunks " + Arrays.toString(sharding.inner) + ": " + sharding.codecs.describe());
        } else if (order == ByteOrder.BIG_ENDIAN && type.bytes() > 1) {
            parts.add("big-endian");
        }
        compressors.forEach(c -> parts.add(c.describe()));
        return parts.isEmpty() ? "uncompressed" : String.join(", ", parts);
    }
}
