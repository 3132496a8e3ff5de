package org.synapseworkbench.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.synapseworkbench.cli.Main;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.work.UserException;

/**
 * The model a quality benchmark scores: a checkpoint given, or a config trained on the built-in sample (made first
 * when missing) as a new user would, into a temporary folder that {@link #close} deletes.
 */
final class TrainedModel implements AutoCloseable {
    private final Path checkpoint;
    private final Path temporary;
    private final double seconds;

    private TrainedModel(Path checkpoint, Path temporary, double seconds) {
        this.checkpoint = checkpoint;
        this.temporary = temporary;
        this.seconds = seconds;
    }

    /** {@code given} (a file or an output folder) when not null, else {@code configFile} with overrides trained. */
    static TrainedModel of(Path given, Path configFile, List<String> overrides, PrintWriter out) throws IOException {
        if (given != null) {
            return new TrainedModel(Checkpoint.resolve(given), null, Double.NaN);
        }
        Path work = Files.createTempDirectory("benchmark-model");
        try {
            if (!Files.exists(Path.of("datasets/synthetic/sample-polarity.h5"))) {
                run("generate");
            }
            List<String> args = new ArrayList<>(List.of("train", "--config-file", configFile.toString()));
            args.addAll(overrides);
            args.addAll(List.of("DATASET.OUTPUT_PATH", work.toString()));
            out.println("Training " + configFile + (overrides.isEmpty() ? "" : " " + String.join(" ", overrides)) + "...");
            out.flush();
            long t0 = System.nanoTime();
            run(args.toArray(String[]::new));
            return new TrainedModel(Checkpoint.resolve(work), work, (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException | Error e) {
            BenchmarkCommand.deleteTree(work);
            throw e;
        }
    }

    /** The checkpoint file. */
    Path checkpoint() {
        return checkpoint;
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
