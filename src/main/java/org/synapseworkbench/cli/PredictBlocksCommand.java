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
import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.work.UserException;

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

    @Option(names = "--input", paramLabel = "VOLUME", description = "The image (default: the config's first "
            + "INFERENCE.IMAGE_NAME): FILE[:DATASET], STORE.zarr[/ARRAY] or STORE.n5[/DATASET].")
    String input;

    @Option(names = "--output", required = true, paramLabel = "ARRAY", description = "The output array in a Zarr or N5 "
            + "store, e.g. out.zarr/prediction (channels x z x y x, probability x 255, uint8).")
    Path output;

    @Option(names = "--block", paramLabel = "Z,Y,X", defaultValue = "64,512,512",
            description = "Block shape, a whole number of output chunks (default ${DEFAULT-VALUE}).")
    String block;

    @Option(names = "--chunks", paramLabel = "Z,Y,X", description = "Output chunk shape (default: the largest divisors "
            + "of the block up to 16,256,256).")
    String chunks;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when spark-submit gives none "
            + "(default local[*]: this machine's cores); e.g. local[2].")
    String master;

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
        if (!org.synapseworkbench.spark.SparkContexts.available()) {
            throw new UserException("Spark is not on the class path; run predict-blocks with spark-submit, or add Spark's "
                    + "jars to -cp (docs/spark.md).");
        }
        Path checkpoint = model.checkpointFile();
        Config config = model.config(overrides, err);
        if (config == null) {
            return Main.USER_ERROR;
        }
        String image = input != null ? input : new InferenceRun(config, Path.of("")).imageSpecs().get(0).toString();
        TrainCommand.deviceChoice(device); // its error before any work
        org.synapseworkbench.spark.BlockPredictionRun run = new org.synapseworkbench.spark.BlockPredictionRun(image, output,
                checkpoint, config, Sizes.parse(block), chunks == null ? null : Sizes.parse(chunks),
                device.toLowerCase(Locale.ROOT).replace("cuda", "gpu"), threads);
        String said = ConsoleJob.run((progress, control) -> run.run(master, out::println, progress), out, false);
        out.println(said);
        out.flush();
        return 0;
    }
}
