package org.synapseworkbench.volume;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A volume as a user names it: an HDF5 {@code FILE} or {@code FILE:DATASET}; a Zarr or N5 store as
 * {@code path.zarr}, {@code path.zarr/group/array} or {@code path.zarr:group/array} (and {@code .n5} alike). The
 * file is the HDF5 file or the store's folder; the dataset the path inside it, or null when not named.
 */
public record VolumeSpec(Path file, String dataset) {
    /** As {@link #parse(String, Path)} from the working folder. */
    public static VolumeSpec parse(String text) {
        return parse(text, Path.of(""));
    }

    /**
     * Splits a name relative to {@code base} (the file in the result includes the base): at the store's folder when a
     * part of the path ends in .zarr or .n5, else at the last ':' that leaves an existing file on its left; a plain
     * path names a file alone.
     */
    public static VolumeSpec parse(String text, Path base) {
        VolumeSpec inStore = inStore(text, base);
        if (inStore != null) {
            return inStore;
        }
        Path whole = base.resolve(text);
        if (Files.exists(whole)) {
            return new VolumeSpec(whole, null);
        }
        int colon = text.lastIndexOf(':');
        while (colon > 0) {
            Path left = base.resolve(text.substring(0, colon));
            if (Files.exists(left)) {
                String ds = text.substring(colon + 1);
                return new VolumeSpec(left, ds.isEmpty() ? null : ds);
            }
            colon = text.lastIndexOf(':', colon - 1);
        }
        return new VolumeSpec(whole, null);
    }

    /**
     * A volume to write, which need not exist yet: a store's path as in {@link #parse(String)}, else {@code FILE:DATASET}
     * split at the last ':' after an HDF5 name (.h5, .hdf5, .hdf) or an existing file.
     */
    public static VolumeSpec parseOutput(String text) {
        VolumeSpec inStore = inStore(text, Path.of(""));
        if (inStore != null) {
            return inStore;
        }
        int colon = text.lastIndexOf(':');
        while (colon > 0) {
            String left = text.substring(0, colon).toLowerCase(Locale.ROOT);
            if (left.endsWith(".h5") || left.endsWith(".hdf5") || left.endsWith(".hdf") || Files.isRegularFile(Path.of(left))) {
                String ds = text.substring(colon + 1);
                return new VolumeSpec(Path.of(text.substring(0, colon)), ds.isEmpty() ? null : ds);
            }
            colon = text.lastIndexOf(':', colon - 1);
        }
        return new VolumeSpec(Path.of(text), null);
    }

    /** The store and the path inside it, when a part of {@code text} names a .zarr or .n5 folder; else null. */
    private static VolumeSpec inStore(String text, Path base) {
        String path = text;
        String inside = null;
        int colon = text.lastIndexOf(':');
        if (colon > 0 && hasStore(base.resolve(text.substring(0, colon)))) {
            path = text.substring(0, colon);
            inside = text.substring(colon + 1);
        }
        Path whole = base.resolve(path);
        Path root = null;
        for (int i = 0; i < whole.getNameCount() && root == null; i++) {
            if (isStoreName(whole.getName(i).toString())) {
                Path prefix = whole.getRoot() == null ? whole.subpath(0, i + 1) : whole.getRoot().resolve(whole.subpath(0, i + 1));
                root = prefix;
            }
        }
        if (root == null) {
            return null;
        }
        String rest = root.relativize(whole).toString().replace('\\', '/');
        String dataset = inside != null ? join(rest, inside) : rest;
        while (dataset.startsWith("/")) {
            dataset = dataset.substring(1);
        }
        return new VolumeSpec(root, dataset.isEmpty() ? null : dataset);
    }

    private static boolean hasStore(Path p) {
        for (int i = 0; i < p.getNameCount(); i++) {
            if (isStoreName(p.getName(i).toString())) {
                return true;
            }
        }
        return false;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
    }

    /** Whether a name ends in .zarr or .n5 (a store's folder). */
    public static boolean isStoreName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        while (n.endsWith("/") || n.endsWith("\\")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.endsWith(".zarr") || n.endsWith(".n5");
    }

    /** {@code FILE:DATASET}, or {@code STORE/ARRAY} for a store's folder. */
    @Override
    public String toString() {
        return dataset == null ? file.toString() : file + (Files.isDirectory(file) ? "/" : ":") + dataset;
    }
}
