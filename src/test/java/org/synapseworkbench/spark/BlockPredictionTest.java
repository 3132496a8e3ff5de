package org.synapseworkbench.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.cli.MainTest;
import org.synapseworkbench.cli.TinyModel;
import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Grid;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

/**
 * Block-wise prediction against {@code infer}'s whole-volume prediction, on a tiny trained model and a generated
 * volume: the blocks alone, then on Spark {@code local[2]} with a task that fails once and is retried, a rerun that
 * skips every block, and a run stopped by a failing block and resumed.
 */
class BlockPredictionTest {
    @TempDir
    static Path dir;
    static Path sample;
    static Path checkpoint;
    static Config config;
    static Block whole;

    @BeforeAll
    static void trainATinyModelAndPredictTheWholeVolume() {
        sample = dir.resolve("s.h5");
        checkpoint = TinyModel.train(dir);
        config = ConfigLoader.applyOverrides(Checkpoint.read(checkpoint).config(), List.of("INFERENCE.INPUT_SIZE", "[5,33,33]",
                "INFERENCE.STRIDE", "[3,20,20]", "INFERENCE.PAD_SIZE", "[1,8,8]", "INFERENCE.AUG_NUM", "4",
                "INFERENCE.SAMPLES_PER_BATCH", "3"));
        try (Predictor p = Predictor.load(checkpoint, config, Device.cpu());
                ChunkedVolume image = VolumeFiles.open(sample.toString(), org.synapseworkbench.volume.Cremi.RAW)) {
            whole = new VolumeInference(p, VolumeInference.Settings.fromConfig(config)).predict(image, Progress.NONE,
                    new Cancellation());
        }
    }

    @AfterEach
    void forgetTheExecutorsModels() {
        ExecutorModels.clear();
        System.clearProperty("synapse.spark.failOnce");
        System.clearProperty("synapse.spark.failAlways");
    }

    /** The largest difference between the whole volume's prediction and {@code other}'s, in units of 1/255. */
    private static int largestDifference(Block other) {
        assertArrayEquals(whole.shape(), other.shape());
        int most = 0;
        for (int i = 0; i < whole.size(); i++) {
            most = Math.max(most, (int) Math.abs(whole.getLong(i) - other.getLong(i)));
        }
        return most;
    }

    @Test
    void blocksPredictedAloneMatchTheWholeVolume() {
        Grid blocks = new Grid(new int[] {10, 80, 80}, new int[] {4, 32, 32});
        Block assembled = Block.zeros(whole.type(), whole.shape());
        // a window a batch, as below: a block batches its windows with others than the whole volume does, and the
        // engine's sums can differ in the last bit with the batch (here by 1/255 with batches of 3)
        Config single = ConfigLoader.applyOverrides(config, List.of("INFERENCE.SAMPLES_PER_BATCH", "1"));
        try (Predictor p = Predictor.load(checkpoint, single, Device.cpu());
                ChunkedVolume image = VolumeFiles.open(sample.toString(), org.synapseworkbench.volume.Cremi.RAW)) {
            VolumeInference inference = new VolumeInference(p, VolumeInference.Settings.fromConfig(single));
            Block reference = inference.predict(image, Progress.NONE, new Cancellation());
            for (long k = 0; k < blocks.count(); k++) {
                int[][] box = blocks.box(blocks.position(k));
                Block b = inference.predict(image, box[0], box[1], Progress.NONE, new Cancellation());
                assembled.copyFrom(b, new int[4], new int[] {0, box[0][0], box[0][1], box[0][2]},
                        new int[] {b.dim(0), box[1][0], box[1][1], box[1][2]});
            }
            assertArrayEquals(reference.shape(), assembled.shape());
            for (int i = 0; i < reference.size(); i++) {
                assertEquals(reference.getLong(i), assembled.getLong(i), "blocks differ from the whole at " + i);
            }
        }
        assertTrue(largestDifference(assembled) <= 1, "batches of 1 against infer's batches of 3");
    }

    @Test
    void sharedWindowsAreComputedOnceAndTheBlocksMatchTheWholeVolumeBitForBit() throws Exception {
        Path output = dir.resolve("shared.zarr/prediction");
        // a window a batch: the engine's sums for one window can differ in the last bit with the batch it is in (2 of
        // 192,000 values by 1/255 with batches of 3 here), and a shared window is batched with other windows than infer's
        Config config = ConfigLoader.applyOverrides(BlockPredictionTest.config, List.of("INFERENCE.SAMPLES_PER_BATCH", "1"));
        BlockPrediction job = BlockPrediction.prepare(new BlockPrediction.Options(sample.toString(), output, checkpoint, config,
                new int[] {4, 32, 32}, new int[] {2, 16, 16}, "cpu", 0));
        VolumeInference.Settings settings = VolumeInference.Settings.fromConfig(config);
        Block reference;
        try (Predictor p = Predictor.load(checkpoint, config, Device.cpu());
                ChunkedVolume image = VolumeFiles.open(sample.toString(), org.synapseworkbench.volume.Cremi.RAW)) {
            reference = new VolumeInference(p, settings).predict(image, Progress.NONE, new Cancellation()); // these threads
        }
        SharedWindows shared = new SharedWindows(settings, job.blocks());
        long windows = settings.grid(job.blocks().shape()).count();
        long sharedCount = java.util.stream.LongStream.range(0, windows).filter(shared::shared).count();
        long owned = 0;
        for (long k = 0; k < job.blocks().count(); k++) {
            job.computeShared(k);
            owned += shared.owned(k).length;
            assertEquals(shared.owned(k).length * 3L * 5 * 33 * 33 * 4,
                    Files.size(output.resolve(".blocks-windows/" + k)), "block " + k + "'s windows, 3 channels of 5 x 33 x 33 floats");
        }
        assertEquals(sharedCount, owned, "each shared window owned by one block");
        assertTrue(sharedCount > 0 && sharedCount < windows, sharedCount + " of " + windows);
        for (long k = 0; k < job.blocks().count(); k++) {
            job.predictBlock(k);
        }
        Block blocks = read(output);
        assertArrayEquals(reference.shape(), blocks.shape());
        assertTrue(reference.contentEquals(blocks), "each window computed once, summed in the grid's order: infer's bits");
    }

    private static JavaSparkContext local(int maxFailures) {
        return new JavaSparkContext(new SparkConf().setMaster("local[2," + maxFailures + "]").setAppName("test")
                .set("spark.ui.enabled", "false").set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1"));
    }

    private static Block read(Path array) {
        try (ChunkedVolume v = VolumeFiles.open(array.toString())) {
            return v.read(new int[4], v.shape());
        }
    }

    private static BlockPrediction.Options options(Path output) {
        return new BlockPrediction.Options(sample.toString(), output, checkpoint, config, new int[] {4, 32, 32},
                new int[] {2, 16, 16}, "cpu", 1);
    }

    @Test
    void onSparkATaskThatFailsIsRetriedAndARerunSkipsEveryBlock() {
        Path output = dir.resolve("retried.zarr/prediction");
        BlockPrediction job = BlockPrediction.prepare(options(output));
        assertEquals(27, job.blocks().count(), "3 x 3 x 3 blocks");
        assertEquals(27, job.todo().size());
        System.setProperty("synapse.spark.failOnce", "4");
        BlockPrediction.Outcome o;
        try (JavaSparkContext sc = local(2)) {
            o = job.run(sc, Progress.NONE);
        }
        assertEquals(27, o.predicted());
        assertEquals(1, ExecutorModels.loads(), "the checkpoint loaded once in the executor, not per block");
        assertTrue(!Files.exists(output.resolve(".blocks-windows/0")), "the shared windows removed at the end");
        assertTrue(largestDifference(read(output)) <= 1);
        try (ChunkedVolume v = VolumeFiles.open(output.toString())) {
            assertArrayEquals(new int[] {1, 2, 16, 16}, v.chunkShape());
        }
        BlockPrediction again = BlockPrediction.prepare(options(output));
        assertEquals(0, again.todo().size(), "every block marked done");
        try (JavaSparkContext sc = local(1)) {
            BlockPrediction.Outcome none = again.run(sc, Progress.NONE);
            assertEquals(27, none.skipped());
            assertEquals(0, none.predicted());
        }
    }

    @Test
    void aRunStoppedHalfWayResumesWithTheBlocksLeft() throws Exception {
        Path output = dir.resolve("resumed.n5/prediction");
        BlockPrediction job = BlockPrediction.prepare(options(output));
        System.setProperty("synapse.spark.failAlways", "26");
        try (JavaSparkContext sc = local(1)) {
            assertThrows(org.apache.spark.SparkException.class, () -> job.run(sc, Progress.NONE));
        }
        System.clearProperty("synapse.spark.failAlways");
        long markers;
        try (var files = Files.list(output.resolve(".blocks-done"))) {
            markers = files.filter(f -> f.getFileName().toString().matches("\\d+")).count();
        }
        assertTrue(markers > 0 && markers < 27, markers + " blocks marked done before the failing one stopped the run");
        BlockPrediction resumed = BlockPrediction.prepare(options(output));
        assertEquals(27 - markers, resumed.todo().size());
        assertTrue(resumed.todo().contains(26L));
        try (JavaSparkContext sc = local(1)) {
            BlockPrediction.Outcome o = resumed.run(sc, Progress.NONE);
            assertEquals(markers, o.skipped());
        }
        assertTrue(largestDifference(read(output)) <= 1);
    }

    @Test
    void theCommandOnLocalTwo() {
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        System.setProperty("spark.driver.host", "127.0.0.1");
        try {
            Path output = dir.resolve("cli.zarr/prediction");
            MainTest.Result r = MainTest.run("predict-blocks", "--checkpoint", checkpoint.toString(), "--input", sample.toString(),
                    "--output", output.toString(), "--block", "5,48,48", "--master", "local[2]", "--threads", "1",
                    "INFERENCE.INPUT_SIZE", "[5,33,33]", "INFERENCE.STRIDE", "[3,20,20]", "INFERENCE.PAD_SIZE", "[1,8,8]",
                    "INFERENCE.AUG_NUM", "4", "INFERENCE.SAMPLES_PER_BATCH", "3");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("8 blocks of [5, 48, 48] over [10, 80, 80]; 0 done before, 8 to predict."), r.out());
            assertTrue(r.out().contains("Spark 4.2.0 on local[2]"), r.out());
            assertTrue(r.out().strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("wrote " + output
                    + ": 8 blocks predicted in "), r.out());
            assertTrue(largestDifference(read(output)) <= 1);
            try (ChunkedVolume v = VolumeFiles.open(output.toString())) {
                assertEquals("background,pre,post", v.textAttribute("channels"), "the tiny model's classes, as infer says them");
            }
        } finally {
            System.clearProperty("spark.ui.enabled");
            System.clearProperty("spark.driver.bindAddress");
            System.clearProperty("spark.driver.host");
        }
    }
}
