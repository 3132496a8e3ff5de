package org.synapseworkbench.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolume;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.volume.zarr.ZarrFormat;
import org.synapseworkbench.volume.zarr.ZarrWriter;

/**
 * {@code benchmark instances-blocks}: {@code postprocess} against block-wise post-processing on Spark {@code local[1]}
 * and {@code local[2]}, and polarity F1 against {@code evaluate-blocks}
 * ({@link org.synapseworkbench.spark.InstancesAgainstPostprocess}); needs Spark's jars on the class path.
 */
@Command(name = "instances-blocks", mixinStandardHelpOptions = true,
        header = "Time instances-blocks and evaluate-blocks on Spark local[1] and local[2] against postprocess and evaluate.",
        description = {"Writes (once, into datasets/benchmark/) a polarity map of --size made from a synthetic volume's",
            "synapses (pre, post and union channels at 230, and scattered single voxels that make small pieces) and its",
            "polarity truth, then cuts the map with postprocess and block by block on Spark local[1] and local[2], checks",
            "that the partitions agree, and scores the result against the truth whole and block by block. Needs Spark's",
            "jars: -cp \"target/synapse-workbench.jar:target/spark/*\" after ./mvnw -Pspark package (docs/spark.md)."})
public final class InstancesBlocksBenchmark implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "Z,Y,X", defaultValue = "64,1024,1024", description = "Default ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--block", paramLabel = "Z,Y,X", defaultValue = "64,512,512", description = "Default ${DEFAULT-VALUE}.")
    String block;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchmarkCommand.requireSpark();
        PrintWriter out = spec.commandLine().getOut();
        int[] shape = Sizes.parse(size);
        Path store = Path.of("datasets/benchmark/polarity-" + shape[0] + "x" + shape[1] + "x" + shape[2] + ".zarr");
        if (!Files.exists(store.resolve("truth/.zarray"))) {
            out.println("Generating a " + Sizes.format(shape) + " polarity map and its truth (once)...");
            out.flush();
            SyntheticVolume v = new SyntheticEmGenerator(SynthParams.of(shape, 5)).generate();
            double[] resolution = {40, 4, 4};
            ZarrWriter.create(store.resolve("map"), new int[] {3, shape[0], shape[1], shape[2]}, new int[] {1, 16, 256, 256},
                    DataType.UINT8, ZarrFormat.v2("blosc", 5), resolution)
                    .writeAll(new InMemoryVolume("map", polarityMap(v.polarity()), resolution));
            ZarrWriter.create(store.resolve("truth"), shape, new int[] {16, 256, 256}, v.polarity().type(), ZarrFormat.v2("blosc", 5),
                    resolution).writeAll(new InMemoryVolume("truth", v.polarity(), resolution));
        }
        Path work = Files.createTempDirectory("instances-blocks-benchmark");
        try {
            org.synapseworkbench.spark.InstancesAgainstPostprocess.measure(out, store.resolve("map").toString(),
                    store.resolve("truth").toString(), Sizes.parse(block), work);
            return 0;
        } finally {
            BenchmarkCommand.deleteTree(work);
        }
    }

    /**
     * A map a model could have made of {@code polarity} (pre 2n-1, post 2n): 230 on each side's channel and on the
     * union, and one voxel in a thousand at 200 on a side and the union (small pieces for the size filter).
     */
    static Block polarityMap(Block polarity) {
        int n = polarity.size();
        int[] s = polarity.shape();
        Block map = Block.zeros(DataType.UINT8, 3, s[0], s[1], s[2]);
        byte[] m = map.bytes();
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            long id = polarity.getLong(i);
            if (id != 0) {
                m[(int) (id % 2 == 1 ? 0 : 1) * n + i] = (byte) 230;
                m[2 * n + i] = (byte) 230;
            } else if (r.nextInt(1000) == 0) {
                m[r.nextInt(2) * n + i] = (byte) 200;
                m[2 * n + i] = (byte) 200;
            }
        }
        return map;
    }
}
