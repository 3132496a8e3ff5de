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
import org.synapseworkbench.volume.codec.Codec;
import org.synapseworkbench.volume.codec.CodecException;
import org.synapseworkbench.work.UserException;

/**
 * A Zarr v2 array read lazily, a chunk file at a time through the chunk cache ({@link ChunkedVolume}): any compressor
 * of {@link Numcodecs}, C or F chunk layout, either byte order, missing chunks as the fill value. The voxel size is
 * the array's {@code resolution} attribute (z, y, x in nm, as CREMI-style and Paintera's tools write it), else its
 * level's scale in an OME-Zarr image ({@link OmeMultiscales}), else CREMI's.
 */
public final class ZarrVolume extends StoreArray {
    private final ZarrV2Metadata meta;
    private final Codec codec;

    private ZarrVolume(Path store, String dataset, ZarrV2Metadata meta, ChunkCache cache) {
        super(store, dataset, meta.type(), meta.shape(), meta.chunks(), cache);
        if (meta.shape().length != 3 && meta.shape().length != 4) {
            throw new UserException("Zarr array '" + store.resolve(dataset) + "' has " + meta.shape().length + " dimensions "
                    + Arrays.toString(meta.shape()) + "; a volume needs 3 (z, y, x) or 4 (channel, z, y, x).");
        }
        this.meta = meta;
        this.codec = meta.codec();
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

    /** Opens the Zarr v2 array in folder {@code array}, with the shared chunk cache. */
    public static ZarrVolume open(Path array) {
        return open(array, ChunkCache.shared());
    }

    /** Opens the Zarr v2 array in folder {@code array}: its store is the outermost folder above ending in .zarr. */
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
        return new ZarrVolume(store, dataset, ZarrV2Metadata.read(array), cache);
    }

    /** The array's {@code .zattrs}, or an empty object. */
    static JsonObject attributes(Path folder) {
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
        return "Zarr v2, chunks " + Arrays.toString(chunk) + ", " + codec.describe() + (meta.fortranOrder() ? ", F order" : "");
    }

    /** The sizes of the chunk files (the array's folder walked). */
    @Override
    public long storedBytes() {
        return bytesIn(folder, f -> !f.getFileName().toString().startsWith("."));
    }

    @Override
    protected Block loadChunk(int[] g) {
        Path file = folder.resolve(meta.chunkKey(g));
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return filled();
        } catch (IOException e) {
            throw new UserException("Chunk '" + file + "' cannot be read (" + e.getMessage() + "); check the disk and the store.", e);
        }
        int bytes = (int) Block.elementCount(chunk) * type.bytes();
        byte[] raw;
        try {
            raw = codec.decode(stored, bytes);
        } catch (CodecException e) {
            throw new UserException("Chunk '" + file + "' of " + name() + " cannot be decoded as " + codec.describe() + ": "
                    + e.getMessage() + "; write the array again, or delete the chunk to read it as the fill value.", e);
        }
        if (!meta.fortranOrder()) {
            return Block.decode(type, meta.order(), raw, chunk);
        }
        int[] reversed = new int[chunk.length];
        for (int a = 0; a < chunk.length; a++) {
            reversed[a] = chunk[chunk.length - 1 - a];
        }
        return transposed(Block.decode(type, meta.order(), raw, reversed));
    }

    /** A block with its axes in reverse order (F-ordered chunk bytes, read as C, made C again). */
    private Block transposed(Block f) {
        Block c = Block.zeros(type, chunk);
        int r = chunk.length;
        int[] fStride = new int[r];
        fStride[0] = 1;
        for (int a = 1; a < r; a++) {
            fStride[a] = fStride[a - 1] * chunk[a - 1]; // position (i0..ir) at sum i_a * fStride[a] in F order
        }
        int[] idx = new int[r];
        for (int i = 0; i < c.size(); i++) {
            int at = 0;
            for (int a = 0; a < r; a++) {
                at += idx[a] * fStride[a];
            }
            if (type.isFloating()) {
                c.setDouble(i, f.getDouble(at));
            } else {
                c.setLong(i, f.getLong(at));
            }
            for (int a = r - 1; a >= 0 && ++idx[a] == chunk[a]; a--) {
                idx[a] = 0;
            }
        }
        return c;
    }

    private Block filled() {
        Block b = Block.zeros(type, chunk);
        Number f = meta.fill();
        if (type.isFloating() && f.doubleValue() != 0 || Double.isNaN(f.doubleValue())) {
            for (int i = 0; i < b.size(); i++) {
                b.setDouble(i, f.doubleValue());
            }
        } else if (!type.isFloating() && f.longValue() != 0) {
            b.fill(f.longValue());
        }
        return b;
    }
}
