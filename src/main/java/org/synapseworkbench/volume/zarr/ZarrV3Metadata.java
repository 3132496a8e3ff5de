package org.synapseworkbench.volume.zarr;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.work.UserException;

/**
 * The {@code zarr.json} of a Zarr v3 array: shape, chunk shape of the regular grid, data type, fill value, chunk key
 * encoding ("default": {@code c/0/1/2}; "v2": {@code 0.1.2}), the codecs ({@link ZarrV3Codecs}) and the attributes.
 *
 * @param keyPrefix "c" for the default chunk key encoding, "" for v2's
 * @param fill the fill value: a Long for integer types (uint64 as its bits), a Double for floats
 */
public record ZarrV3Metadata(int[] shape, int[] chunks, DataType type, Number fill, String keyPrefix, String separator,
        JsonArray codecs, JsonObject attributes) {

    /** Reads {@code zarr.json} in an array's folder; a missing, unreadable or group's file is one sentence naming it. */
    public static ZarrV3Metadata read(Path array) {
        Path file = array.resolve("zarr.json");
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new UserException("'" + array + "' is not a Zarr v3 array: it has no zarr.json.");
        } catch (java.io.IOException e) {
            throw new UserException("'" + file + "' cannot be read (" + e.getMessage() + "); check the file's permissions.", e);
        }
    }

    /** The JSON object of a {@code zarr.json}, or null when the file is missing or not a JSON object. */
    static JsonObject node(Path folder) {
        try {
            JsonElement e = JsonParser.parseString(Files.readString(folder.resolve("zarr.json")));
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a folder holds the {@code zarr.json} of a v3 array. */
    static boolean isArray(Path folder) {
        JsonObject o = Files.exists(folder.resolve("zarr.json")) ? node(folder) : null;
        return o != null && o.has("node_type") && "array".equals(o.get("node_type").getAsString());
    }

    /** Parses the text of a {@code zarr.json}; {@code where} names it in messages. */
    public static ZarrV3Metadata parse(String json, String where) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            int format = o.has("zarr_format") ? o.get("zarr_format").getAsInt() : -1;
            if (format != 3) {
                throw ZarrV2Metadata.bad(where, "zarr_format is " + (format < 0 ? "missing" : format) + ", not 3");
            }
            String node = o.has("node_type") ? o.get("node_type").getAsString() : "";
            if (!node.equals("array")) {
                throw ZarrV2Metadata.bad(where, "it describes a " + (node.isEmpty() ? "node of no type" : node)
                        + ", not an array; name an array inside it");
            }
            int[] shape = ZarrV2Metadata.ints(o, "shape", where);
            JsonObject grid = o.getAsJsonObject("chunk_grid");
            if (grid == null || !"regular".equals(grid.get("name").getAsString())) {
                throw ZarrV2Metadata.bad(where, "its chunk_grid is " + grid + ", not a regular grid");
            }
            int[] chunks = ZarrV2Metadata.ints(grid.getAsJsonObject("configuration"), "chunk_shape", where);
            if (shape.length != chunks.length) {
                throw ZarrV2Metadata.bad(where, "shape " + Arrays.toString(shape) + " and chunk_shape "
                        + Arrays.toString(chunks) + " differ in rank");
            }
            for (int a = 0; a < shape.length; a++) {
                if (shape[a] < 0 || chunks[a] < 1) {
                    throw ZarrV2Metadata.bad(where, "shape " + Arrays.toString(shape) + " or chunk_shape "
                            + Arrays.toString(chunks) + " is impossible");
                }
            }
            String name = o.get("data_type").getAsString();
            DataType type = dataType(name);
            if (type == null) {
                throw ZarrV2Metadata.bad(where, "data_type '" + name + "' is not one this program reads (uint8 .. uint64, "
                        + "int8 .. int64, float32, float64)");
            }
            String prefix = "c";
            String separator = "/";
            JsonObject keys = o.getAsJsonObject("chunk_key_encoding");
            if (keys != null) {
                String kind = keys.get("name").getAsString();
                JsonObject conf = keys.has("configuration") ? keys.getAsJsonObject("configuration") : new JsonObject();
                if (kind.equals("v2")) {
                    prefix = "";
                    separator = ".";
                } else if (!kind.equals("default")) {
                    throw ZarrV2Metadata.bad(where, "its chunk_key_encoding '" + kind + "' is not 'default' or 'v2'");
                }
                if (conf.has("separator")) {
                    separator = conf.get("separator").getAsString();
                }
                if (!separator.equals(".") && !separator.equals("/")) {
                    throw ZarrV2Metadata.bad(where, "its chunk key separator is '" + separator + "', not '.' or '/'");
                }
            }
            JsonElement transformers = o.get("storage_transformers");
            if (transformers != null && transformers.isJsonArray() && !transformers.getAsJsonArray().isEmpty()) {
                throw ZarrV2Metadata.bad(where, "it has storage transformers " + transformers + ", which this program "
                        + "does not apply");
            }
            JsonArray codecs = o.has("codecs") && o.get("codecs").isJsonArray() ? o.getAsJsonArray("codecs") : null;
            if (codecs == null || codecs.isEmpty()) {
                throw ZarrV2Metadata.bad(where, "it lists no codecs (a v3 array needs at least 'bytes')");
            }
            JsonObject attributes = o.has("attributes") && o.get("attributes").isJsonObject() ? o.getAsJsonObject("attributes")
                    : new JsonObject();
            return new ZarrV3Metadata(shape, chunks, type, ZarrV2Metadata.fill(o.get("fill_value"), type), prefix, separator,
                    codecs, attributes);
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceFirst("^[\\w.]+Exception: ", "");
            throw ZarrV2Metadata.bad(where, "it is not the JSON of a Zarr v3 array (" + why + ")");
        }
    }

    /** The type a v3 data_type names ("uint8", "float32" ...), or null for one not read here (bool, float16 ...). */
    private static DataType dataType(String name) {
        for (DataType t : DataType.values()) {
            if (t.label().equals(name.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }

    /** The key of the chunk at grid position {@code g}: "c/0/1/2" (default encoding) or "0.1.2" (v2 encoding). */
    public String chunkKey(int[] g) {
        StringBuilder b = new StringBuilder(keyPrefix);
        for (int a = 0; a < g.length; a++) {
            if (a > 0 || !keyPrefix.isEmpty()) {
                b.append(separator);
            }
            b.append(g[a]);
        }
        return b.length() == 0 ? "0" : b.toString();
    }

    /** The {@code zarr.json} text. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("zarr_format", 3);
        o.addProperty("node_type", "array");
        o.add("shape", ints(shape));
        o.addProperty("data_type", type.label());
        JsonObject grid = new JsonObject();
        grid.addProperty("name", "regular");
        JsonObject gridConf = new JsonObject();
        gridConf.add("chunk_shape", ints(chunks));
        grid.add("configuration", gridConf);
        o.add("chunk_grid", grid);
        JsonObject keys = new JsonObject();
        keys.addProperty("name", keyPrefix.isEmpty() ? "v2" : "default");
        JsonObject keyConf = new JsonObject();
        keyConf.addProperty("separator", separator);
        keys.add("configuration", keyConf);
        o.add("chunk_key_encoding", keys);
        o.add("fill_value", ZarrV2Metadata.fillJson(fill, type));
        o.add("codecs", codecs);
        o.add("attributes", attributes);
        o.add("storage_transformers", new JsonArray());
        return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }

    static JsonArray ints(int[] values) {
        JsonArray a = new JsonArray();
        Arrays.stream(values).forEach(a::add);
        return a;
    }
}
