package org.synapseworkbench.volume.zarr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.synapseworkbench.volume.StoreListing;

/** A Zarr store's folder: the arrays in it. */
public final class ZarrStore {
    private ZarrStore() {
    }

    /** Whether a folder is a Zarr store, group or array (v2: it has .zgroup, .zarray or .zattrs; v3: zarr.json). */
    public static boolean isZarr(Path folder) {
        return Files.exists(folder.resolve(".zarray")) || Files.exists(folder.resolve(".zgroup"))
                || Files.exists(folder.resolve(".zattrs")) || Files.exists(folder.resolve("zarr.json"));
    }

    /** Whether a folder is a Zarr array (v2 or v3). */
    public static boolean isArray(Path folder) {
        return Files.exists(folder.resolve(".zarray")) || ZarrV3Metadata.isArray(folder);
    }

    /**
     * The paths of the arrays in a store, relative to it with '/' (the store itself, when it is an array, as ""),
     * depth first in name order; the chunks of an array are not looked into.
     */
    public static List<String> arrays(Path store) {
        return StoreListing.arrays(store, ZarrStore::isArray);
    }
}
