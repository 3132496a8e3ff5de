package org.synapseworkbench.volume.zarr;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.codec.Codec;
import org.synapseworkbench.work.UserException;

/**
 * The {@code .zarray} of a Zarr v2 array: shape, chunk shape, element type and byte order, C or F layout of a chunk,
 * fill value of missing chunks, compressor, and the separator of chunk keys ("." or "/").
 *
 * @param fill the fill value: a Long for integer types (uint64 as its bits), a Double for floats
 */
public record ZarrV2Metadata(int[] shape, int[] chunks, DataType type, ByteOrder order, boolean fortranOrder, Number fill,
        JsonObject compressor, String separator) {
    private static final Pattern DTYPE = Pattern.compile("([<>|=])([uif])(\\d+)");

    /** Reads {@code .zarray} in an array's folder; a missing or unreadable file is one sentence naming it. */
    public static ZarrV2Metadata read(Path array) {
        Path file = array.resolve(".zarray");
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserException("'" + array + "' is not a Zarr array: it has no .zarray; name an array inside the "
                    + "store (e.g. store.zarr/volumes/raw).");
        } catch (java.io.IOException e) {
            throw new UserException("'" + file + "' cannot be read (" + e.getMessage() + "); check the file's permissions.", e);
        }
        return parse(text, file.toString());
    }

    /** Parses the text of a {@code .zarray}; {@code where} names it in messages. */
    public static ZarrV2Metadata parse(String json, String where) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            int format = o.has("zarr_format") ? o.get("zarr_format").getAsInt() : -1;
            if (format != 2) {
                throw bad(where, "zarr_format is " + (format < 0 ? "missing" : format) + ", not 2");
            }
            int[] shape = ints(o, "shape", where);
            int[] chunks = ints(o, "chunks", where);
            if (shape.length != chunks.length) {
                throw bad(where, "shape " + Arrays.toString(shape) + " and chunks " + Arrays.toString(chunks) + " differ in rank");
            }
            for (int a = 0; a < shape.length; a++) {
                if (shape[a] < 0 || chunks[a] < 1) {
                    throw bad(where, "shape " + Arrays.toString(shape) + " or chunks " + Arrays.toString(chunks) + " is impossible");
                }
            }
            String dtype = o.get("dtype").getAsString();
            Matcher m = DTYPE.matcher(dtype);
            if (!m.matches()) {
                throw bad(where, "dtype '" + dtype + "' is not a number type (u1 .. u8, i1 .. i8, f4, f8)");
            }
            int bytes = Integer.parseInt(m.group(3));
            DataType type;
            try {
                type = m.group(2).equals("f") ? (bytes == 4 ? DataType.FLOAT32 : bytes == 8 ? DataType.FLOAT64 : null)
                        : DataType.integer(bytes, m.group(2).equals("i"));
            } catch (IllegalArgumentException e) {
                type = null;
            }
            if (type == null) {
                throw bad(where, "dtype '" + dtype + "' is not one this program reads (u1 .. u8, i1 .. i8, f4, f8)");
            }
            ByteOrder order = m.group(1).equals(">") ? ByteOrder.BIG_ENDIAN
                    : m.group(1).equals("=") ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
            String layout = o.has("order") ? o.get("order").getAsString() : "C";
            if (!layout.equals("C") && !layout.equals("F")) {
                throw bad(where, "order is '" + layout + "', not C or F");
            }
            JsonElement filters = o.get("filters");
            if (filters != null && !filters.isJsonNull() && !(filters.isJsonArray() && filters.getAsJsonArray().isEmpty())) {
                throw bad(where, "it has filters " + filters + ", which this program does not apply; write it again "
                        + "without filters");
            }
            JsonElement compressor = o.get("compressor");
            String separator = o.has("dimension_separator") ? o.get("dimension_separator").getAsString() : ".";
            if (!separator.equals(".") && !separator.equals("/")) {
                throw bad(where, "dimension_separator is '" + separator + "', not '.' or '/'");
            }
            return new ZarrV2Metadata(shape, chunks, type, order, layout.equals("F"), fill(o.get("fill_value"), type),
                    compressor == null || compressor.isJsonNull() ? null : compressor.getAsJsonObject(), separator);
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceFirst("^[\\w.]+Exception: ", "");
            throw bad(where, "it is not the JSON of a Zarr array (" + why + ")");
        }
    }

    static UserException bad(String where, String what) {
        return new UserException("'" + where + "' cannot be used: " + what + ".");
    }

    static int[] ints(JsonObject o, String key, String where) {
        if (!o.has(key) || !o.get(key).isJsonArray()) {
            throw bad(where, "'" + key + "' is missing");
        }
        JsonArray a = o.getAsJsonArray(key);
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            long v = a.get(i).getAsLong();
            if (v > Integer.MAX_VALUE) {
                throw bad(where, key + " " + a + " is larger than this program reads (2^31 - 1 along an axis)");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /**
     * Zarr's fill value: a number, "NaN", "Infinity", "-Infinity", a float's bits in hex ("0x7fc00000", Zarr v3), or
     * null (then 0).
     */
    static Number fill(JsonElement e, DataType type) {
        if (e == null || e.isJsonNull()) {
            return type.isFloating() ? (Number) 0.0 : (Number) 0L;
        }
        if (type.isFloating()) {
            String s = e.getAsString();
            if (s.startsWith("0x")) {
                long bits = Long.parseUnsignedLong(s.substring(2), 16);
                return type == DataType.FLOAT32 ? (double) Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
            }
            return switch (s) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> e.getAsDouble();
            };
        }
        return new BigDecimal(e.getAsString()).toBigInteger().longValue(); // uint64 above 2^63 as its bits
    }

    /** A fill value as Zarr's JSON keeps it: "NaN" for not-a-number, uint64 as its unsigned value. */
    static JsonElement fillJson(Number fill, DataType type) {
        if (type.isFloating() && Double.isNaN(fill.doubleValue())) {
            return new com.google.gson.JsonPrimitive("NaN");
        } else if (type.isFloating()) {
            return new com.google.gson.JsonPrimitive(fill.doubleValue());
        } else if (type == DataType.UINT64) {
            return new com.google.gson.JsonPrimitive(new java.math.BigInteger(Long.toUnsignedString(fill.longValue())));
        }
        return new com.google.gson.JsonPrimitive(fill.longValue());
    }

    /** The chunk codec. */
    public Codec codec() {
        return Numcodecs.codec(compressor, type.bytes());
    }

    /** The numpy dtype string, e.g. {@code <u2} or {@code |u1}. */
    public String dtype() {
        String kind = type.isFloating() ? "f" : type.isSigned() ? "i" : "u";
        String endian = type.bytes() == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<";
        return endian + kind + type.bytes();
    }

    /** The key of the chunk at grid position {@code g}: "0.1.2", or "0/1/2". */
    public String chunkKey(int[] g) {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < g.length; a++) {
            if (a > 0) {
                b.append(separator);
            }
            b.append(g[a]);
        }
        return b.toString();
    }

    /** The {@code .zarray} text. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("zarr_format", 2);
        JsonArray s = new JsonArray();
        Arrays.stream(shape).forEach(s::add);
        o.add("shape", s);
        JsonArray c = new JsonArray();
        Arrays.stream(chunks).forEach(c::add);
        o.add("chunks", c);
        o.addProperty("dtype", dtype());
        o.add("compressor", compressor);
        o.add("fill_value", fillJson(fill, type));
        o.addProperty("order", fortranOrder ? "F" : "C");
        o.add("filters", com.google.gson.JsonNull.INSTANCE);
        o.addProperty("dimension_separator", separator);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(o) + "\n";
    }
}
