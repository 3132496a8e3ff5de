package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.config.ConfigValidator;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.workflow.ConfigCheck;

/**
 * The checkpoint and config options of the commands that predict ({@code infer}, {@code predict-blocks}): without a
 * config file the checkpoint's own config, with KEY VALUE overrides either way.
 */
final class CheckpointConfig {
    @Option(names = "--checkpoint", required = true, paramLabel = "FILE|FOLDER",
            description = "Checkpoint written by train, or its output folder (the newest checkpoint in it).")
    Path checkpoint;

    @Option(names = "--config-base", paramLabel = "FILE", description = "Base YAML config.")
    Path base;

    @Option(names = "--config-file", paramLabel = "FILE", description = "YAML config merged over the base.")
    Path file;

    /** The checkpoint file (a folder's newest). */
    Path checkpointFile() {
        return Checkpoint.resolve(checkpoint);
    }

    /** The merged config, or null after printing its errors on {@code err}. */
    Config config(List<String> overrides, PrintWriter err) {
        Config config = base == null && file == null
                ? ConfigLoader.applyOverrides(Checkpoint.read(checkpointFile()).config(), overrides)
                : ConfigLoader.merge(base, file, overrides);
        List<ConfigValidator.Problem> errors = ConfigCheck.errors(config);
        if (!errors.isEmpty()) {
            errors.forEach(p -> err.println("error: " + p.message()));
            err.flush();
            return null;
        }
        return config;
    }
}
