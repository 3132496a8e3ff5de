package org.synapseworkbench.volume.n5;

import java.io.IOException;
import java.nio.ByteBuffer;
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
 * Writes an N5 dataset block by block as N5's Java library does: {@code attributes.json} (axes x first, the
 * compression, Paintera's {@code resolution}), the store's root attributes with the N5 version, then each block (edge
 * blocks cut to the volume) through a temporary file renamed into place.
 */
public final class N5Writer extends ChunkWriter {
    /** The N5 format version written in the store's root attributes. */
    public static final String VERSION = "2.5.1";
    private final Path folder;
    private final Codec codec;

    private N5Writer(Path folder, int[] shape, int[] blockSize, DataType type, Codec codec) {
        super(shape, blockSize, type);
        this.folder = folder;
        this.codec = codec;
    }

    /**
     * Creates (or replaces the attributes of) a dataset; {@code compression} as N5 writes it, e.g. {@code {"type":
     * "gzip", "level": 6}}; {@code resolution} (z, y, x) in nm, or null.
     */
    public static N5Writer create(Path folder, int[] shape, int[] blockSize, DataType type, JsonObject compression,
            double[] resolution) {
        JsonObject a = new JsonObject();
        a.add("dimensions", array(N5Metadata.reversed(shape)));
        a.add("blockSize", array(N5Metadata.reversed(blockSize)));
        a.addProperty("dataType", N5Metadata.typeName(type));
        a.add("compression", compression);
        if (resolution != null) {
            JsonArray r = new JsonArray();
            for (double v : N5Metadata.reversed(resolution)) {
                r.add(v);
            }
            a.add("resolution", r);
        }
        try {
            Files.createDirectories(folder);
            AtomicFiles.removeStale(folder);
            root(folder);
            AtomicFiles.writeString(folder.resolve("attributes.json"), a + "\n");
        } catch (IOException e) {
            throw new UserException("Cannot write the N5 dataset '" + folder + "' (" + e.getMessage() + "); check that the "
                    + "folder is writable and the disk has room.", e);
        }
        return new N5Writer(folder, shape, blockSize, type, N5Metadata.codec(compression, type.bytes()));
    }

    /**
     * A writer of the blocks of an existing dataset, as its attributes describe it (nothing is written now): for
     * tasks that each write their own blocks of a dataset made before.
     */
    public static N5Writer open(Path folder) {
        N5Metadata m = N5Metadata.read(folder);
        return new N5Writer(folder, m.shape(), m.blockSize(), m.type(), m.codec());
    }

    /** Adds or replaces the string attribute {@code name} in a dataset's {@code attributes.json} (rewritten whole). */
    public static void putAttribute(Path folder, String name, String value) {
        JsonObject a = N5Metadata.attributes(folder);
        a.addProperty(name, value);
        try {
            AtomicFiles.writeString(folder.resolve("attributes.json"), a + "\n");
        } catch (IOException e) {
            throw new UserException("Cannot write the attributes of the N5 dataset '" + folder + "' (" + e.getMessage()
                    + "); check that the folder is writable and the disk has room.", e);
        }
    }

    /** The store's root (the folder ending in .n5 above, else the dataset's parent) says its N5 version. */
    private static void root(Path folder) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        Path root = abs.getParent();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".n5")) {
                root = p;
            }
        }
        if (root != null && !root.equals(abs) && !Files.exists(root.resolve("attributes.json"))) {
            AtomicFiles.writeString(root.resolve("attributes.json"), "{\"n5\":\"" + VERSION + "\"}\n");
        }
    }

    private static JsonArray array(int[] values) {
        JsonArray a = new JsonArray();
        Arrays.stream(values).forEach(a::add);
        return a;
    }

    /** {@code {"type": "gzip", "level": level}} and the like, for raw, gzip, bzip2, xz, lz4 and blosc (lz4 inside). */
    public static JsonObject compression(String type, int level) {
        JsonObject c = new JsonObject();
        c.addProperty("type", type);
        switch (type) {
            case "gzip" -> {
                c.addProperty("level", level);
                c.addProperty("useZlib", false);
            }
            case "bzip2" -> c.addProperty("blockSize", Math.max(1, Math.min(9, level)));
            case "xz" -> c.addProperty("preset", level);
            case "lz4" -> c.addProperty("blockSize", 65536);
            case "blosc" -> {
                c.addProperty("cname", "lz4");
                c.addProperty("clevel", level);
                c.addProperty("shuffle", 1);
                c.addProperty("blocksize", 0);
            }
            case "raw" -> { }
            default -> throw new IllegalArgumentException("no N5 compression '" + type + "'");
        }
        return c;
    }

    /** Writes a block: a mode-0 header with the block's own size (x first), then its big-endian elements compressed. */
    @Override
    public void writeChunk(int[] g, Block data) {
        checkType(data);
        int[] size = data.shape();
        byte[] packed = codec.encode(data.encode(ByteOrder.BIG_ENDIAN));
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * size.length + packed.length).order(ByteOrder.BIG_ENDIAN);
        b.putShort((short) 0).putShort((short) size.length);
        for (int a = size.length - 1; a >= 0; a--) {
            b.putInt(size[a]);
        }
        b.put(packed);
        Path file = N5Volume.blockPath(folder, g);
        try {
            AtomicFiles.writeBytes(file, b.array(), false);
        } catch (IOException e) {
            throw new UserException("Cannot write block '" + file + "' (" + e.getMessage() + "); check that the disk has room.", e);
        }
    }
}
