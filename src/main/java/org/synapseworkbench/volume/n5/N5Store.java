package org.synapseworkbench.volume.n5;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.synapseworkbench.volume.StoreListing;

/** An N5 store's folder: the datasets in it. */
public final class N5Store {
    private N5Store() {
    }

    /** Whether a folder is an N5 store, group or dataset: its attributes.json names the N5 version or a dataset. */
    public static boolean isN5(Path folder) {
        if (!Files.exists(folder.resolve("attributes.json"))) {
            return false;
        }
        var a = N5Metadata.attributes(folder);
        return a.has("n5") || N5Metadata.isDataset(a) || folder.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".n5");
    }

    /**
     * The paths of the datasets in a store, relative to it with '/' (the store itself, when it is a dataset, as ""),
     * depth first in name order; the blocks of a dataset are not looked into.
     */
    public static List<String> datasets(Path store) {
        return StoreListing.arrays(store, f -> N5Metadata.isDataset(N5Metadata.attributes(f)));
    }
}
