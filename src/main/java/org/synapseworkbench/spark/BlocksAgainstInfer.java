package org.synapseworkbench.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Grid;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.zarr.ZarrFormat;
import org.synapseworkbench.volume.zarr.ZarrWriter;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

/**
 * The measurements of {@code benchmark predict-blocks}: {@code infer}'s whole-volume prediction (read, model,
 * blending, the result written as Zarr) against {@link BlockPrediction} on Spark {@code local[1]} and {@code local[2]},
 * on one image and checkpoint, in one process, one after the other.
 */
public final class BlocksAgainstInfer {
    private BlocksAgainstInfer() {
    }

    /** Runs the three and prints seconds, blocks per second, Spark's overhead over infer and the second core's gain. */
    public static void measure(PrintWriter out, String image, Path checkpoint, Config config, int[] block, Path work)
            throws Exception {
        VolumeInference.Settings settings = VolumeInference.Settings.fromConfig(config);
        int[] shape;
        try (ChunkedVolume v = VolumeFiles.open(image)) {
            shape = v.shape();
        }
        Grid blocks = new Grid(shape, block);
        long windows = settings.grid(shape).count();
        long halo = 0;
        for (long k = 0; k < blocks.count(); k++) {
            int[][] box = blocks.box(blocks.position(k));
            halo += settings.reaching(shape, box[0], box[1]).length;
        }
        SharedWindows shared = new SharedWindows(settings, blocks);
        long sharedCount = java.util.stream.LongStream.range(0, windows).filter(shared::shared).count();
        out.printf(Locale.ROOT, "%s, %d blocks of %s; %d windows, each computed once: %d shared by blocks, written by the "
                + "block holding their centre and read by those they reach (blocks computing their halo's windows would "
                + "compute %d, x%.2f)%n", Arrays.toString(shape), blocks.count(), Arrays.toString(block), windows, sharedCount,
                halo, (double) halo / windows);
        out.flush();
        int cores = Runtime.getRuntime().availableProcessors();
        TorchEngine.get();
        JniUtils.setNumThreads(cores);
        double infer;
        try (Predictor p = Predictor.load(checkpoint, config, Device.cpu()); ChunkedVolume v = VolumeFiles.open(image)) {
            long t0 = System.nanoTime();
            Block result = new VolumeInference(p, settings).predict(v, Progress.NONE, new Cancellation());
            ZarrWriter.create(work.resolve("infer.zarr/prediction"), result.shape(), new int[] {1, 16, 256, 256}, result.type(),
                    ZarrFormat.v2("blosc", 5), v.resolution()).writeAll(new org.synapseworkbench.volume.InMemoryVolume("p",
                    result, v.resolution()));
            infer = (System.nanoTime() - t0) / 1e9;
        }
        out.printf(Locale.ROOT, "%-44s %9s %11s%n", "", "seconds", "blocks/s");
        out.printf(Locale.ROOT, "%-44s %9.1f %11s%n", "infer, whole volume (" + cores + " threads)", infer, "");
        out.flush();
        double[] spark = new double[2];
        for (int tasks = 1; tasks <= 2; tasks++) {
            int threads = Math.max(1, cores / tasks);
            JniUtils.setNumThreads(threads);
            ExecutorModels.clear();
            Path output = work.resolve("local" + tasks + ".zarr/prediction");
            BlockPrediction job = BlockPrediction.prepare(new BlockPrediction.Options(image, output, checkpoint, config, block,
                    null, "cpu", threads));
            try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[" + tasks + "]")
                    .setAppName("benchmark").set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"))) {
                BlockPrediction.Outcome o = job.run(sc, Progress.NONE);
                spark[tasks - 1] = o.seconds();
            }
            out.printf(Locale.ROOT, "%-44s %9.1f %11.3f%n", "predict-blocks, local[" + tasks + "] (" + threads + " thread"
                    + (threads > 1 ? "s" : "") + " a task)", spark[tasks - 1], blocks.count() / spark[tasks - 1]);
            out.flush();
        }
        out.printf(Locale.ROOT, "Spark's overhead over infer on local[1]: %+.0f%%; local[2] is %.2fx local[1].%n",
                (spark[0] / infer - 1) * 100, spark[0] / spark[1]);
        try (ChunkedVolume a = VolumeFiles.open(work.resolve("infer.zarr/prediction").toString());
                ChunkedVolume b = VolumeFiles.open(work.resolve("local2.zarr/prediction").toString())) {
            Block x = a.read(new int[4], a.shape(), null);
            Block y = b.read(new int[4], b.shape(), null);
            long differ = 0;
            long most = 0;
            for (int i = 0; i < x.size(); i++) {
                long d = Math.abs(x.getLong(i) - y.getLong(i));
                differ += d > 0 ? 1 : 0;
                most = Math.max(most, d);
            }
            out.printf(Locale.ROOT, "Blocks against infer: %d of %d values differ, by at most %d/255.%n", differ, x.size(), most);
        }
    }
}
