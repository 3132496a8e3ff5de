package org.synapseworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class MainTest {
    @TempDir
    Path dir;

    public record Result(int code, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void pytcsOwnFlagsBecomeTrainOrInfer() {
        assertEquals(java.util.List.of("infer", "--config-file", "f.yaml", "--checkpoint", "c.ckpt", "SOLVER.BASE_LR", "0.1"),
                java.util.List.of(Main.pytcForm(new String[] {"--config-file", "f.yaml", "--inference", "--checkpoint", "c.ckpt",
                    "SOLVER.BASE_LR", "0.1"})));
        assertEquals(java.util.List.of("train", "--config-base", "b.yaml", "--config-file", "f.yaml"),
                java.util.List.of(Main.pytcForm(new String[] {"--config-base", "b.yaml", "--config-file", "f.yaml"})));
        assertEquals(java.util.List.of("info", "x.h5"), java.util.List.of(Main.pytcForm(new String[] {"info", "x.h5"})));
    }

    @Test
    void onlyPredictingCommandsMayUseInferenceKernels() {
        assertTrue(Main.predictsOnly(new String[] {"infer", "--checkpoint", "c.ckpt"}));
        assertTrue(Main.predictsOnly(Main.pytcForm(new String[] {"--inference", "--config-file", "f.yaml"})));
        assertTrue(Main.predictsOnly(new String[] {"benchmark", "infer"}));
        assertTrue(Main.predictsOnly(new String[] {"benchmark", "learning", "--checkpoint", "c.ckpt"}));
        assertFalse(Main.predictsOnly(new String[] {"train", "--config-file", "f.yaml"}));
        assertFalse(Main.predictsOnly(new String[] {"benchmark", "train"}));
        assertFalse(Main.predictsOnly(new String[] {}));
    }

    @Test
    void generateThenInfo() {
        Path f = dir.resolve("g.h5");
        Result g = run("generate", "--output", f.toString(), "--size", "8,96,96", "--seed", "5", "--density", "30");
        assertEquals(0, g.code(), g.err());
        assertTrue(Files.exists(f) && Files.exists(dir.resolve("g-image.h5")) && Files.exists(dir.resolve("g-clefts.h5"))
                && Files.exists(dir.resolve("g-polarity.h5")));
        Result info = run("info", f.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("volumes/labels/clefts") && info.out().contains("uint64")
                && info.out().contains("no-cleft (0xFFFFFFFFFFFFFFFF)"), info.out());
        Result one = run("info", dir.resolve("g-image.h5") + ":main");
        assertTrue(one.out().contains("[8, 96, 96]") && one.out().contains("values"), one.out());
    }

    @Test
    void userErrorsAreOneLineWithoutStackTrace() {
        Result missing = run("info", dir.resolve("none.h5").toString());
        assertEquals(Main.USER_ERROR, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("error: File '") && !missing.err().contains("at org."), missing.err());

        Result badSize = run("generate", "--size", "8,-3,96");
        assertEquals(Main.USER_ERROR, badSize.code());
        assertTrue(badSize.err().contains("every entry must be positive"), badSize.err());

        Result key = run("config", "MODEL.FILTER", "[1,2,3,4,5]");
        assertEquals(Main.USER_ERROR, key.code());
        assertTrue(key.err().contains("did you mean MODEL.FILTERS?"), key.err());

        // checked before any model is trained or read
        oneClearLine(run("benchmark", "proofreading", "--sides", "both", "--checkpoint", dir.resolve("none.ckpt").toString()),
                "--sides both is not thresholds or larger.");
    }

    /** An HDF5 fixture written by h5py (see src/test/resources/h5py/make_fixtures.py). */
    static Path fixture(String name) throws Exception {
        return Path.of(MainTest.class.getResource("/h5py/" + name).toURI());
    }

    private static void oneClearLine(Result r, String starts) {
        assertEquals(Main.USER_ERROR, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + starts), r.err());
    }

    @Test
    void damagedPipesAndHugeFilesGetOneClearSentence() throws Exception {
        Path f = dir.resolve("g.h5");
        assertEquals(0, run("generate", "--output", f.toString(), "--size", "16,200,200", "--layout", "cremi").code());
        // cut inside the last dataset's chunk index: the metadata reads, the storage size does not
        byte[] whole = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.h5");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 1000));
        Result info = run("info", cut.toString());
        oneClearLine(info, "'" + cut + "' is damaged or truncated (");

        Path fifo = dir.resolve("pipe.h5");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        oneClearLine(run("info", fifo.toString()), "'" + fifo + "' is not a regular file (a named pipe, socket or device)");
        oneClearLine(run("config", "--config-file", fifo.toString()), "Config file '" + fifo + "' is not a regular file");
        oneClearLine(run("infer", "--checkpoint", fifo.toString()), "The checkpoint " + fifo + " is not a regular file");

        Path huge = fixture("huge_declared.h5");
        Result hugeInfo = run("info", huge.toString());
        assertEquals(0, hugeInfo.code(), hugeInfo.err());
        assertTrue(hugeInfo.out().contains("statistics  skipped: 5,000,000,000,000 voxels are more than --stats-limit"),
                hugeInfo.out());
        oneClearLine(run("evaluate", "--prediction", huge + ":volumes/raw", "--truth", huge.toString()),
                "evaluate holds the prediction and the truth in memory, but");
        oneClearLine(run("postprocess", "--input", huge + ":volumes/raw", "--output", dir.resolve("p.h5").toString()),
                "postprocess holds the probability map and its labels in memory, but");
        assertFalse(Files.exists(dir.resolve("p.h5")));
    }

    @Test
    void aFullDiskIsAUserErrorAndExitCodesAreListed() {
        java.io.StringWriter err = new java.io.StringWriter();
        Exception full = new java.io.UncheckedIOException(new java.nio.file.FileSystemException("/data/result.h5", null,
                "No space left on device"));
        assertEquals(Main.USER_ERROR, Main.report(full, new PrintWriter(err)));
        assertEquals("error: The disk is full: a file /data/result.h5 could not be written (No space left on device); files "
                + "already there are intact. Free some space (or write to another disk) and run the command again.",
                err.toString().strip());
        Result help = run("--help");
        assertTrue(help.out().contains("Exit codes:") && help.out().contains("130") && help.out().contains("NaN"), help.out());
    }

    @Test
    void configPrintsValidatesAndSaves() throws Exception {
        Result diff = run("config", "--diff", "SOLVER.BASE_LR", "0.01");
        assertEquals(0, diff.code(), diff.err());
        assertEquals("SOLVER:\n  BASE_LR: 0.01\n", diff.out());
        Result invalid = run("config", "--validate", "MODEL.OUT_PLANES", "2");
        assertEquals(Main.NEGATIVE, invalid.code());
        Result none = run("config", "--config-file", "configs/Demo/Demo-Cleft.yaml", "--validate", "MODEL.INPUT_SIZE", "None",
                "SOLVER.BASE_LR", "1e999");
        assertEquals(Main.NEGATIVE, none.code());
        assertTrue(none.out().contains("error: command line: MODEL.INPUT_SIZE is None but training and prediction need a value")
                && none.out().contains("SOLVER.BASE_LR is .inf") && none.out().contains("2 errors."), none.out());
        Result loss = run("config", "--config-file", "configs/Demo/Demo-Cleft.yaml", "--validate", "MODEL.LOSS_OPTION",
                "[['WeightedBCEWithLogitsLoss','NoSuchLoss']]");
        assertEquals(Main.NEGATIVE, loss.code());
        assertTrue(loss.out().contains("NoSuchLoss"), loss.out());
        assertTrue(invalid.out().contains("error: command line: MODEL.OUT_PLANES is 2"), invalid.out());
        Path saved = dir.resolve("c.yaml");
        Result save = run("config", "--config-file", "configs/Demo/Demo-Cleft.yaml", "--output", saved.toString());
        assertEquals(0, save.code(), save.err());
        Result reload = run("config", "--config-file", saved.toString(), "--diff");
        assertTrue(reload.out().contains("IMAGE_NAME: sample-image.h5"), reload.out());
        Result keys = run("config", "--keys");
        assertTrue(keys.out().contains("SOLVER.BASE_LR") && keys.out().lines().count() >= 226);
    }

    @Test
    void demoMakesAndDescribesTheSample() {
        Path f = dir.resolve("sample.h5");
        Result demo = run("demo", "--output", f.toString());
        assertEquals(0, demo.code(), demo.err());
        assertTrue(demo.out().contains("synapses:") && demo.out().contains("#"), demo.out());
        Result again = run("demo", "--output", f.toString());
        assertTrue(again.out().contains("Using the sample in"), again.out());
        assertFalse(again.out().contains("Generating"));
    }
}
