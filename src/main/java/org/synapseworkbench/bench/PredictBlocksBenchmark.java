package org.synapseworkbench.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.volume.zarr.ZarrFormat;
import org.synapseworkbench.volume.zarr.ZarrWriter;

/**
 * {@code benchmark predict-blocks}: {@code infer} against block-wise prediction on Spark {@code local[1]} and
 * {@code local[2]} ({@link org.synapseworkbench.spark.BlocksAgainstInfer}); needs Spark's jars on the class path.
 */
@Command(name = "predict-blocks", mixinStandardHelpOptions = true,
        header = "Time predict-blocks on Spark local[1] and local[2] against infer on the same volume.",
        description = {"Writes (once, into datasets/benchmark/) a synthetic uint8 volume of --size as Zarr, saves a model",
            "of --filters with fresh weights, and predicts the volume with infer, then block by block on Spark local[1]",
            "and local[2] (all cores to one task, then a core to each of two). Needs Spark's jars: run it with",
            "-cp \"target/synapse-workbench.jar:target/spark/*\" after ./mvnw -Pspark package (docs/spark.md)."})
public final class PredictBlocksBenchmark implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "Z,Y,X", defaultValue = "64,1024,1024", description = "Default ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--block", paramLabel = "Z,Y,X", defaultValue = "64,512,512", description = "Default ${DEFAULT-VALUE}.")
    String block;

    @Option(names = "--filters", defaultValue = "8,12,16,20,24", description = "The model's filters (default ${DEFAULT-VALUE}).")
    String filters;

    @Option(names = "--patch", paramLabel = "Z,Y,X", defaultValue = "9,129,129", description = "Window (default ${DEFAULT-VALUE}, as the demo's).")
    String patch;

    @Option(names = "--stride", paramLabel = "Z,Y,X", defaultValue = "4,64,64", description = "Stride (default ${DEFAULT-VALUE}).")
    String stride;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchmarkCommand.requireSpark();
        PrintWriter out = spec.commandLine().getOut();
        int[] shape = Sizes.parse(size);
        Path store = Path.of("datasets/benchmark/blocks-" + shape[0] + "x" + shape[1] + "x" + shape[2] + ".zarr");
        if (!Files.exists(store.resolve("raw/.zarray"))) {
            out.println("Generating a " + Sizes.format(shape) + " uint8 volume (once)...");
            out.flush();
            ZarrWriter.create(store.resolve("raw"), shape, new int[] {16, 256, 256}, DataType.UINT8, ZarrFormat.v2("blosc", 5),
                    new double[] {40, 4, 4}).writeAll(new InMemoryVolume("raw",
                    new SyntheticEmGenerator(SynthParams.of(shape, 5)).generate().image(), new double[] {40, 4, 4}));
        }
        Config config = ConfigLoader.applyOverrides(Config.defaults(), List.of("MODEL.ARCHITECTURE", "unet_3d",
                "MODEL.BLOCK_TYPE", "residual_se", "MODEL.FILTERS", "[" + filters + "]", "MODEL.INPUT_SIZE", list(patch),
                "INFERENCE.INPUT_SIZE", list(patch), "INFERENCE.STRIDE", list(stride), "INFERENCE.PAD_SIZE", "[2,32,32]",
                "INFERENCE.SAMPLES_PER_BATCH", "1"));
        Path work = Files.createTempDirectory("predict-blocks-benchmark");
        try {
            Path checkpoint = work.resolve("model.ckpt");
            try (Predictor p = Predictor.untrained(config, Device.cpu())) {
                p.save(checkpoint);
            }
            out.println("unet_3d residual_se filters [" + filters + "], window " + patch + ", stride " + stride + ":");
            org.synapseworkbench.spark.BlocksAgainstInfer.measure(out, store.resolve("raw").toString(), checkpoint, config,
                    Sizes.parse(block), work);
            return 0;
        } finally {
            BenchmarkCommand.deleteTree(work);
        }
    }

    private static String list(String zyx) {
        return "[" + zyx.replace(" ", "") + "]";
    }
}
