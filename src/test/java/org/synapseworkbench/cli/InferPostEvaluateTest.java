package org.synapseworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;

/** train, infer (PyTC's form), postprocess and evaluate from the command line on a tiny generated CREMI file. */
class InferPostEvaluateTest {
    @TempDir
    static Path dir;

    static Path sample;
    static Path checkpoint;

    @BeforeAll
    static void trainATinyModel() {
        sample = dir.resolve("s.h5");
        checkpoint = TinyModel.train(dir);
    }

    @Test
    void predictsPostprocessesAndScoresAPolarityVolume() {
        Path result = dir.resolve("test").resolve("result.h5");
        MainTest.Result inf = MainTest.run("--config-file", "configs/Demo/Demo-Polarity.yaml", "--inference", "--checkpoint",
                checkpoint.toString(), "MODEL.INPUT_SIZE", "[5,33,33]", "MODEL.FILTERS", "[8,8,8,8,8]",
                "INFERENCE.INPUT_SIZE", "[5,33,33]", "INFERENCE.STRIDE", "[3,20,20]", "INFERENCE.PAD_SIZE", "[1,8,8]",
                "INFERENCE.AUG_NUM", "4", "INFERENCE.INPUT_PATH", dir.toString(), "INFERENCE.IMAGE_NAME", "s.h5",
                "INFERENCE.OUTPUT_PATH", result.getParent().toString());
        assertEquals(0, inf.code(), inf.err());
        assertTrue(inf.out().contains("wrote " + result), inf.out());
        try (Hdf5Volume v = Hdf5Volume.open(result, "vol0")) {
            assertArrayEquals(new int[] {3, 10, 80, 80}, v.shape());
            assertEquals(DataType.UINT8, v.type());
            assertTrue(v.filters().toString().contains("deflate"), v.filters().toString());
            assertEquals("background,pre,post", v.textAttribute("channels"));
        }
        Path labels = dir.resolve("labels.h5");
        MainTest.Result post = MainTest.run("postprocess", "--input", result.toString(), "--output", labels.toString(), "--min-size", "4");
        assertEquals(0, post.code(), post.err());
        assertTrue(post.out().contains("synapses") && Files.exists(labels), post.out());
        try (Hdf5Volume v = Hdf5Volume.open(labels, "main")) {
            assertEquals(DataType.UINT64, v.type());
            assertArrayEquals(new int[] {10, 80, 80}, v.shape());
        }
        MainTest.Result eval = MainTest.run("evaluate", "--prediction", labels.toString(), "--truth", sample + ":volumes/labels/polarity",
                "--task", "polarity", "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonObject o = JsonParser.parseString(eval.out()).getAsJsonObject();
        assertEquals(0.5, o.get("iou_threshold").getAsDouble());
        assertTrue(o.has("precision") && o.has("recall") && o.has("f1") && o.getAsJsonObject("pre").has("f1"), eval.out());
        long truthSynapses = o.get("tp").getAsLong() + o.get("fn").getAsLong();
        assertTrue(truthSynapses > 0, eval.out());
    }

    @Test
    void theTruthScoresPerfectlyAgainstItself() {
        MainTest.Result cleft = MainTest.run("evaluate", "--prediction", sample + ":volumes/labels/clefts", "--truth", sample.toString(), "--json");
        assertEquals(0, cleft.code(), cleft.err());
        JsonObject c = JsonParser.parseString(cleft.out()).getAsJsonObject();
        assertEquals(0, c.get("fp_count").getAsLong());
        assertEquals(0, c.get("fn_count").getAsLong());
        assertEquals(0.0, c.get("adgt").getAsDouble());
        assertEquals(0.0, c.get("cremi_score").getAsDouble());
        MainTest.Result pol = MainTest.run("evaluate", "--prediction", sample + ":volumes/labels/polarity",
                "--truth", sample + ":volumes/labels/polarity", "--task", "polarity");
        assertEquals(0, pol.code(), pol.err());
        assertTrue(pol.out().matches("(?s).*synapses\\s+1\\.000\\s+1\\.000\\s+1\\.000.*"), pol.out());
    }

    @Test
    void anEmptyPredictionIsStatedNotScoredAsNaN() throws Exception {
        Path empty = dir.resolve("empty.h5");
        new org.synapseworkbench.volume.Hdf5Writer()
                .dataset("main", org.synapseworkbench.volume.Block.zeros(DataType.UINT64, 10, 80, 80)).write(empty);
        MainTest.Result r = MainTest.run("evaluate", "--prediction", empty.toString(), "--truth", sample.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("CREMI score (nm)       undefined") && r.out().contains("prediction has no cleft voxel")
                && !r.out().contains("NaN"), r.out());
    }

    @Test
    void mismatchedOrMissingFilesAreOneClearLine() {
        MainTest.Result missing = MainTest.run("evaluate", "--prediction", dir.resolve("nope.h5").toString(), "--truth", sample.toString());
        assertEquals(Main.USER_ERROR, missing.code());
        assertTrue(missing.err().startsWith("error: ") && missing.err().contains("nope.h5"), missing.err());
        MainTest.Result threshold = MainTest.run("postprocess", "--input", sample.toString(), "--output", dir.resolve("x.h5").toString(),
                "--threshold", "127");
        assertEquals(Main.USER_ERROR, threshold.code());
        assertTrue(threshold.err().contains("--threshold 127.0 is not a probability"), threshold.err());
        MainTest.Result sides = MainTest.run("postprocess", "--input", sample.toString(), "--output", dir.resolve("x.h5").toString(),
                "--sides", "widest");
        assertEquals(Main.USER_ERROR, sides.code());
        assertTrue(sides.err().contains("--sides widest is not thresholds or larger"), sides.err());
    }
}
