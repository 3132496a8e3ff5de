package org.synapseworkbench.volume;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.synapseworkbench.volume.n5.N5Store;
import org.synapseworkbench.volume.n5.N5Volume;
import org.synapseworkbench.volume.zarr.OmeMultiscales;
import org.synapseworkbench.volume.zarr.ZarrStore;
import org.synapseworkbench.volume.zarr.ZarrVolume;
import org.synapseworkbench.work.UserException;

/**
 * Volumes whatever their format: an HDF5 file, or a Zarr or N5 store's folder. Lists the datasets in one, chooses the one
 * meant (named, else preferred, else the only one), and opens it.
 */
public final class VolumeFiles {
    private VolumeFiles() {
    }

    /** Opens {@code FILE[:DATASET]}, {@code path.zarr[/ARRAY]} or {@code path.zarr:ARRAY}, with the shared cache. */
    public static ChunkedVolume open(String spec, String... preferred) {
        return open(VolumeSpec.parse(spec), preferred);
    }

    public static ChunkedVolume open(VolumeSpec spec, String... preferred) {
        return open(spec.file(), spec.dataset(), ChunkCache.shared(), preferred);
    }

    /** Opens dataset {@code dataset} (null: the preferred or only one) of an HDF5 file or a Zarr store. */
    public static ChunkedVolume open(Path file, String dataset, ChunkCache cache, String... preferred) {
        if (!Files.isDirectory(file)) {
            return Hdf5Volume.open(file, dataset, cache, preferred);
        }
        if (N5Store.isN5(file)) {
            return N5Volume.open(file, choose(file, N5Store.datasets(file), dataset, preferred), cache);
        }
        if (!ZarrStore.isZarr(file)) {
            throw new UserException("'" + file + "' is a folder but neither a Zarr store (it has no zarr.json, .zgroup, .zarray "
                    + "or .zattrs) nor an N5 store (no attributes.json); give an HDF5 file or a store's folder.");
        }
        Path group = dataset == null ? file : file.resolve(dataset);
        OmeMultiscales image = ZarrStore.isArray(group) ? null : OmeMultiscales.of(group);
        if (image != null && !image.levels().isEmpty()) { // an OME-Zarr image: its finest level
            dataset = (dataset == null || dataset.isEmpty() ? "" : dataset + "/") + image.levels().get(0);
        }
        return ZarrVolume.open(file, choose(file, ZarrStore.arrays(file), dataset, preferred), cache);
    }

    /** The datasets (HDF5, N5) or arrays (Zarr) in a file or store, depth first. */
    public static List<String> datasetPaths(Path file) {
        if (!Files.isDirectory(file)) {
            return Hdf5Files.datasetPaths(file);
        }
        return N5Store.isN5(file) ? N5Store.datasets(file) : ZarrStore.arrays(file);
    }

    /**
     * The dataset to use among {@code all} of {@code file}: the one named, else the first of {@code preferred} there,
     * else the only one; none, or several and none preferred, is an error that lists them.
     */
    public static String choose(Path file, List<String> all, String named, String... preferred) {
        if (named != null) {
            String n = named.startsWith("/") ? named.substring(1) : named;
            if (all.contains(n)) {
                return n;
            }
            throw new UserException("'" + file + "' has no dataset '" + n + "'; it has: " + listing(all) + ".");
        }
        String plain = plainChoice(file, all, preferred);
        if (plain != null) {
            return plain;
        }
        throw new UserException("'" + file + "' holds several datasets (" + listing(all) + "); name one as '" + file
                + (Files.isDirectory(file) ? "/DATASET'." : ":DATASET'."));
    }

    /**
     * The first of {@code preferred} among a file's datasets {@code all}, else its only one, else null (the caller
     * asks, or names them); a file without datasets is an error.
     */
    public static String plainChoice(Path file, List<String> all, String... preferred) {
        for (String p : preferred) {
            if (all.contains(p)) {
                return p;
            }
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw new UserException("'" + file + "' holds no dataset; choose one with an image or label volume.");
        }
        return null;
    }

    private static String listing(List<String> all) {
        if (all.isEmpty()) {
            return "none";
        }
        List<String> shown = all.size() > 12 ? all.subList(0, 12) : all;
        return String.join(", ", shown.stream().map(s -> s.isEmpty() ? "(the store itself)" : s).toList())
                + (all.size() > 12 ? ", ... (" + all.size() + " in all)" : "");
    }
}
