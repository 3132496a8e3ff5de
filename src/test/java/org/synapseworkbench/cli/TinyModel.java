package org.synapseworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

/** A generated CREMI file {@code s.h5} (10 x 80 x 80) and a polarity model trained on it for 2 iterations, for tests. */
public final class TinyModel {
    private TinyModel() {
    }

    /** Generates {@code dir/s.h5}, trains into {@code dir/train}, and returns the checkpoint. */
    public static Path train(Path dir) {
        Path sample = dir.resolve("s.h5");
        MainTest.Result g = MainTest.run("generate", "--output", sample.toString(), "--size", "10,80,80", "--seed", "7", "--density", "24");
        assertEquals(0, g.code(), g.err());
        Path out = dir.resolve("train");
        MainTest.Result t = MainTest.run("train", "--quiet", "--config-file", "configs/Demo/Demo-Polarity.yaml", "MODEL.INPUT_SIZE", "[5,33,33]",
                "MODEL.FILTERS", "[8,8,8,8,8]", "DATASET.INPUT_PATH", dir.toString(), "DATASET.IMAGE_NAME", "s.h5",
                "DATASET.LABEL_NAME", "s.h5", "DATASET.OUTPUT_PATH", out.toString(), "DATASET.PAD_SIZE", "[1,8,8]",
                "DATASET.REJECT_SAMPLING.SIZE_THRES", "20", "SOLVER.SAMPLES_PER_BATCH", "1", "SOLVER.ITERATION_TOTAL", "2",
                "SOLVER.ITERATION_SAVE", "2", "SYSTEM.NUM_CPUS", "1");
        assertEquals(0, t.code(), t.err());
        return out.resolve("checkpoint_000002.ckpt");
    }
}
