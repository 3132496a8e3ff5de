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
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.config.ConfigValidator;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.model.ModelSpec;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.train.DeviceChoice;
import org.synapseworkbench.train.IterationStats;
import org.synapseworkbench.train.TensorBoardListener;
import org.synapseworkbench.train.TrainingEnd;
import org.synapseworkbench.train.TrainingListener;
import org.synapseworkbench.train.TrainingRun;
import org.synapseworkbench.train.TrainingStart;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.workflow.ConfigCheck;

/** {@code train}: PyTC's main.py training, with its flags and YAML files; Ctrl-C writes a checkpoint, then exits. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a U-Net as PyTC's main.py does: defaults <- --config-base <- --config-file <- KEY VALUE.",
            "Checkpoints go to DATASET.OUTPUT_PATH every SOLVER.ITERATION_SAVE iterations and when stopped (Ctrl-C);",
            "TensorBoard logs go there too (tensorboard --logdir OUTPUT_PATH)."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--config-base", paramLabel = "FILE", description = "Base YAML config.")
    Path base;

    @Option(names = "--config-file", paramLabel = "FILE", description = "YAML config merged over the base.")
    Path file;

    @Option(names = "--checkpoint", paramLabel = "FILE|FOLDER",
            description = "Resume from this checkpoint, or the newest in this folder (its iteration, weights and optimiser state); with "
                    + "SOLVER.ITERATION_RESTART True only its weights are used (fine-tuning).")
    Path checkpoint;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where to train: the GPU when there is one (auto, default), or forced.")
    String device;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights, sampling and augmentation (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "Print only the start and the end, no progress line.")
    boolean quiet;

    @Parameters(paramLabel = "KEY VALUE", arity = "0..*", description = "Config overrides, e.g. SOLVER.BASE_LR 0.01.")
    List<String> overrides = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkpoint = checkpoint == null ? null : Checkpoint.resolve(checkpoint);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config config = ConfigLoader.merge(base, file, overrides);
        List<ConfigValidator.Problem> errors = ConfigCheck.errors(config);
        if (!errors.isEmpty()) {
            errors.forEach(p -> err.println("error: " + p.message()));
            err.flush();
            return Main.USER_ERROR;
        }
        TorchEngine.preferKernelsForCommand(TorchEngine.trainingKernelsFor(ModelSpec.fromConfig(config).filters()));
        DeviceChoice choice = deviceChoice(device);
        TrainingRun run = new TrainingRun(config, new TrainingRun.Options(checkpoint, choice, seed, Path.of(""), 0));
        List<Integer> monitor = config.monitor().iterationNum();
        run.addListener(new TensorBoardListener(run.outputDirectory(), monitor != null && !monitor.isEmpty() ? monitor.get(0) : 20));
        run.addListener(new ProgressPrinter(out, quiet));
        // the ProgressPrinter listener prints each iteration with its loss, so the job's own progress goes unprinted
        TrainingEnd end = ConsoleJob.run(run::run, Progress.NONE);
        out.println();
        out.flush();
        if (end.reason() == TrainingEnd.Reason.DIVERGED) {
            err.println("error: " + end.message());
            err.flush();
            return Main.NEGATIVE;
        }
        out.println(end.message());
        out.flush();
        return 0;
    }

    /** The --device option's value. */
    static DeviceChoice deviceChoice(String device) {
        return switch (device.toLowerCase(Locale.ROOT)) {
            case "auto" -> DeviceChoice.AUTO;
            case "cpu" -> DeviceChoice.CPU;
            case "gpu", "cuda" -> DeviceChoice.GPU;
            default -> throw new org.synapseworkbench.work.UserException("--device " + device + " is not one of auto, cpu, gpu.");
        };
    }

    /** The progress line: iteration, loss, learning rate, speed and ETA, redrawn in place. */
    static final class ProgressPrinter implements TrainingListener {
        private final PrintWriter out;
        private final boolean quiet;
        private List<String> names = List.of();
        private long lastPrint;

        ProgressPrinter(PrintWriter out, boolean quiet) {
            this.out = out;
            this.quiet = quiet;
        }

        @Override
        public void started(TrainingStart s) {
            names = s.partNames();
            out.printf(Locale.ROOT, "Training %s (%,d parameters) on %s, input %dx%dx%d, batch %d, iterations %d to %d%s%n",
                    s.model(), s.parameters(), s.device(), s.inputSize()[0], s.inputSize()[1], s.inputSize()[2], s.batchSize(),
                    s.firstIteration() + 1, s.totalIterations(),
                    s.resumedFrom() == null ? "" : " (resumed from " + s.resumedFrom() + ")");
            out.println("Output and TensorBoard logs: " + s.outputDirectory());
            out.flush();
        }

        @Override
        public void iteration(IterationStats s) {
            long now = System.nanoTime();
            if (quiet || (now - lastPrint < 500_000_000L && s.iteration() != s.total())) {
                return;
            }
            lastPrint = now;
            out.printf(Locale.ROOT, "\riter %d/%d  loss %.4f%s  lr %.3g  %.2f it/s  ETA %s   ", s.iteration(), s.total(), s.loss(),
                    IterationStats.format(s, names.size() > 1 ? names : List.of()), s.learningRate(),
                    s.iterationsPerSecond(), duration(s.etaSeconds()));
            out.flush();
        }

        @Override
        public void checkpointSaved(Path file, long iteration) {
            if (!quiet) {
                out.printf(Locale.ROOT, "%ncheckpoint %s%n", file);
                out.flush();
            }
        }

        static String duration(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                    : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
    }
}
