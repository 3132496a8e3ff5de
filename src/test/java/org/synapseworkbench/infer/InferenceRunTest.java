package org.synapseworkbench.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/** Which volumes are predicted and where the results go, with a model that returns its input. */
class InferenceRunTest {
    private static final NDManager BASE = TorchEngine.get().newBaseManager();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeImages() {
        for (int k = 0; k < 2; k++) {
            Block b = Block.zeros(DataType.UINT8, 4, 20, 24);
            java.util.Arrays.fill(b.bytes(), (byte) (100 + 50 * k));
            new Hdf5Writer().dataset("main", b).write(dir.resolve("im" + k + ".h5"));
        }
    }

    @AfterAll
    static void close() {
        BASE.close();
    }

    private static final WindowModel IDENTITY = new StandInModel(BASE, 1, x -> x);

    private static Config config(String... pairs) {
        List<String> all = new java.util.ArrayList<>(List.of("INFERENCE.INPUT_SIZE", "[3,16,16]", "INFERENCE.STRIDE", "[2,8,8]",
                "INFERENCE.PAD_SIZE", "[1,4,4]", "DATASET.MEAN", "0", "DATASET.STD", "1", "INFERENCE.INPUT_PATH", dir.toString(),
                "INFERENCE.IMAGE_NAME", "im0.h5@im1.h5"));
        all.addAll(List.of(pairs));
        return ConfigLoader.applyOverrides(Config.defaults(), all);
    }

    @Test
    void allVolumesGoToOneFileAsVol0AndVol1() {
        Path out = dir.resolve("together");
        List<Path> files = new InferenceRun(config("INFERENCE.OUTPUT_PATH", out.toString()), Path.of(""))
                .run(IDENTITY, Progress.NONE, new Cancellation());
        assertEquals(List.of(out.resolve("result.h5")), files);
        for (int k = 0; k < 2; k++) {
            try (Hdf5Volume v = Hdf5Volume.open(files.get(0), "vol" + k)) {
                assertArrayEquals(new int[] {1, 4, 20, 24}, v.shape());
                long value = v.readAll().getLong(7);
                assertTrue(value == 100 + 50 * k || value == 99 + 50 * k, "vol" + k + ": " + value);
            }
        }
    }

    @Test
    void doSinglyWritesOneFilePerVolumeFromTheStartIndex() {
        Path out = dir.resolve("singly");
        List<Path> files = new InferenceRun(config("INFERENCE.OUTPUT_PATH", out.toString(), "INFERENCE.DO_SINGLY", "True",
                "INFERENCE.DO_SINGLY_START_INDEX", "1"), Path.of("")).run(IDENTITY, Progress.NONE, new Cancellation());
        assertEquals(List.of(out.resolve("result_1.h5")), files);
        try (Hdf5Volume v = Hdf5Volume.open(files.get(0), "vol0")) {
            assertTrue(v.readAll().getLong(0) >= 149);
        }
    }

    @Test
    void aMissingImageIsOneClearSentence() {
        UserException e = assertThrows(UserException.class, () -> new InferenceRun(config("INFERENCE.IMAGE_NAME", "gone.h5",
                "INFERENCE.OUTPUT_PATH", dir.resolve("x").toString()), Path.of("")).run(IDENTITY, Progress.NONE, new Cancellation()));
        assertTrue(e.getMessage().contains("gone.h5"), e.getMessage());
    }
}
