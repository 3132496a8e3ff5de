package org.synapseworkbench.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.cli.MainTest;
import org.synapseworkbench.eval.InstanceMatching;
import org.synapseworkbench.eval.MatchScores;
import org.synapseworkbench.eval.PolarityScores;
import org.synapseworkbench.post.BlockLabelling;
import org.synapseworkbench.post.CleftInstances;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.post.TestMaps;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.n5.N5Writer;
import org.synapseworkbench.volume.zarr.ZarrFormat;
import org.synapseworkbench.volume.zarr.ZarrWriter;
import org.synapseworkbench.work.Progress;

/**
 * Block-wise post-processing on Spark {@code local[2]} against {@code postprocess} of the whole map: polarity synapses
 * from an HDF5 map into Zarr with a task that fails once, clefts from a Zarr map into N5 by the command, run twice,
 * and an N5 map of exclusive classes that says so in its attributes.
 */
class BlockInstancesTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearFailures() {
        System.clearProperty("synapse.spark.failOnce");
    }

    private static JavaSparkContext local(int maxFailures) {
        return new JavaSparkContext(new SparkConf().setMaster("local[2," + maxFailures + "]").setAppName("test")
                .set("spark.ui.enabled", "false").set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1"));
    }

    private static Block read(Path array) {
        try (ChunkedVolume v = VolumeFiles.open(array.toString())) {
            return v.read(new int[v.rank()], v.shape());
        }
    }

    @Test
    void synapsesAcrossBlocksAreThoseOfPostprocessEvenWhenATaskFails() {
        int[] shape = {9, 64, 57};
        Block map = TestMaps.randomPolarity(new Random(7), shape, 14, false);
        Path h5 = dir.resolve("map.h5");
        new Hdf5Writer().dataset("vol0", map, Map.of()).write(h5);
        Polarity2Instance.Options options = new Polarity2Instance.Options(false, 0.5, 8, new int[] {1, 5, 5});
        Path output = dir.resolve("out.zarr/synapses");
        BlockInstances job = BlockInstances.prepare(new BlockInstances.Options(h5.toString(), output,
                BlockLabelling.Settings.polarity(options), new int[] {4, 16, 32}, new int[] {2, 16, 16}));
        assertEquals(3 * 4 * 2, job.blocks().count());
        System.setProperty("synapse.spark.failOnce", "5");
        BlockInstances.Outcome o;
        try (JavaSparkContext sc = local(2)) {
            o = job.run(sc, Progress.NONE);
        }
        assertEquals(24, o.written());
        Block whole = Polarity2Instance.instances(map, options);
        Block joined = read(output);
        assertEquals(DataType.UINT64, joined.type());
        int sides = TestMaps.assertSamePartition(whole, joined);
        int synapses = TestMaps.assertSamePartition(TestMaps.synapses(whole), TestMaps.synapses(joined));
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.getLong(i) % 2, joined.getLong(i) % 2, "pre and post differ at voxel " + i);
        }
        assertTrue(synapses > 4 && sides > synapses, synapses + " synapses");
        long most = 0;
        for (int i = 0; i < joined.size(); i++) {
            most = Math.max(most, (joined.getLong(i) + 1) / 2);
        }
        assertTrue(most <= o.instances(), "ids run up to the " + o.instances() + " numbered");

        // instance F1 from per-block counts equals the whole volume's, against a truth that differs
        Block truth = Polarity2Instance.instances(map, new Polarity2Instance.Options(false, 0.5, 30, new int[] {1, 3, 3}));
        Path truthFile = dir.resolve("truth.h5");
        new Hdf5Writer().dataset("main", truth, Map.of()).write(truthFile);
        PolarityScores expected = InstanceMatching.polarity(joined, truth, 0.5);
        assertTrue(expected.synapses().truePositives() > 0 && expected.pre().falsePositives() + expected.synapses().falseNegatives() > 0,
                expected.toString());
        withLocalSpark(() -> {
            MainTest.Result r = MainTest.run("evaluate-blocks", "--prediction", output.toString(), "--truth", truthFile.toString(),
                    "--block", "4,20,20", "--master", "local[2]", "--json");
            assertEquals(0, r.code(), r.err());
            JsonObject scores = JsonParser.parseString(r.out()).getAsJsonObject();
            assertEquals(36, scores.get("blocks").getAsLong(), "3 x 4 x 3 blocks");
            assertCounts(expected.synapses(), scores);
            assertCounts(expected.pre(), scores.getAsJsonObject("pre"));
            assertCounts(expected.post(), scores.getAsJsonObject("post"));
        });
    }

    private static void assertCounts(MatchScores expected, JsonObject got) {
        assertEquals(expected.truePositives(), got.get("tp").getAsLong());
        assertEquals(expected.falsePositives(), got.get("fp").getAsLong());
        assertEquals(expected.falseNegatives(), got.get("fn").getAsLong());
    }

    /** Runs {@code work} with Spark's settings for commands here: no UI, the loopback address. */
    private static void withLocalSpark(Runnable work) {
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        System.setProperty("spark.driver.host", "127.0.0.1");
        try {
            work.run();
        } finally {
            System.clearProperty("spark.ui.enabled");
            System.clearProperty("spark.driver.bindAddress");
            System.clearProperty("spark.driver.host");
        }
    }

    @Test
    void theCommandCutsCleftsFromZarrIntoN5AndARerunWritesNothing() {
        int[] shape = {11, 37, 41};
        Block map = TestMaps.randomClefts(new Random(2), shape, 25);
        Path zarr = dir.resolve("map.zarr/prediction");
        ZarrWriter.create(zarr, map.shape(), new int[] {1, 4, 16, 16}, DataType.UINT8, ZarrFormat.v2("blosc", 5), new double[] {40, 4, 4})
                .writeAll(new InMemoryVolume("map", map, new double[] {40, 4, 4}));
        Path output = dir.resolve("out.n5/clefts");
        withLocalSpark(() -> {
            String[] args = {"instances-blocks", "--input", zarr.toString(), "--output", output.toString(), "--block", "4,16,16",
                "--min-size", "10", "--connectivity", "6", "--master", "local[2]"};
            MainTest.Result r = MainTest.run(args);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("27 blocks of [4, 16, 16] over [11, 37, 41]; 0 written before."), r.out());
            Block whole = CleftInstances.toBlock(CleftInstances.of(map, 0.5, 6, 10), 0);
            Block joined = read(output);
            int clefts = TestMaps.assertSamePartition(whole, joined);
            assertTrue(r.out().contains("wrote " + output.toAbsolutePath() + ": " + clefts + " clefts; 27 blocks written in "), r.out());
            try (ChunkedVolume v = VolumeFiles.open(output.toString())) {
                assertArrayEquals(new double[] {40, 4, 4}, v.resolution());
                assertEquals("clefts", v.textAttribute("labels"));
            }
            MainTest.Result again = MainTest.run(args);
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().contains("27 written before."), again.out());
            assertTrue(again.out().contains(clefts + " clefts; 0 blocks written"), again.out());
            assertTrue(joined.contentEquals(read(output)));
        });
    }

    @Test
    void aClassMapInN5ThatSaysSoIsCutAsClassesWithoutTheFlag() {
        int[] shape = {6, 80, 80};
        Block map = TestMaps.randomPolarity(new Random(3), shape, 8, true);
        Path n5 = dir.resolve("classes.n5/prediction");
        N5Writer.create(n5, map.shape(), new int[] {1, 3, 20, 20}, DataType.UINT8, N5Writer.compression("gzip", 4), null)
                .writeAll(new InMemoryVolume("map", map, new double[] {40, 4, 4}));
        N5Writer.putAttribute(n5, "channels", "background,pre,post"); // as predict-blocks writes it
        Path output = dir.resolve("classes-out.zarr/synapses");
        withLocalSpark(() -> {
            MainTest.Result r = MainTest.run("instances-blocks", "--input", n5.toString(), "--output", output.toString(),
                    "--block", "3,32,32", "--min-size", "4", "--master", "local[2]");
            assertEquals(0, r.code(), r.err());
            Block whole = Polarity2Instance.instances(map, new Polarity2Instance.Options(true, 0.5, 4, new int[] {1, 5, 5}));
            Block joined = read(output);
            int synapses = TestMaps.assertSamePartition(TestMaps.synapses(whole), TestMaps.synapses(joined));
            assertTrue(synapses > 1, synapses + " synapses");
            for (int i = 0; i < whole.size(); i++) {
                assertEquals(whole.getLong(i) % 2, joined.getLong(i) % 2, "pre and post differ at voxel " + i);
            }
        });
    }
}
