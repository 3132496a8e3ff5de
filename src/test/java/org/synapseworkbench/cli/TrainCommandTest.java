package org.synapseworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train command end to end on a tiny polarity model: progress, checkpoint, TensorBoard file, scoring. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsAPolarityModelWritesCheckpointAndEventsAndScoresIt() throws Exception {
        MainTest.Result g = MainTest.run("generate", "--output", dir.resolve("s.h5").toString(), "--size", "12,96,96", "--seed", "5",
                "--density", "24", "--layout", "pytc");
        assertEquals(0, g.code(), g.err());
        Path out = dir.resolve("out");
        MainTest.Result t = MainTest.run("train", "--config-file", "configs/Demo/Demo-Polarity.yaml", "MODEL.INPUT_SIZE", "[5,33,33]",
                "MODEL.FILTERS", "[8,8,8,8,8]", "DATASET.INPUT_PATH", dir.toString(), "DATASET.IMAGE_NAME", "s-image.h5",
                "DATASET.LABEL_NAME", "s-polarity.h5", "DATASET.OUTPUT_PATH", out.toString(), "DATASET.PAD_SIZE", "[1,8,8]",
                "DATASET.REJECT_SAMPLING.SIZE_THRES", "20", "SOLVER.SAMPLES_PER_BATCH", "1", "SOLVER.ITERATION_TOTAL", "4",
                "SOLVER.ITERATION_SAVE", "4", "MONITOR.ITERATION_NUM", "[1,2]", "SYSTEM.NUM_CPUS", "1");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("Training unet_3d residual_se") && t.out().contains("iter 4/4")
                && t.out().contains("loss ") && t.out().contains("Training finished at iteration 4"), t.out());
        Path checkpoint = out.resolve("checkpoint_000004.ckpt");
        assertTrue(Files.exists(checkpoint));
        try (Stream<Path> files = Files.list(out)) {
            Path events = files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents")).findFirst().orElseThrow();
            // header, scalars of 4 iterations (loss, 2 parts, lr, speed) and 2 snapshots of 3 images
            assertTrue(Files.size(events) > 1000, "events file of " + Files.size(events) + " bytes");
        }
        MainTest.Result l = MainTest.run("benchmark", "learning", "--checkpoint", checkpoint.toString(), "--size", "8,64,64");
        assertEquals(0, l.code(), l.err());
        assertTrue(l.out().contains("pre ") && l.out().contains("post ") && l.out().contains("union")
                && l.out().contains("true pre voxels called post only"), l.out());
    }

    @Test
    void aLossThatBecomesNaNExitsWithOneAndAnErrorLine() throws Exception {
        float[] nan = new float[8 * 48 * 48];
        java.util.Arrays.fill(nan, Float.NaN);
        long[] labels = new long[nan.length];
        labels[100] = 1;
        new org.synapseworkbench.volume.Hdf5Writer().dataset("main", org.synapseworkbench.volume.Block.wrap(
                org.synapseworkbench.volume.DataType.FLOAT32, nan, 8, 48, 48)).write(dir.resolve("nan-image.h5"));
        new org.synapseworkbench.volume.Hdf5Writer().dataset("main", org.synapseworkbench.volume.Block.wrap(
                org.synapseworkbench.volume.DataType.UINT64, labels, 8, 48, 48)).write(dir.resolve("nan-clefts.h5"));
        MainTest.Result t = MainTest.run("train", "--config-file", "configs/Demo/Demo-Cleft.yaml", "--quiet",
                "MODEL.INPUT_SIZE", "[5,33,33]", "MODEL.FILTERS", "[8,8,8,8,8]", "DATASET.INPUT_PATH", dir.toString(),
                "DATASET.IMAGE_NAME", "nan-image.h5", "DATASET.LABEL_NAME", "nan-clefts.h5", "DATASET.OUTPUT_PATH",
                dir.resolve("out").toString(), "DATASET.PAD_SIZE", "[1,8,8]", "DATASET.REJECT_SAMPLING.SIZE_THRES", "-1",
                "SOLVER.SAMPLES_PER_BATCH", "1", "SOLVER.ITERATION_TOTAL", "4", "SYSTEM.NUM_CPUS", "1");
        assertEquals(Main.NEGATIVE, t.code(), t.out() + t.err());
        assertEquals(1, t.err().strip().lines().count(), t.err());
        assertTrue(t.err().startsWith("error: Training stopped at iteration 1: the loss became NaN"), t.err());
    }

    @Test
    void aBadCheckpointOrDeviceIsOneClearLine() {
        MainTest.Result bad = MainTest.run("train", "--config-file", "configs/Demo/Demo-Cleft.yaml", "--checkpoint",
                dir.resolve("missing.ckpt").toString(), "DATASET.INPUT_PATH", dir.toString());
        assertEquals(Main.USER_ERROR, bad.code());
        assertTrue(bad.err().startsWith("error: The checkpoint") && bad.err().contains("does not exist"), bad.err());
        MainTest.Result device = MainTest.run("train", "--config-file", "configs/Demo/Demo-Cleft.yaml", "--device", "tpu");
        assertEquals(Main.USER_ERROR, device.code());
        assertTrue(device.err().contains("--device tpu"), device.err());
    }
}
