package org.synapseworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolumeWriter;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.UserException;

/** Whole training runs of a tiny model on a tiny generated volume. */
class TrainingRunTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void writeVolume() throws Exception {
        SyntheticVolumeWriter.writePytc(new SyntheticEmGenerator(SynthParams.of(new int[] {12, 96, 96}, 5).withDensity(24)).generate(),
                data.resolve("tiny.h5"));
    }

    /** A tiny cleft model: 5x33x33 input, 8 filters per stage, batch 1. */
    static Config config(Path out, String... overrides) {
        List<String> pairs = new ArrayList<>(List.of(
                "MODEL.INPUT_SIZE", "[5,33,33]", "MODEL.FILTERS", "[8,8,8,8,8]",
                "DATASET.INPUT_PATH", data.toString(), "DATASET.IMAGE_NAME", "tiny-image.h5", "DATASET.LABEL_NAME", "tiny-clefts.h5",
                "DATASET.OUTPUT_PATH", out.toString(), "DATASET.PAD_SIZE", "[1,8,8]", "DATASET.REJECT_SAMPLING.SIZE_THRES", "20",
                "SOLVER.SAMPLES_PER_BATCH", "1", "SOLVER.ITERATION_TOTAL", "6", "SOLVER.ITERATION_SAVE", "3",
                "SOLVER.WARMUP_ITERS", "2", "SYSTEM.NUM_CPUS", "1"));
        pairs.addAll(List.of(overrides));
        return ConfigLoader.applyOverrides(ConfigLoader.merge(null, Path.of("configs/Demo/Demo-Cleft.yaml"), List.of()), pairs);
    }

    /** Records what a run reports. */
    static final class Recorder implements TrainingListener {
        TrainingStart start;
        final List<IterationStats> iterations = new ArrayList<>();
        final List<Path> checkpoints = new ArrayList<>();
        TrainingEnd end;

        @Override
        public void started(TrainingStart s) {
            start = s;
        }

        @Override
        public void iteration(IterationStats s) {
            iterations.add(s);
        }

        @Override
        public void checkpointSaved(Path file, long iteration) {
            checkpoints.add(file);
        }

        @Override
        public void finished(TrainingEnd e) {
            end = e;
        }
    }

    static Recorder run(Config c, Path checkpoint) {
        TrainingRun run = new TrainingRun(c, TrainingRun.Options.defaults().withCheckpoint(checkpoint));
        Recorder r = new Recorder();
        run.addListener(r);
        TrainingEnd end = run.run();
        assertEquals(end, r.end);
        return r;
    }

    @Test
    void runsToTheEndWithCheckpointsAndResumesWhereItStopped(@TempDir Path out) throws Exception {
        Config c = config(out);
        Recorder full = run(c, null);
        assertEquals(TrainingEnd.Reason.FINISHED, full.end.reason());
        assertEquals(6, full.iterations.size());
        LearningRateSchedule schedule = LearningRateSchedule.fromConfig(c);
        for (int i = 0; i < 6; i++) {
            IterationStats s = full.iterations.get(i);
            assertEquals(i + 1, s.iteration());
            assertTrue(Double.isFinite(s.loss()) && s.loss() > 0, "loss " + s.loss());
            assertEquals(schedule.at(i), s.learningRate(), 1e-12);
        }
        Path third = out.resolve(TrainingRun.checkpointName(3));
        assertEquals(List.of(third, out.resolve(TrainingRun.checkpointName(6))), full.checkpoints);
        assertTrue(Files.size(third) > 10_000);

        assertEquals(java.util.Optional.of(out.resolve(TrainingRun.checkpointName(6))), Checkpoint.newest(out));
        assertEquals(java.util.Optional.empty(), Checkpoint.newest(out.resolve("nothing-here")));

        // on a thread of its own, as the window trains: PyTorch's grad mode is per thread (on in new threads)
        Recorder[] onOtherThread = new Recorder[1];
        Thread other = new Thread(() -> onOtherThread[0] = run(config(out.resolve("resumed")), third), "other");
        other.start();
        other.join();
        Recorder resumed = onOtherThread[0];
        assertTrue(resumed != null && resumed.end.reason() == TrainingEnd.Reason.FINISHED, "resumed on another thread");
        assertEquals(3, resumed.start.firstIteration());
        assertEquals(3, resumed.iterations.size());
        for (int i = 0; i < 3; i++) {
            IterationStats a = full.iterations.get(3 + i);
            IterationStats b = resumed.iterations.get(i);
            assertEquals(a.iteration(), b.iteration());
            assertEquals(a.learningRate(), b.learningRate(), 1e-15);
            // same weights, optimiser state, norms' statistics and batches: the same losses
            assertEquals(a.loss(), b.loss(), 1e-4 * Math.max(1, a.loss()));
        }
        Checkpoint last = Checkpoint.read(out.resolve(TrainingRun.checkpointName(6)));
        assertEquals(6, last.iteration());
        UserException nothingLeft = assertThrows(UserException.class, () -> run(c, out.resolve(TrainingRun.checkpointName(6))));
        assertEquals("The checkpoint " + out.resolve(TrainingRun.checkpointName(6)) + " is at iteration 6, which is not below "
                + "SOLVER.ITERATION_TOTAL 6, so there is nothing left to train; raise SOLVER.ITERATION_TOTAL (e.g. "
                + "SOLVER.ITERATION_TOTAL 12) or fine-tune from its weights with SOLVER.ITERATION_RESTART True.",
                nothingLeft.getMessage());
        assertEquals(c.getIntList("MODEL.FILTERS"), last.config().getIntList("MODEL.FILTERS"));
    }

    @Test
    void cancellingStopsAfterTheStepAndWritesACheckpoint(@TempDir Path out) {
        TrainingRun run = new TrainingRun(config(out), TrainingRun.Options.defaults());
        Recorder r = new Recorder();
        run.addListener(r);
        Cancellation control = new Cancellation();
        List<String> reports = new ArrayList<>();
        TrainingEnd end = run.run((task, done, total, seconds) -> {
            reports.add(task + " " + done + "/" + total);
            if (done == 2) {
                control.cancel();
            }
        }, control);
        assertEquals(List.of("training 1/6", "training 2/6"), reports);
        assertEquals(TrainingEnd.Reason.CANCELLED, end.reason());
        assertEquals(2, end.iteration());
        assertEquals(out.resolve(TrainingRun.checkpointName(2)), end.lastCheckpoint());
        assertTrue(Files.exists(end.lastCheckpoint()));
    }

    @Test
    void aLossThatIsNotANumberStopsTrainingWithAClearMessage(@TempDir Path dir) throws Exception {
        float[] nan = new float[8 * 48 * 48];
        java.util.Arrays.fill(nan, Float.NaN);
        new Hdf5Writer().dataset("main", Block.wrap(DataType.FLOAT32, nan, 8, 48, 48)).write(dir.resolve("nan-image.h5"));
        Files.copy(data.resolve("tiny-clefts.h5"), dir.resolve("big-clefts.h5"));
        long[] labels = new long[8 * 48 * 48];
        labels[100] = 1;
        new Hdf5Writer().dataset("main", Block.wrap(DataType.UINT64, labels, 8, 48, 48)).write(dir.resolve("nan-clefts.h5"));
        Config c = config(dir.resolve("out"), "DATASET.INPUT_PATH", dir.toString(), "DATASET.IMAGE_NAME", "nan-image.h5",
                "DATASET.LABEL_NAME", "nan-clefts.h5", "DATASET.REJECT_SAMPLING.SIZE_THRES", "-1");
        Recorder r = run(c, null);
        assertEquals(TrainingEnd.Reason.DIVERGED, r.end.reason());
        assertEquals(0, r.end.iteration());
        assertNull(r.end.lastCheckpoint());
        assertTrue(r.end.message().contains("lower SOLVER.BASE_LR"), r.end.message());
    }

    @Test
    void mistakesInTheSetupAreExplained(@TempDir Path out) {
        TrainingRun run = new TrainingRun(config(out, "DATASET.IMAGE_NAME", "nope.h5"), TrainingRun.Options.defaults());
        Recorder r = new Recorder();
        run.addListener(r);
        UserException missing = assertThrows(UserException.class, run::run);
        assertTrue(missing.getMessage().contains("nope.h5"), missing.getMessage());
        assertEquals(TrainingEnd.Reason.FAILED, r.end.reason());
        assertEquals(missing.getMessage(), r.end.message());
        UserException tooBig = assertThrows(UserException.class,
                () -> new TrainingRun(config(out, "MODEL.INPUT_SIZE", "[33,257,257]"), TrainingRun.Options.defaults()).run());
        assertTrue(tooBig.getMessage().contains("smaller MODEL.INPUT_SIZE"), tooBig.getMessage());
        UserException checkpoint = assertThrows(UserException.class,
                () -> new TrainingRun(config(out), TrainingRun.Options.defaults().withCheckpoint(out.resolve("none.ckpt"))).run());
        assertTrue(checkpoint.getMessage().contains("does not exist"), checkpoint.getMessage());
        try (OutputFolderLock busy = OutputFolderLock.acquire(out)) {
            UserException second = assertThrows(UserException.class,
                    () -> new TrainingRun(config(out), TrainingRun.Options.defaults()).run());
            assertTrue(second.getMessage().startsWith("Another training run is writing into " + out), second.getMessage());
        }
    }

    @Test
    void aCheckpointThatCannotBeWrittenNamesTheFileAndWhatIsIntact() {
        Path file = Path.of("out", TrainingRun.checkpointName(500));
        java.io.IOException full = new java.nio.file.FileSystemException(file + ".tmp", null, "No space left on device");
        assertEquals("The checkpoint " + file + " could not be written (No space left on device); the previous checkpoint "
                + Path.of("out", TrainingRun.checkpointName(250)) + " is intact. Free space on that disk or set "
                + "DATASET.OUTPUT_PATH to another folder, then resume with --checkpoint "
                + Path.of("out", TrainingRun.checkpointName(250)) + ".",
                TrainingRun.checkpointNotWritten(file, Path.of("out", TrainingRun.checkpointName(250)), full).getMessage());
        assertTrue(TrainingRun.checkpointNotWritten(file, null, full).getMessage().contains("no checkpoint of this run was "
                + "written before"));
    }

    @Test
    void theModelLearnsTheTinyVolume(@TempDir Path out) {
        Recorder r = run(config(out, "SOLVER.ITERATION_TOTAL", "60", "SOLVER.ITERATION_SAVE", "60", "SOLVER.BASE_LR", "0.02",
                "SOLVER.WARMUP_ITERS", "5", "AUGMENTOR.ENABLED", "False"), null);
        double first = 0;
        double last = 0;
        for (int i = 0; i < 10; i++) {
            first += r.iterations.get(i).loss();
            last += r.iterations.get(50 + i).loss();
        }
        assertTrue(last < 0.7 * first, "mean loss of the first 10 iterations " + first / 10 + ", of the last 10 " + last / 10);
    }
}
