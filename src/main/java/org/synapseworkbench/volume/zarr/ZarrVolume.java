package org.synapseworkbench.volume.zarr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.StoreArray;
import org.synapseworkbench.volume.codec.CodecException;
import org.synapseworkbench.work.UserException;

/**
 * A Zarr array (v2 or v3, {@link ZarrChunks}) read lazily, a chunk at a time through the chunk cache
 * ({@link ChunkedVolume}); missing chunks are the fill value. An array of five or more axes whose leading axes hold
 * one index each (OME-Zarr's t, c, z, y, x) is read as the volume of its last three or four. The voxel size is the
 * array's {@code resolution} attribute (z, y, x in nm, as CREMI-style and Paintera's tools write it), else its level's
 * scale in an OME-Zarr image ({@link OmeMultiscales}), else CREMI's.
 */
public final class ZarrVolume extends StoreArray {
    private final ZarrChunks chunks;
    /** Leading axes of one index, not shown. */
    private final int dropped;

    private ZarrVolume(Path store, String dataset, ZarrChunks chunks, ChunkCache cache) {
        this(store, dataset, chunks, squeezed(store.resolve(dataset), chunks.shape), cache);
    }

    private ZarrVolume(Path store, String dataset, ZarrChunks chunks, int dropped, ChunkCache cache) {
        super(store, dataset, chunks.type, Arrays.copyOfRange(chunks.shape, dropped, chunks.shape.length),
                Arrays.copyOfRange(chunks.chunk, dropped, chunks.chunk.length), cache);
        this.chunks = chunks;
        this.dropped = dropped;
        JsonObject attrs = attributes(folder);
        double[] res = triple(attrs, "resolution");
        double[] off = triple(attrs, "offset");
        OmeMultiscales ome = res == null && folder.getParent() != null ? OmeMultiscales.of(folder.getParent()) : null;
        double[][] level = ome == null ? null : ome.of(folder.getFileName().toString());
        if (level != null) { // a level of an OME-Zarr image: its scale and translation, in nm
            res = level[0];
            off = level[1];
        }
        placeVoxels(res, off);
    }

    @Override
    public String textAttribute(String name) {
        JsonElement e = attributes(folder).get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    /** The leading axes of one index to drop from an array of 5 or more axes; a shape that is no volume is refused. */
    private static int squeezed(Path array, int[] shape) {
        int drop = 0;
        while (shape.length - drop > 3 && shape.length >= 5 && shape[drop] == 1) {
            drop++;
        }
        int rank = shape.length - drop;
        if (rank != 3 && rank != 4) {
            throw new UserException("Zarr array '" + array + "' has " + shape.length + " dimensions " + Arrays.toString(shape)
                    + "; a volume needs 3 (z, y, x) or 4 (channel, z, y, x), after leading axes of size 1.");
        }
        return drop;
    }

    /** Opens the Zarr array in folder {@code array}, with the shared chunk cache. */
    public static ZarrVolume open(Path array) {
        return open(array, ChunkCache.shared());
    }

    /** Opens the Zarr array in folder {@code array}: its store is the outermost folder above ending in .zarr. */
    public static ZarrVolume open(Path array, ChunkCache cache) {
        Path abs = array.toAbsolutePath().normalize();
        Path store = abs;
        for (int i = 0; i < abs.getNameCount(); i++) {
            if (abs.getName(i).toString().endsWith(".zarr")) {
                store = abs.getRoot().resolve(abs.subpath(0, i + 1));
                break;
            }
        }
        return open(store, store.relativize(abs).toString().replace('\\', '/'), cache);
    }

    /** Opens array {@code dataset} ("" for the store itself) of the store in folder {@code store}. */
    public static ZarrVolume open(Path store, String dataset, ChunkCache cache) {
        Path array = folderOf(store, dataset);
        if (!Files.isDirectory(array)) {
            throw new UserException("'" + array + "' does not exist or is not a folder; name a Zarr array's folder.");
        }
        return new ZarrVolume(store, dataset, ZarrChunks.of(array), cache);
    }

    /** The attributes of an array or group: those in its {@code zarr.json} (v3), else its {@code .zattrs}, else none. */
    static JsonObject attributes(Path folder) {
        if (Files.exists(folder.resolve("zarr.json"))) {
            JsonObject node = ZarrV3Metadata.node(folder);
            if (node == null) {
                throw new UserException("'" + folder.resolve("zarr.json") + "' is not readable JSON; fix or delete it.");
            }
            return node.has("attributes") && node.get("attributes").isJsonObject() ? node.getAsJsonObject("attributes")
                    : new JsonObject();
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(folder.resolve(".zattrs")));
            return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
        } catch (NoSuchFileException e) {
            return new JsonObject();
        } catch (IOException | RuntimeException e) {
            throw new UserException("'" + folder.resolve(".zattrs") + "' is not readable JSON (" + e.getMessage()
                    + "); fix or delete it.");
        }
    }

    private static double[] triple(JsonObject attrs, String key) {
        JsonElement e = attrs.get(key);
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() != 3) {
            return null;
        }
        JsonArray a = e.getAsJsonArray();
        try {
            return new double[] {a.get(0).getAsDouble(), a.get(1).getAsDouble(), a.get(2).getAsDouble()};
        } catch (RuntimeException notNumbers) {
            return null;
        }
    }

    /** The other levels of the OME-Zarr image this is the finest level of, opened when first asked for. */
    private java.util.List<Level> coarser;

    /**
     * The coarser levels of the OME-Zarr image whose finest level this is (none otherwise), each with its factors
     * along z, y and x (the ratio of the shapes), opened with this volume's cache and closed with it.
     */
    @Override
    public synchronized java.util.List<Level> coarser() {
        if (coarser != null) {
            return coarser;
        }
        coarser = new ArrayList<>();
        OmeMultiscales ome = folder.getParent() == null ? null : OmeMultiscales.of(folder.getParent());
        if (ome == null || ome.levels().isEmpty() || !ome.levels().get(0).equals(folder.getFileName().toString())) {
            return coarser;
        }
        String group = dataset.contains("/") ? dataset.substring(0, dataset.lastIndexOf('/') + 1) : "";
        for (String path : ome.levels().subList(1, ome.levels().size())) {
            try {
                ZarrVolume level = open(store, group + path, cache);
                int[] f = new int[3];
                int[] s0 = spatialShape();
                int[] sk = level.spatialShape();
                for (int a = 0; a < 3; a++) {
                    f[a] = Math.max(1, (int) Math.round((double) s0[a] / Math.max(1, sk[a])));
                }
                if (level.rank() == rank() && level.type() == type) {
                    coarser.add(new Level(level, f));
                } else {
                    level.close();
                }
            } catch (UserException e) {
                break; // a level missing or damaged: the finer ones serve
            }
        }
        return coarser;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (coarser != null) {
                coarser.forEach(l -> ((ZarrVolume) l.volume()).close());
            }
        }
        super.close();
    }

    @Override
    public String storage() {
        return chunks.describe();
    }

    /** The sizes of the chunk files (the array's folder walked). */
    @Override
    public long storedBytes() {
        return bytesIn(folder, f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().equals("zarr.json"));
    }

    @Override
    protected Block loadChunk(int[] g) {
        int[] at = g;
        if (dropped > 0) {
            at = new int[g.length + dropped];
            System.arraycopy(g, 0, at, dropped, g.length);
        }
        Block b;
        try {
            b = chunks.load(folder, at);
        } catch (IOException e) {
            throw new UserException("Chunk '" + chunks.file(folder, at) + "' cannot be read (" + e.getMessage()
                    + "); check the disk and the store.", e);
        } catch (CodecException | IllegalArgumentException e) {
            throw new UserException("Chunk '" + chunks.file(folder, at) + "' of " + name() + " cannot be decoded ("
                    + chunks.describe() + "): " + e.getMessage() + "; write the array again, or delete the chunk to read it "
                    + "as the fill value.", e);
        }
        if (b == null) {
            b = chunks.filled();
        }
        return dropped > 0 ? b.leading(chunk) : b;
    }
}
