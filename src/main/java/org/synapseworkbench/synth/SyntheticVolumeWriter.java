package org.synapseworkbench.synth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Writer;

/**
 * Saves a generated volume in the CREMI layout (one file) or the PyTC layout (one file per volume, each holding
 * a single dataset named {@code main}).
 */
public final class SyntheticVolumeWriter {
    /** The dataset name used in PyTC-layout files. */
    public static final String PYTC_DATASET = "main";

    private SyntheticVolumeWriter() {
    }

    /**
     * One CREMI file: {@code volumes/raw} (uint8), {@code volumes/labels/clefts} (uint64, no-cleft as
     * 0xFFFFFFFFFFFFFFFF), {@code volumes/labels/neuron_ids} (uint64) and, beyond CREMI,
     * {@code volumes/labels/polarity} (uint64, 0 background), each with resolution and offset attributes.
     */
    public static void writeCremi(SyntheticVolume v, Path file) {
        new Hdf5Writer()
                .dataset(Cremi.RAW, v.image(), attributes())
                .dataset(Cremi.CLEFTS, toUint64(v.clefts(), Cremi.NO_CLEFT), attributes())
                .dataset(Cremi.NEURON_IDS, toUint64(v.neurons(), 0), attributes())
                .dataset(Cremi.POLARITY, toUint64(v.polarity(), 0), attributes())
                .write(file);
    }

    /** The three PyTC-layout files beside {@code file}; see {@link #pytcPaths}. */
    public static List<Path> writePytc(SyntheticVolume v, Path file) {
        List<Path> paths = pytcPaths(file);
        new Hdf5Writer().dataset(PYTC_DATASET, v.image(), attributes()).write(paths.get(0));
        new Hdf5Writer().dataset(PYTC_DATASET, v.clefts(), attributes()).write(paths.get(1));
        new Hdf5Writer().dataset(PYTC_DATASET, v.polarity(), attributes()).write(paths.get(2));
        return paths;
    }

    /**
     * For {@code dir/NAME.h5}: {@code dir/NAME-image.h5} (uint8), {@code dir/NAME-clefts.h5} (uint32 cleft ids,
     * 0 background) and {@code dir/NAME-polarity.h5} (uint32, pre 2k-1 and post 2k).
     */
    public static List<Path> pytcPaths(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return List.of(file.resolveSibling(stem + "-image.h5"), file.resolveSibling(stem + "-clefts.h5"),
                file.resolveSibling(stem + "-polarity.h5"));
    }

    /** Whether the CREMI file and its three PyTC-layout files all exist (as both layouts write them). */
    public static boolean bothLayoutsExist(Path file) {
        return Files.exists(file) && pytcPaths(file).stream().allMatch(Files::exists);
    }

    private static Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("resolution", SynthParams.RESOLUTION.clone());
        a.put("offset", new double[] {0, 0, 0});
        return a;
    }

    /** Widens a uint32 label block to uint64, writing {@code background} where the label is 0. */
    static Block toUint64(Block labels, long background) {
        int[] src = (int[]) labels.data();
        long[] out = new long[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = src[i] == 0 ? background : src[i] & 0xFFFFFFFFL;
        }
        return Block.wrap(DataType.UINT64, out, labels.shape());
    }
}
