package org.synapseworkbench.volume;

import java.nio.file.Path;

/**
 * A chunked volume kept as a folder inside a store of folders (Zarr, N5): the store, the array's path in it ("" when
 * the store is the array), and its folder; named "store.zarr/path" in messages.
 */
public abstract class StoreArray extends ChunkedVolume {
    /** The store's folder. */
    protected final Path store;
    /** The array's path inside the store, with '/'. */
    protected final String dataset;
    /** The array's folder. */
    protected final Path folder;

    protected StoreArray(Path store, String dataset, DataType type, int[] shape, int[] chunk, ChunkCache cache) {
        super(type, shape, chunk, cache);
        this.store = store;
        this.dataset = dataset;
        this.folder = folderOf(store, dataset);
    }

    /** The folder of array {@code dataset} ("" for the store itself) of a store. */
    protected static Path folderOf(Path store, String dataset) {
        return dataset.isEmpty() ? store : store.resolve(dataset);
    }

    @Override
    public Path file() {
        return store;
    }

    @Override
    public String datasetPath() {
        return dataset;
    }

    @Override
    public String name() {
        return store.getFileName() + (dataset.isEmpty() ? "" : "/" + dataset);
    }
}
