package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.post.CleftInstances;
import org.synapseworkbench.post.Components;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.MemoryBudget;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Steps;
import org.synapseworkbench.work.UserException;

/** {@code postprocess}: probability maps into cleft instances or polarity synapses (pre 2n-1, post 2n). */
@Command(name = "postprocess", header = "Turn a probability map from infer into cleft or synapse instances.", mixinStandardHelpOptions = true,
        description = {"Turn a probability map from infer into labelled instances: clefts (threshold, connected",
            "components, small ones dropped) or polarity synapses (PyTC's polarity2instance: pre = 2n-1, post = 2n).",
            "Writes uint64 labels: PyTC layout (dataset 'main', background 0) or CREMI layout",
            "(volumes/labels/clefts or volumes/labels/polarity, background 0xFFFFFFFFFFFFFFFF)."})
public final class PostprocessCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE[:DATASET]", description = "Probability map (default dataset vol0).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "HDF5 file to write (atomically).")
    Path output;

    @picocli.CommandLine.Mixin
    InstanceOptions instance;

    @Option(names = "--semantic", description = "Polarity: write 1 for pre and 2 for post instead of instances.")
    boolean semantic;

    @Option(names = "--layout", defaultValue = "pytc", paramLabel = "pytc|cremi", description = "Output layout (default ${DEFAULT-VALUE}).")
    String layout;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        instance.check();
        boolean cremi = switch (layout.toLowerCase(Locale.ROOT)) {
            case "pytc" -> false;
            case "cremi" -> true;
            default -> throw new UserException("--layout " + layout + " is not pytc or cremi.");
        };
        try {
            String said = ConsoleJob.run((progress, control) -> postprocess(new Steps(progress, control, 3), cremi),
                    spec.commandLine().getErr(), System.console() == null);
            out.println(said);
        } catch (Cancellation.CancelledException e) {
            spec.commandLine().getErr().println("Post-processing cancelled; nothing was written.");
            return Main.INTERRUPTED;
        }
        out.flush();
        return 0;
    }

    /** Reads the map, cuts it into instances and writes them; returns the line that says what it did. */
    private String postprocess(Steps steps, boolean cremi) {
        Block map;
        double[] resolution;
        steps.begin("Reading " + input);
        try (ChunkedVolume v = VolumeFiles.open(input, "vol0")) {
            // the map, the labels (8 bytes) and the components' work arrays (about 8 bytes)
            MemoryBudget.requireWhole("postprocess holds the probability map and its labels in memory", v, 16,
                    "crop the map into smaller volumes, or run on a machine with more memory and a larger -Xmx.");
            map = v.readAll();
            resolution = v.resolution();
            instance.followMap(v);
        }
        int channels = map.rank() == 4 ? map.dim(0) : 1;
        String kind = instance.kind(channels);
        long t0 = System.nanoTime();
        steps.begin(kind.equals("polarity") ? "Cutting into synapses" : "Labelling clefts");
        Block labels;
        String summary;
        switch (kind) {
            case "cleft" -> {
                Components c = CleftInstances.of(map, instance.threshold, instance.connectivity, instance.minSize);
                labels = CleftInstances.toBlock(c, cremi ? Cremi.NO_CLEFT : 0);
                summary = c.count() + " clefts";
            }
            case "polarity" -> {
                if (channels != 3) {
                    throw new UserException(input + " has " + channels + " channel(s); polarity needs 3 (pre, post, union or "
                            + "background, pre, post). Use --task cleft for a cleft map.");
                }
                Polarity2Instance.Options options = instance.polarity();
                labels = semantic ? Polarity2Instance.semantic(map, options) : Polarity2Instance.instances(map, options);
                summary = (semantic ? "pre and post voxels" : synapses(labels) + " synapses")
                        + (options.exclusive() ? " (exclusive classes: each voxel its most likely one)" : "");
                if (cremi && !semantic) {
                    long[] v = labels.longs();
                    for (int i = 0; i < v.length; i++) {
                        if (v[i] == 0) {
                            v[i] = Cremi.NO_CLEFT;
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(kind);
        }
        String dataset = !cremi ? "main" : kind.equals("cleft") ? Cremi.CLEFTS : Cremi.POLARITY;
        steps.begin("Writing " + output);
        // what the ids are, so that the workbench draws and reviews them as such whatever the dataset's name
        new Hdf5Writer().dataset(dataset, labels, Map.of("resolution", resolution, "labels",
                kind.equals("cleft") ? "clefts" : "polarity")).write(output);
        steps.finish();
        return String.format(Locale.ROOT, "%s: %s in %.1f s; wrote %s:%s", input, summary, (System.nanoTime() - t0) / 1e9,
                output, dataset);
    }

    /** Distinct synapses (n of 2n-1 and 2n) in an instance volume. */
    private static long synapses(Block labels) {
        java.util.BitSet seen = new java.util.BitSet();
        long[] v = labels.longs();
        for (long id : v) {
            if (id > 0 && id < Integer.MAX_VALUE) {
                seen.set((int) ((id + 1) / 2));
            }
        }
        return seen.cardinality();
    }
}
