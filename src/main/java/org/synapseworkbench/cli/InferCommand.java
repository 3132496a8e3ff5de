package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.infer.InferenceRun;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.train.DeviceChoice;
import org.synapseworkbench.work.Cancellation;

/** {@code infer}: PyTC's {@code main.py --inference}, sliding windows over whole volumes into a gzip HDF5 file. */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = {"Predict whole volumes with a trained checkpoint, as PyTC's main.py --inference does.",
            "Without --config-file the checkpoint's own config is used; KEY VALUE pairs override either,",
            "e.g. INFERENCE.IMAGE_NAME other.h5 INFERENCE.AUG_NUM 8. Output: INFERENCE.OUTPUT_PATH/OUTPUT_NAME,",
            "datasets vol0, vol1, ... holding probability x 255 as uint8 (C, Z, Y, X)."})
public final class InferCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    CheckpointConfig model;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where to predict: the GPU when there is one (auto, default), or forced.")
    String device;

    @Option(names = "--quiet", description = "Print only the files written.")
    boolean quiet;

    @Parameters(paramLabel = "KEY VALUE", arity = "0..*", description = "Config overrides.")
    List<String> overrides = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path checkpoint = model.checkpointFile();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config config = model.config(overrides, err);
        if (config == null) {
            return Main.USER_ERROR;
        }
        InferenceRun run = new InferenceRun(config, Path.of(""));
        try (Predictor predictor = Predictor.load(checkpoint, config,
                TrainCommand.deviceChoice(device).resolve(config.system().numGpus()))) {
            if (!quiet) {
                out.printf("Predicting with %s on %s: %s%n", checkpoint, DeviceChoice.describe(predictor.device()), run.imageSpecs());
            }
            List<Path> written = ConsoleJob.run((progress, control) -> run.run(predictor, progress, control), out, quiet);
            written.forEach(f -> out.println("wrote " + f));
            return 0;
        } catch (Cancellation.CancelledException e) {
            err.println("Inference cancelled; files completed before are kept, nothing half-written is left.");
            return Main.INTERRUPTED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
