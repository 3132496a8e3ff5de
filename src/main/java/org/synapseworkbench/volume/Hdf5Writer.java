package org.synapseworkbench.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

import org.synapseworkbench.work.AtomicFiles;
import org.synapseworkbench.work.UserException;

/**
 * Writes blocks as chunked, shuffled, gzip-compressed datasets (unsigned types marked unsigned) with attributes,
 * into a temporary file beside the target that is renamed into place once complete: a crash or a full disk
 * never leaves a half-written file where a good one was.
 */
public final class Hdf5Writer {
    /** gzip level: h5py's default, a good balance of speed and size for EM. */
    public static final int GZIP_LEVEL = 4;

    private record Entry(String path, Block block, int[] chunk, Map<String, Object> attributes) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a dataset with the default chunking and no attributes. */
    public Hdf5Writer dataset(String path, Block block) {
        return dataset(path, block, defaultChunk(block.shape()), Map.of());
    }

    /** Adds a dataset with the default chunking. */
    public Hdf5Writer dataset(String path, Block block, Map<String, Object> attributes) {
        return dataset(path, block, defaultChunk(block.shape()), attributes);
    }

    /**
     * Adds a dataset. Attribute values are numbers, strings or primitive arrays (e.g. {@code double[]} for
     * {@code resolution}).
     */
    public Hdf5Writer dataset(String path, Block block, int[] chunk, Map<String, Object> attributes) {
        if (chunk.length != block.rank()) {
            throw new IllegalArgumentException("chunk " + Arrays.toString(chunk) + " does not match rank of " + block);
        }
        int[] c = chunk.clone();
        for (int a = 0; a < c.length; a++) {
            c[a] = Math.max(1, Math.min(c[a], block.dim(a)));
        }
        for (Entry e : entries) {
            if (e.path.equals(path)) {
                throw new IllegalArgumentException("dataset " + path + " added twice");
            }
        }
        entries.add(new Entry(path.startsWith("/") ? path.substring(1) : path, block, c, new LinkedHashMap<>(attributes)));
        return this;
    }

    /** A chunk of up to 8 sections of 128 x 128 voxels (one channel at a time for 4-d data). */
    public static int[] defaultChunk(int[] shape) {
        int[] c = new int[shape.length];
        int r = shape.length;
        for (int a = 0; a < r; a++) {
            int want = a == r - 1 || a == r - 2 ? 128 : a == r - 3 ? 8 : 1;
            c[a] = Math.max(1, Math.min(want, shape[a]));
        }
        return c;
    }

    /** Writes all datasets to {@code target}, atomically. */
    public void write(Path target) {
        Path tmp = null;
        try {
            tmp = AtomicFiles.temporaryBeside(target);
            try (WritableHdfFile out = HdfFile.write(tmp)) {
                Map<String, WritableGroup> groups = new HashMap<>();
                for (Entry e : entries) {
                    WritableGroup parent = out;
                    String[] parts = e.path.split("/");
                    StringBuilder sofar = new StringBuilder();
                    for (int i = 0; i < parts.length - 1; i++) {
                        sofar.append(parts[i]).append('/');
                        WritableGroup p = parent;
                        String name = parts[i];
                        parent = groups.computeIfAbsent(sofar.toString(), k -> p.putGroup(name));
                    }
                    DatasetCreationOptions.Builder opts = DatasetCreationOptions.builder()
                            .chunkDimensions(e.chunk).shuffle().deflate(GZIP_LEVEL);
                    if (e.block.type().isInteger() && !e.block.type().isSigned()) {
                        opts.unsigned();
                    }
                    WritableDataset ds = parent.putDataset(parts[parts.length - 1], e.block.toNested(), opts.build());
                    for (Map.Entry<String, Object> a : e.attributes.entrySet()) {
                        ds.putAttribute(a.getKey(), a.getValue());
                    }
                }
            }
            AtomicFiles.moveIntoPlace(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new UserException("Could not write '" + target + "' (" + e.getMessage() + "); check that the folder "
                    + "exists, is writable and the disk has space.", e);
        } catch (RuntimeException e) {
            if (e instanceof UserException) {
                throw e;
            }
            throw new UserException("Could not write '" + target + "' (" + e.getMessage() + "); the previous file, if any, "
                    + "is unchanged.", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and named after the target; nothing is lost
                }
            }
        }
    }
}
