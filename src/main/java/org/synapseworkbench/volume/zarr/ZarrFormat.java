package org.synapseworkbench.volume.zarr;

import java.util.Arrays;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.work.UserException;

/**
 * How new Zarr arrays are written: format version 2 ({@code .zarray}, what zarr-python 2 and most tools read) or 3
 * ({@code zarr.json}), the compressor ("raw" for none) and its level, and for version 3 the shard shape, a multiple of
 * the chunks (null: a file a chunk).
 */
public record ZarrFormat(int version, String compression, int level, int[] shards) {
    public ZarrFormat {
        compression = compression.toLowerCase(Locale.ROOT);
        if (version != 2 && version != 3) {
            throw new UserException("Zarr format " + version + " does not exist; write 2 or 3.");
        }
        if (version == 2 && shards != null) {
            throw new UserException("Shards are a Zarr v3 feature; write --zarr-format 3 with --shards.");
        }
        if (version == 3 && !Arrays.asList("blosc", "gzip", "zstd", "raw").contains(compression)) {
            throw new UserException("Zarr v3 is written here with blosc, gzip, zstd or raw, not " + compression + ".");
        }
    }

    /** Zarr v2 with numcodecs' compressor {@code compression} ("raw" for none) at {@code level}. */
    public static ZarrFormat v2(String compression, int level) {
        return new ZarrFormat(2, compression, level, null);
    }

    /** numcodecs' configuration of the compressor of a v2 array (null: none). */
    JsonObject compressor() {
        return compression.equals("raw") ? null : Numcodecs.config(compression, level);
    }

    /** The codecs of a v3 array's chunks: little-endian bytes, then the compressor. */
    JsonArray codecs(DataType type) {
        JsonArray codecs = new JsonArray();
        JsonObject bytes = codec("bytes");
        if (type.bytes() > 1) {
            bytes.getAsJsonObject("configuration").addProperty("endian", "little");
        }
        codecs.add(bytes);
        if (compression.equals("raw")) {
            return codecs;
        }
        JsonObject c = codec(compression);
        JsonObject conf = c.getAsJsonObject("configuration");
        switch (compression) {
            case "blosc" -> {
                conf.addProperty("cname", "lz4");
                conf.addProperty("clevel", level);
                conf.addProperty("shuffle", type.bytes() == 1 ? "bitshuffle" : "shuffle");
                conf.addProperty("typesize", type.bytes());
                conf.addProperty("blocksize", 0);
            }
            case "zstd" -> {
                conf.addProperty("level", level);
                conf.addProperty("checksum", false);
            }
            default -> conf.addProperty("level", level);
        }
        codecs.add(c);
        return codecs;
    }

    /** The codecs of a sharded v3 array: shards of {@code inner} chunks with {@link #codecs}, their index checksummed. */
    JsonArray shardCodecs(DataType type, int[] inner) {
        JsonObject sharding = codec("sharding_indexed");
        JsonObject conf = sharding.getAsJsonObject("configuration");
        conf.add("chunk_shape", ZarrV3Metadata.ints(inner));
        conf.add("codecs", codecs(type));
        JsonArray index = new JsonArray();
        JsonObject bytes = codec("bytes");
        bytes.getAsJsonObject("configuration").addProperty("endian", "little");
        index.add(bytes);
        index.add(codec("crc32c"));
        conf.add("index_codecs", index);
        conf.addProperty("index_location", "end");
        JsonArray codecs = new JsonArray();
        codecs.add(sharding);
        return codecs;
    }

    private static JsonObject codec(String name) {
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.add("configuration", new JsonObject());
        return c;
    }
}
