package org.synapseworkbench.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolumeWriter;

/** A synthetic 12 x 96 x 96 volume and the demo cleft config shrunk to a model that trains and predicts in seconds. */
public final class TinyCleftModel {
    private TinyCleftModel() {
    }

    /** Writes {@code tiny-image.h5} and {@code tiny-clefts.h5} (PyTC layout) into {@code data}. */
    public static void writeVolume(Path data) {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SyntheticVolumeWriter.writePytc(new SyntheticEmGenerator(SynthParams.of(new int[] {12, 96, 96}, 5).withDensity(24))
                .generate(), data.resolve("tiny.h5"));
    }

    /** The config training on that volume for {@code iterations} (a checkpoint at the end) into {@code out}. */
    public static Config config(Path data, Path out, int iterations) {
        return ConfigLoader.applyOverrides(ConfigLoader.merge(null, Path.of("configs/Demo/Demo-Cleft.yaml"), List.of()),
                List.of("MODEL.INPUT_SIZE", "[5,33,33]", "MODEL.FILTERS", "[8,8,8,8,8]",
                        "DATASET.INPUT_PATH", data.toString(), "DATASET.IMAGE_NAME", "tiny-image.h5",
                        "DATASET.LABEL_NAME", "tiny-clefts.h5", "DATASET.OUTPUT_PATH", out.toString(),
                        "DATASET.PAD_SIZE", "[1,8,8]", "DATASET.REJECT_SAMPLING.SIZE_THRES", "20",
                        "SOLVER.SAMPLES_PER_BATCH", "1", "SOLVER.ITERATION_TOTAL", Integer.toString(iterations),
                        "SOLVER.ITERATION_SAVE", Integer.toString(iterations), "SOLVER.WARMUP_ITERS", "2", "SYSTEM.NUM_CPUS", "1",
                        "INFERENCE.INPUT_SIZE", "[5,33,33]", "INFERENCE.OUTPUT_SIZE", "[5,33,33]",
                        "INFERENCE.STRIDE", "[4,32,32]", "INFERENCE.PAD_SIZE", "[1,8,8]", "INFERENCE.SAMPLES_PER_BATCH", "1"));
    }
}
