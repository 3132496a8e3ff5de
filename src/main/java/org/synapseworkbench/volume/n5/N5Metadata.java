package org.synapseworkbench.volume.n5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.codec.BloscCodec;
import org.synapseworkbench.volume.codec.Codec;
import org.synapseworkbench.volume.codec.CodecException;
import org.synapseworkbench.volume.codec.Lz4BlockCodec;
import org.synapseworkbench.volume.codec.RawCodec;
import org.synapseworkbench.volume.codec.StreamCodec;
import org.synapseworkbench.work.UserException;

/**
 * An N5 dataset's {@code attributes.json}: dimensions, block size, data type, compression, and the voxel size that
 * Paintera ({@code resolution}) and the N5 viewer ({@code pixelResolution}) write. N5 lists axes fastest first
 * (x, y, z); here they are turned around to (z, y, x) like every other volume.
 *
 * @param resolution voxel size (z, y, x) in nm, or null when none is stored
 */
public record N5Metadata(int[] shape, int[] blockSize, DataType type, Codec codec, JsonObject compression,
        double[] resolution, double[] offset) {

    /** Whether a folder's attributes describe a dataset (they have dimensions and a data type). */
    static boolean isDataset(JsonObject attrs) {
        return attrs.has("dimensions") && attrs.has("dataType") && attrs.has("blockSize");
    }

    /** The attributes of a folder, or an empty object when it has none. */
    static JsonObject attributes(Path folder) {
        Path file = folder.resolve("attributes.json");
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file));
            return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
        } catch (NoSuchFileException e) {
            return new JsonObject();
        } catch (IOException | RuntimeException e) {
            throw new UserException("'" + file + "' is not readable JSON (" + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse("") + "); fix or delete it.");
        }
    }

    /** Reads a dataset's metadata; a folder that is no dataset, or damaged attributes, is one sentence. */
    public static N5Metadata read(Path dataset) {
        JsonObject a = attributes(dataset);
        String where = dataset.resolve("attributes.json").toString();
        if (!isDataset(a)) {
            throw new UserException("'" + dataset + "' is not an N5 dataset (its attributes.json has no dimensions, "
                    + "blockSize and dataType); name a dataset inside the store (e.g. store.n5/volumes/raw).");
        }
        try {
            int[] shape = reversed(ints(a.getAsJsonArray("dimensions")));
            int[] block = reversed(ints(a.getAsJsonArray("blockSize")));
            if (shape.length != block.length || Arrays.stream(block).anyMatch(b -> b < 1) || Arrays.stream(shape).anyMatch(s -> s < 0)) {
                throw bad(where, "dimensions " + a.get("dimensions") + " and blockSize " + a.get("blockSize") + " do not fit");
            }
            DataType type = type(a.get("dataType").getAsString(), where);
            JsonObject compression = compression(a);
            return new N5Metadata(shape, block, type, codec(compression, type.bytes()), compression, resolution(a),
                    offset(a));
        } catch (UserException e) {
            throw e;
        } catch (CodecException e) {
            throw bad(where, e.getMessage());
        } catch (RuntimeException e) {
            throw bad(where, "it is not the attributes of an N5 dataset (" + e.getMessage() + ")");
        }
    }

    private static UserException bad(String where, String what) {
        return new UserException("'" + where + "' cannot be used: " + what + ".");
    }

    private static DataType type(String name, String where) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "uint8" -> DataType.UINT8;
            case "int8" -> DataType.INT8;
            case "uint16" -> DataType.UINT16;
            case "int16" -> DataType.INT16;
            case "uint32" -> DataType.UINT32;
            case "int32" -> DataType.INT32;
            case "uint64" -> DataType.UINT64;
            case "int64" -> DataType.INT64;
            case "float32" -> DataType.FLOAT32;
            case "float64" -> DataType.FLOAT64;
            default -> throw bad(where, "dataType '" + name + "' is not one this program reads (uint8 .. uint64, int8 "
                    + ".. int64, float32, float64)");
        };
    }

    /** The compression object: {@code compression} (N5 2.x), else the old {@code compressionType}. */
    private static JsonObject compression(JsonObject a) {
        if (a.has("compression") && a.get("compression").isJsonObject()) {
            return a.getAsJsonObject("compression");
        }
        JsonObject o = new JsonObject();
        o.addProperty("type", a.has("compressionType") ? a.get("compressionType").getAsString() : "raw");
        return o;
    }

    /** N5's compressions: raw, gzip (or zlib with useZlib), bzip2, xz, lz4 (lz4-java's block stream), blosc. */
    static Codec codec(JsonObject c, int typeSize) {
        String type = c.get("type").getAsString().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "raw" -> new RawCodec();
            case "gzip" -> new StreamCodec(c.has("useZlib") && c.get("useZlib").getAsBoolean() ? StreamCodec.Kind.ZLIB
                    : StreamCodec.Kind.GZIP, level(c, "level", 6));
            case "bzip2" -> new StreamCodec(StreamCodec.Kind.BZIP2, level(c, "blockSize", 9));
            case "xz" -> new StreamCodec(StreamCodec.Kind.XZ, level(c, "preset", 6));
            case "lz4" -> new Lz4BlockCodec(level(c, "blockSize", 65536));
            case "blosc" -> new BloscCodec(BloscCodec.Compressor.named(c.has("cname") ? c.get("cname").getAsString() : "lz4"),
                    level(c, "clevel", 5), switch (level(c, "shuffle", 1)) {
                        case 0 -> BloscCodec.Shuffle.NONE;
                        case 2 -> BloscCodec.Shuffle.BIT;
                        default -> BloscCodec.Shuffle.BYTE;
                    }, typeSize);
            default -> throw new CodecException("compression '" + type + "' is not one this program reads (raw, gzip, "
                    + "bzip2, xz, lz4, blosc)");
        };
    }

    private static int level(JsonObject c, String key, int otherwise) {
        int v = c.has(key) ? c.get(key).getAsInt() : otherwise;
        return v < 0 ? otherwise : v;
    }

    /** Paintera's {@code resolution} [x, y, z], or the N5 viewer's {@code pixelResolution.dimensions}. */
    private static double[] resolution(JsonObject a) {
        double[] r = triple(a.get("resolution"));
        if (r == null && a.has("pixelResolution") && a.get("pixelResolution").isJsonObject()) {
            r = triple(a.getAsJsonObject("pixelResolution").get("dimensions"));
        }
        return r == null ? null : reversed(r);
    }

    private static double[] offset(JsonObject a) {
        double[] o = triple(a.get("offset"));
        return o == null ? new double[3] : reversed(o);
    }

    private static double[] triple(JsonElement e) {
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() != 3) {
            return null;
        }
        try {
            JsonArray a = e.getAsJsonArray();
            return new double[] {a.get(0).getAsDouble(), a.get(1).getAsDouble(), a.get(2).getAsDouble()};
        } catch (RuntimeException notNumbers) {
            return null;
        }
    }

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            long v = a.get(i).getAsLong();
            if (v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(a + " is larger than this program reads (2^31 - 1 along an axis)");
            }
            out[i] = (int) v;
        }
        return out;
    }

    static int[] reversed(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    /** N5's name of a data type: uint8 ... float64. */
    static String typeName(DataType t) {
        return t.isFloating() ? (t.bytes() == 4 ? "float32" : "float64") : (t.isSigned() ? "int" : "uint") + 8 * t.bytes();
    }
}
