package org.synapseworkbench.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.proofread.EditedLabels;
import org.synapseworkbench.train.IterationStats;
import org.synapseworkbench.train.TrainingEnd;
import org.synapseworkbench.train.TrainingListener;
import org.synapseworkbench.train.TrainingRun;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.UserException;

/** Retraining on corrections with a tiny model: the scores before and after are those of the two checkpoints. */
class CorrectionsRetrainingTest {
    @TempDir
    static Path dir;
    private static Config config;
    private static Path checkpoint;

    @BeforeAll
    static void trainATinyModel() throws Exception {
        Path data = dir.resolve("data");
        TinyCleftModel.writeVolume(data);
        config = TinyCleftModel.config(data, dir.resolve("out"), 3);
        TrainingEnd end = new TrainingRun(config, TrainingRun.Options.defaults()).run();
        assertEquals(TrainingEnd.Reason.FINISHED, end.reason());
        checkpoint = end.lastCheckpoint();
    }

    @Test
    void fineTunesFromTheCheckpointAndScoresBothAgainstTheCorrectedLabels() throws Exception {
        Path data = dir.resolve("data");
        try (Hdf5Volume image = Hdf5Volume.open(data.resolve("tiny-image.h5"), null);
                Hdf5Volume clefts = Hdf5Volume.open(data.resolve("tiny-clefts.h5"), null)) {
            EditedLabels corrected = new EditedLabels(clefts);
            // a missed cleft painted in: 3 x 4 x 4 voxels of a new id
            List<Long> voxels = new ArrayList<>();
            for (int z = 4; z < 7; z++) {
                for (int y = 40; y < 44; y++) {
                    for (int x = 50; x < 54; x++) {
                        voxels.add(corrected.index(z, y, x));
                    }
                }
            }
            corrected.set("paint", voxels.stream().mapToLong(Long::longValue).toArray(), 99);
            assertEquals(48, CorrectionsRetraining.correctedVoxels(corrected).length);

            List<Long> iterations = new ArrayList<>();
            TrainingListener heard = new TrainingListener() {
                @Override
                public void iteration(IterationStats stats) {
                    iterations.add(stats.iteration());
                }
            };
            CorrectionsRetraining.Outcome o = CorrectionsRetraining.run(checkpoint, config, image, corrected,
                    new CorrectionsRetraining.Settings(2, 0.5, 0.5, 16, Polarity2Instance.SideRule.LARGER, false), null, heard, org.synapseworkbench.work.Progress.NONE,
                    new Cancellation());

            assertEquals(List.of(1L, 2L), iterations, "two iterations, counted from 0");
            assertEquals(TrainingRun.checkpointName(2), o.checkpoint().getFileName().toString());
            assertTrue(o.checkpoint().getParent().getFileName().toString().startsWith("corrections-"));
            assertEquals(checkpoint.toAbsolutePath().getParent(), o.checkpoint().getParent().getParent(),
                    "the new folder lies beside the checkpoint");
            try (Stream<Path> files = Files.list(o.checkpoint().getParent())) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("events.out.tfevents")), "TensorBoard log");
            }
            assertEquals(2, Checkpoint.read(o.checkpoint()).iteration());
            assertEquals(Checkpoint.read(checkpoint).config().solver().baseLr() / 10,
                    Checkpoint.read(o.checkpoint()).config().solver().baseLr(), 1e-12, "fine-tuned at a tenth of the rate");

            // the same steps done by hand give the same table
            Block truth = corrected.read(new int[3], corrected.spatialShape());
            List<PredictAndScore.Score> before = PredictAndScore.scores(PredictAndScore.instances(PredictAndScore.predict(checkpoint, config,
                    image, org.synapseworkbench.work.Progress.NONE, new Cancellation()).probabilities(), TargetKind.BINARY, 0.5, 16,
                    Polarity2Instance.SideRule.LARGER, false),
                    truth, TargetKind.BINARY, image.resolution());
            PredictAndScore.Prediction after = PredictAndScore.predict(o.checkpoint(), config, image,
                    org.synapseworkbench.work.Progress.NONE, new Cancellation());
            assertArrayEquals(after.probabilities().bytes(), o.prediction().probabilities().bytes());
            List<PredictAndScore.Score> afterRows = PredictAndScore.scores(o.instances(), truth, TargetKind.BINARY, image.resolution());
            assertEquals(before.size(), o.scores().size());
            for (int i = 0; i < before.size(); i++) {
                CorrectionsRetraining.Comparison c = o.scores().get(i);
                assertEquals(before.get(i).measure(), c.metric());
                assertEquals(before.get(i).value(), c.before(), c.metric());
                assertEquals(afterRows.get(i).value(), c.after(), c.metric());
            }
            assertEquals("CREMI score (nm, lower is better)", o.scores().get(0).metric());
            assertFalse(java.util.Arrays.equals(PredictAndScore.predict(checkpoint, config, image,
                    org.synapseworkbench.work.Progress.NONE, new Cancellation()).probabilities().bytes(),
                    after.probabilities().bytes()), "fine-tuning changed the model");
        }
    }

    @Test
    void withoutCorrectionsItSaysWhatToDo() throws Exception {
        Path data = dir.resolve("data");
        try (Hdf5Volume image = Hdf5Volume.open(data.resolve("tiny-image.h5"), null);
                Hdf5Volume clefts = Hdf5Volume.open(data.resolve("tiny-clefts.h5"), null)) {
            UserException e = assertThrows(UserException.class, () -> CorrectionsRetraining.run(checkpoint, config, image,
                    new EditedLabels(clefts), new CorrectionsRetraining.Settings(2, 0.5, 0.5, 16, Polarity2Instance.SideRule.LARGER, false), null,
                    new TrainingListener() {
                    }, org.synapseworkbench.work.Progress.NONE, new Cancellation()));
            assertTrue(e.getMessage().contains("paint or erase labels first"), e.getMessage());
        }
    }

    @Test
    void sideBySideMatchesMetricsByName() {
        List<CorrectionsRetraining.Comparison> rows = CorrectionsRetraining.sideBySide(
                List.of(new PredictAndScore.Score("F1", "0.500"), new PredictAndScore.Score("Only before", "1")),
                List.of(new PredictAndScore.Score("F1", "0.750"), new PredictAndScore.Score("Only after", "2")));
        assertEquals(List.of(new CorrectionsRetraining.Comparison("F1", "0.500", "0.750"),
                new CorrectionsRetraining.Comparison("Only before", "1", "-"),
                new CorrectionsRetraining.Comparison("Only after", "-", "2")), rows);
    }
}
