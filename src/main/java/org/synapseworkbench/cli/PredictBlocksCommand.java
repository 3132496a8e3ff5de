package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.infer.InferenceRun;

/**
 * {@code predict-blocks}: {@code infer} of one volume as a grid of blocks on Apache Spark. Spark's classes are used only
 * through {@code org.synapseworkbench.spark}, once they are known to be on the class path.
 */
@Command(name = "predict-blocks", mixinStandardHelpOptions = true,
        header = "Predict a volume block by block on Apache Spark (a cluster, or local[N] on this machine).",
        description = {"Each block is predicted with the windows, test-time views and blending of infer and writes the",
            "output chunks it owns (Zarr or N5, a file a chunk); finished blocks are marked, so a run that failed or was",
            "stopped resumes. Run it with spark-submit (Spark is not part of the installed program):",
            "  spark-submit --class org.synapseworkbench.app.Launcher --jars LIB_JARS synapse-workbench.jar \\",
            "    predict-blocks --checkpoint C --config-file F --output out.zarr/prediction --block 64,512,512",
            "or on this machine with Spark's jars on the class path and --master local[N] (docs/spark.md)."})
public final class PredictBlocksCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    CheckpointConfig model;

    @picocli.CommandLine.Mixin
    SparkJobOptions spark;

    @picocli.CommandLine.Mixin
    SparkJobOptions.Chunks chunks;

    @Option(names = "--input", paramLabel = "VOLUME", description = "The image (default: the config's first "
            + "INFERENCE.IMAGE_NAME): FILE[:DATASET], STORE.zarr[/ARRAY] or STORE.n5[/DATASET].")
    String input;

    @Option(names = "--output", required = true, paramLabel = "ARRAY", description = "The output array in a Zarr or N5 "
            + "store, e.g. out.zarr/prediction (channels x z x y x, probability x 255, uint8).")
    Path output;

    @Option(names = "--threads", defaultValue = "0", description = "The engine's threads in each executor (default: "
            + "its own choice; with several tasks an executor, cores / tasks).")
    int threads;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where executors predict: the GPU when there is one (auto, default), or forced.")
    String device;

    @Parameters(paramLabel = "KEY VALUE", arity = "0..*", description = "Config overrides.")
    List<String> overrides = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SparkJobOptions.requireSpark("predict-blocks");
        Path checkpoint = model.checkpointFile();
        Config config = model.config(overrides, err);
        if (config == null) {
            return Main.USER_ERROR;
        }
        String image = input != null ? input : new InferenceRun(config, Path.of("")).imageSpecs().get(0).toString();
        TrainCommand.deviceChoice(device); // its error before any work
        org.synapseworkbench.spark.BlockPredictionRun run = new org.synapseworkbench.spark.BlockPredictionRun(image, output,
                checkpoint, config, spark.block(), chunks.chunks(),
                device.toLowerCase(Locale.ROOT).replace("cuda", "gpu"), threads);
        String said = ConsoleJob.run((progress, control) -> run.run(spark.master, out::println, progress), out, false);
        out.println(said);
        out.flush();
        return 0;
    }
}
