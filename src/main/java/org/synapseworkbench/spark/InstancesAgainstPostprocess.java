package org.synapseworkbench.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import org.synapseworkbench.cli.Main;
import org.synapseworkbench.eval.InstanceMatching;
import org.synapseworkbench.eval.InstanceOverlaps;
import org.synapseworkbench.eval.PolarityScores;
import org.synapseworkbench.post.BlockLabelling;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Grid;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.work.Progress;

/**
 * The measurements of {@code benchmark instances-blocks}: the {@code postprocess} command on a whole polarity map
 * against {@link BlockInstances} on Spark {@code local[1]} and {@code local[2]}, and {@code evaluate}'s polarity
 * matching of the whole volume against {@link BlockEvaluation}; one process, one after the other, results compared.
 */
public final class InstancesAgainstPostprocess {
    private InstancesAgainstPostprocess() {
    }

    /** Runs them and prints seconds, blocks per second, Spark's overhead and the second core's gain, and the checks. */
    public static void measure(PrintWriter out, String map, String truth, int[] block, Path work) {
        int[] shape;
        try (ChunkedVolume v = VolumeFiles.open(map)) {
            shape = Arrays.copyOfRange(v.shape(), 1, 4);
        }
        Grid blocks = new Grid(shape, block);
        out.printf(Locale.ROOT, "%s polarity map, %d blocks of %s%n", Arrays.toString(shape), blocks.count(), Arrays.toString(block));
        out.printf(Locale.ROOT, "%-44s %9s %11s%n", "", "seconds", "blocks/s");
        out.flush();
        Path whole = work.resolve("postprocess.h5");
        long t0 = System.nanoTime();
        StringWriter said = new StringWriter();
        int code = Main.run(new String[] {"postprocess", "--input", map, "--output", whole.toString()}, new PrintWriter(said),
                new PrintWriter(said));
        double postprocess = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("postprocess failed: " + said);
        }
        out.printf(Locale.ROOT, "%-44s %9.1f%n", "postprocess, whole volume", postprocess);
        out.flush();
        double[] spark = new double[2];
        BlockLabelling.Settings settings = BlockLabelling.Settings.polarity(Polarity2Instance.Options.defaults());
        for (int tasks = 1; tasks <= 2; tasks++) {
            Path output = work.resolve("local" + tasks + ".zarr/synapses");
            BlockInstances job = BlockInstances.prepare(new BlockInstances.Options(map, output, settings, block, null));
            try (JavaSparkContext sc = local(tasks)) {
                spark[tasks - 1] = job.run(sc, Progress.NONE).seconds();
            }
            out.printf(Locale.ROOT, "%-44s %9.1f %11.3f%n", "instances-blocks, local[" + tasks + "]", spark[tasks - 1],
                    blocks.count() / spark[tasks - 1]);
            out.flush();
        }
        out.printf(Locale.ROOT, "Spark's overhead over postprocess on local[1]: %+.0f%%; local[2] is %.2fx local[1].%n",
                (spark[0] / postprocess - 1) * 100, spark[0] / spark[1]);
        Block a = readAll(whole + ":main");
        Block b = readAll(work.resolve("local2.zarr/synapses").toString());
        out.printf(Locale.ROOT, "Blocks against postprocess: %s.%n", samePartition(a, b));
        out.flush();

        Block real = readAll(truth);
        t0 = System.nanoTime();
        PolarityScores expected = InstanceMatching.polarity(a, real, InstanceMatching.DEFAULT_IOU);
        double evaluate = (System.nanoTime() - t0) / 1e9;
        a = null;
        real = null;
        BlockEvaluation eval = BlockEvaluation.prepare(new BlockEvaluation.Options(work.resolve("local2.zarr/synapses").toString(),
                truth, true, block));
        PolarityScores got;
        double evaluateBlocks;
        try (JavaSparkContext sc = local(2)) {
            t0 = System.nanoTime();
            InstanceOverlaps counts = eval.run(sc, Progress.NONE);
            got = counts.polarityScores(InstanceMatching.DEFAULT_IOU);
            evaluateBlocks = (System.nanoTime() - t0) / 1e9;
        }
        out.printf(Locale.ROOT, "%-44s %9.1f%n", "polarity F1, whole volume (in memory)", evaluate);
        out.printf(Locale.ROOT, "%-44s %9.1f %11.3f%n", "evaluate-blocks, local[2] (reads both)", evaluateBlocks,
                blocks.count() / evaluateBlocks);
        out.printf(Locale.ROOT, "Synapse F1 %.4f (TP %d, FP %d, FN %d); from blocks: %s.%n", expected.synapses().f1().orElse(Double.NaN),
                expected.synapses().truePositives(), expected.synapses().falsePositives(), expected.synapses().falseNegatives(),
                got.equals(expected) ? "the same scores" : "DIFFERENT: " + got);
    }

    private static JavaSparkContext local(int tasks) {
        return new JavaSparkContext(new SparkConf().setMaster("local[" + tasks + "]").setAppName("benchmark")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"));
    }

    private static Block readAll(String spec) {
        try (ChunkedVolume v = VolumeFiles.open(spec)) {
            return v.read(new int[v.rank()], v.shape(), null);
        }
    }

    /** "the same partition (N ids)", or where the two differ first. */
    static String samePartition(Block a, Block b) {
        Map<Long, Long> ab = new HashMap<>();
        Map<Long, Long> ba = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            long x = a.getLong(i);
            long y = b.getLong(i);
            if ((x == 0) != (y == 0) || x != 0 && (ab.computeIfAbsent(x, key -> y) != y || ba.computeIfAbsent(y, key -> x) != x)) {
                return "DIFFERENT partitions from voxel " + i;
            }
        }
        return "the same partition (" + ab.size() + " ids)";
    }
}
