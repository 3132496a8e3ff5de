package org.synapseworkbench.volume.zarr;

import java.util.Locale;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.synapseworkbench.volume.codec.BloscCodec;
import org.synapseworkbench.volume.codec.Codec;
import org.synapseworkbench.volume.codec.CodecException;
import org.synapseworkbench.volume.codec.Lz4Codec;
import org.synapseworkbench.volume.codec.RawCodec;
import org.synapseworkbench.volume.codec.StreamCodec;
import org.synapseworkbench.volume.codec.ZstdCodec;

/** The compressors of Zarr v2 arrays, as numcodecs configures them in {@code .zarray} ({@code {"id": ..., ...}}). */
public final class Numcodecs {
    private Numcodecs() {
    }

    /** The codec a compressor configuration names (null: none); {@code typeSize} is the array's element size. */
    public static Codec codec(JsonObject config, int typeSize) {
        if (config == null) {
            return new RawCodec();
        }
        String id = string(config, "id", "");
        return switch (id) {
            case "blosc" -> new BloscCodec(BloscCodec.Compressor.named(string(config, "cname", "lz4")),
                    integer(config, "clevel", 5), shuffle(integer(config, "shuffle", 1), typeSize), typeSize);
            case "gzip" -> new StreamCodec(StreamCodec.Kind.GZIP, integer(config, "level", 1));
            case "zlib" -> new StreamCodec(StreamCodec.Kind.ZLIB, integer(config, "level", 1));
            case "bz2" -> new StreamCodec(StreamCodec.Kind.BZIP2, integer(config, "level", 1));
            case "zstd" -> new ZstdCodec(integer(config, "level", 1));
            case "lz4" -> new Lz4Codec();
            default -> throw new CodecException("the compressor '" + id + "' is not one this program reads (blosc, gzip, "
                    + "zlib, bz2, zstd, lz4, or none)");
        };
    }

    /** The configuration of a codec made by {@link #codec}, as {@code .zarray} stores it. */
    public static JsonObject config(String id, int level) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        switch (id) {
            case "blosc" -> {
                o.addProperty("cname", "lz4");
                o.addProperty("clevel", level);
                o.addProperty("shuffle", 1);
                o.addProperty("blocksize", 0);
            }
            case "lz4" -> o.addProperty("acceleration", 1);
            case "gzip", "zlib", "bz2", "zstd" -> o.addProperty("level", level);
            default -> throw new IllegalArgumentException("no compressor '" + id + "'");
        }
        return o;
    }

    /** numcodecs' shuffle: -1 automatic (bits for bytes, else bytes), 0 none, 1 bytes, 2 bits. */
    private static BloscCodec.Shuffle shuffle(int code, int typeSize) {
        return switch (code) {
            case 0 -> BloscCodec.Shuffle.NONE;
            case 2 -> BloscCodec.Shuffle.BIT;
            case -1 -> typeSize == 1 ? BloscCodec.Shuffle.BIT : BloscCodec.Shuffle.BYTE;
            default -> BloscCodec.Shuffle.BYTE;
        };
    }

    private static String string(JsonObject o, String key, String otherwise) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? otherwise : e.getAsString().toLowerCase(Locale.ROOT);
    }

    private static int integer(JsonObject o, String key, int otherwise) {
        JsonElement e = o.get(key);
        try {
            return e == null || e.isJsonNull() ? otherwise : e.getAsInt();
        } catch (RuntimeException bad) {
            throw new CodecException("the compressor's '" + key + "' is " + e + ", not a whole number");
        }
    }
}
