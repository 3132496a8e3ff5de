package org.synapseworkbench.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.synapseworkbench.cli.Main;
import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.work.UserException;

/**
 * The model a quality benchmark scores: a checkpoint given, or a config trained on the built-in sample (made first
 * when missing) as a new user would, into a temporary folder that {@link #close} deletes.
 */
final class TrainedModel implements AutoCloseable {
    /** The options that choose the model, shared by the quality benchmarks. */
    static final class Options {
        @picocli.CommandLine.Option(names = "--config-file", defaultValue = "configs/Demo/Demo-Polarity.yaml",
                description = "Config to train on the sample (default ${DEFAULT-VALUE}).")
        Path configFile;

        @picocli.CommandLine.Option(names = "--checkpoint", paramLabel = "FILE|FOLDER",
                description = "Use this checkpoint (or the newest in this folder) instead of training.")
        Path checkpoint;

        @picocli.CommandLine.Option(names = "--train-seed", defaultValue = "1",
                description = "Seed of weights, sampling and augmentation in training (default ${DEFAULT-VALUE}); another seed "
                        + "shows how much a figure owes to chance.")
        long trainSeed;

        @picocli.CommandLine.Parameters(paramLabel = "KEY VALUE", arity = "0..*",
                description = "Config overrides for training; with --checkpoint, for predicting (e.g. INFERENCE.AUG_NUM 4).")
        List<String> overrides = new ArrayList<>();

        /** The checkpoint given, or the config trained now. */
        TrainedModel open(PrintWriter out) throws IOException {
            return of(checkpoint, configFile, trainSeed, overrides, out);
        }
    }

    private final Path checkpoint;
    private final Path temporary;
    private final double seconds;
    private final List<String> predictOverrides;

    private TrainedModel(Path checkpoint, Path temporary, double seconds, List<String> predictOverrides) {
        this.checkpoint = checkpoint;
        this.temporary = temporary;
        this.seconds = seconds;
        this.predictOverrides = predictOverrides;
    }

    /** {@code given} (a file or an output folder) when not null, else {@code configFile} with overrides trained. */
    static TrainedModel of(Path given, Path configFile, long seed, List<String> overrides, PrintWriter out) throws IOException {
        if (given != null) {
            return new TrainedModel(Checkpoint.resolve(given), null, Double.NaN, List.copyOf(overrides));
        }
        Path work = Files.createTempDirectory("benchmark-model");
        try {
            if (!Files.exists(Path.of("datasets/synthetic/sample-polarity.h5"))) {
                run("generate");
            }
            List<String> args = new ArrayList<>(List.of("train", "--seed", Long.toString(seed), "--config-file",
                    configFile.toString()));
            args.addAll(overrides);
            args.addAll(List.of("DATASET.OUTPUT_PATH", work.toString()));
            out.println("Training " + configFile + (overrides.isEmpty() ? "" : " " + String.join(" ", overrides))
                    + (seed == 1 ? "" : " with seed " + seed) + "...");
            out.flush();
            long t0 = System.nanoTime();
            run(args.toArray(String[]::new));
            return new TrainedModel(Checkpoint.resolve(work), work, (System.nanoTime() - t0) / 1e9, List.of());
        } catch (RuntimeException | Error e) {
            BenchmarkCommand.deleteTree(work);
            throw e;
        }
    }

    /** The checkpoint file. */
    Path checkpoint() {
        return checkpoint;
    }

    /**
     * The config to predict with: the checkpoint's own, with the overrides applied when the checkpoint was given (a
     * model trained here already holds them).
     */
    Config config() {
        return ConfigLoader.applyOverrides(Checkpoint.read(checkpoint).config(), predictOverrides);
    }

    /** Seconds of training, NaN for a checkpoint given. */
    double seconds() {
        return seconds;
    }

    /** A folder for the benchmark's own files, deleted with the model's when it trained one (else null). */
    Path scratch() {
        return temporary;
    }

    /** Runs a command of the program in this process; its output is kept back unless it fails. */
    static void run(String... args) {
        StringWriter said = new StringWriter();
        int code = Main.run(args, new PrintWriter(said), new PrintWriter(said));
        if (code != 0) {
            throw new UserException(args[0] + " failed: " + said.toString().strip());
        }
    }

    @Override
    public void close() throws IOException {
        if (temporary != null) {
            BenchmarkCommand.deleteTree(temporary);
        }
    }
}
