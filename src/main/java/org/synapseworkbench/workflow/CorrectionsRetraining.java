package org.synapseworkbench.workflow;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.SamplingFocus;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.data.TrainingSet;
import org.synapseworkbench.data.TrainingVolume;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.proofread.EditedLabels;
import org.synapseworkbench.proofread.LabelEdit;
import org.synapseworkbench.train.DeviceChoice;
import org.synapseworkbench.train.TrainingEnd;
import org.synapseworkbench.train.TrainingListener;
import org.synapseworkbench.train.TrainingRun;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/**
 * "Retrain on corrections" (the Review tab's; headless, so that a test or a command can run it): scores the checkpoint's prediction of the
 * image against the corrected labels, fine-tunes a copy of the checkpoint's model on the image and the corrected
 * labels as they were when it started (a share of the crops placed on the corrected voxels), then predicts and
 * scores again. The fine-tuning takes
 * the checkpoint's own config (its model must match the weights) with the iterations asked for, counted from 0, and
 * writes its checkpoints and TensorBoard logs to a new folder {@code corrections-<time>} beside the checkpoint.
 */
public final class CorrectionsRetraining {
    /**
     * @param iterations fine-tuning iterations
     * @param focusShare the share of crops placed on corrected voxels (the rest uniform)
     * @param threshold {@code minSize}, {@code sides} and {@code facing}: how probabilities become instances, as in the
     *        Predict tab
     */
    public record Settings(int iterations, double focusShare, double threshold, int minSize, Polarity2Instance.SideRule sides,
            boolean facing) {
        public Settings {
            if (iterations < 1) {
                throw new UserException("Fine-tuning needs at least 1 iteration, but " + iterations + " were asked for.");
            }
        }
    }

    /** Metric, value before, value after: one row of the side-by-side table. */
    public record Comparison(String metric, String before, String after) {
    }

    /** What a retraining gave: the new checkpoint, its prediction and instances, and the scores before and after. */
    public record Outcome(Path checkpoint, PredictAndScore.Prediction prediction, Block instances, List<Comparison> scores,
            TrainingEnd end) {
    }

    /** Fine-tuning runs at this share of the config's learning rate: a trained model is nudged, not retrained. */
    static final double FINE_TUNING_RATE = 0.1;

    private CorrectionsRetraining() {
    }

    /**
     * Runs the three steps; {@code progress} hears "Scoring before", "Fine-tuning" (iterations) and "Scoring after"
     * (windows), {@code listener} the fine-tuning's events. Cancelling stops at the next window or iteration.
     *
     * @param settingsConfig the window's config: window, stride and test-time augmentation of the predictions
     * @param shown the checkpoint's prediction of the image with those settings when there is one already (the Predict
     *     tab's), which is then not made again; else null
     */
    public static Outcome run(Path checkpoint, Config settingsConfig, Volume image, EditedLabels corrected, Settings settings,
            PredictAndScore.Prediction shown, TrainingListener listener, Progress progress, Cancellation cancel) {
        long[] voxels = correctedVoxels(corrected);
        if (voxels.length == 0) {
            throw new UserException("There are no corrections in " + corrected.name() + " yet; paint or erase labels first.");
        }
        Checkpoint from = Checkpoint.read(checkpoint);
        // the labels as they are now: editing may go on meanwhile without reaching this run
        Block truth = corrected.read(new int[3], corrected.spatialShape());
        Volume frozen = new InMemoryVolume(corrected.name(), truth, corrected.resolution(), corrected.offset());

        PredictAndScore.Prediction before = shown != null ? shown
                : PredictAndScore.predict(checkpoint, settingsConfig, image,
                        (what, done, total, s) -> progress.update("Scoring before", done, total, s), cancel);
        TargetKind kind = before.kind();
        List<PredictAndScore.Score> beforeRows = PredictAndScore.scores(PredictAndScore.instances(before.probabilities(), kind,
                settings.threshold(), settings.minSize(), settings.sides(), settings.facing()), truth, kind, image.resolution());

        Path out = checkpoint.toAbsolutePath().getParent().resolve("corrections-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Config tuning = from.config()
                .with("SOLVER.ITERATION_RESTART", true, "retraining on corrections")
                .with("SOLVER.ITERATION_TOTAL", settings.iterations(), "retraining on corrections")
                .with("SOLVER.ITERATION_SAVE", settings.iterations(), "retraining on corrections")
                .with("SOLVER.BASE_LR", from.config().solver().baseLr() * FINE_TUNING_RATE, "retraining on corrections")
                .with("DATASET.OUTPUT_PATH", out.toString(), "retraining on corrections");
        int[] pad = tuning.dataset().padSize().stream().mapToInt(Integer::intValue).toArray();
        TrainingRun run = new TrainingRun(tuning, new TrainingRun.Options(checkpoint, DeviceChoice.AUTO, 1, Path.of(""), 0));
        run.useData(new TrainingSet(List.of(new TrainingVolume(image, frozen, pad, tuning.dataset().normalizeSections()))),
                new SamplingFocus(0, voxels, settings.focusShare()));
        run.addListener(new org.synapseworkbench.train.TensorBoardListener(out, 20));
        run.addListener(listener);
        TrainingEnd end = run.run((what, done, total, s) -> progress.update("Fine-tuning", done, total, s), cancel);
        cancel.check();
        if (end.reason() != TrainingEnd.Reason.FINISHED || end.lastCheckpoint() == null) {
            throw new UserException("Fine-tuning did not finish: " + end.message());
        }

        PredictAndScore.Prediction after = PredictAndScore.predict(end.lastCheckpoint(), settingsConfig, image,
                (what, done, total, s) -> progress.update("Scoring after", done, total, s), cancel);
        Block instances = PredictAndScore.instances(after.probabilities(), kind, settings.threshold(), settings.minSize(),
                settings.sides(), settings.facing());
        List<PredictAndScore.Score> afterRows = PredictAndScore.scores(instances, truth, kind, image.resolution());
        return new Outcome(end.lastCheckpoint(), after, instances, sideBySide(beforeRows, afterRows), end);
    }

    /** Every voxel an edit in effect changed, once, as linear indices. */
    public static long[] correctedVoxels(EditedLabels labels) {
        long[] all = labels.edits().stream().map(LabelEdit::voxels).flatMapToLong(Arrays::stream).toArray();
        return SamplingFocus.distinct(all);
    }

    /** Rows of the same metrics, before and after, matched by name (a metric in only one gets "-" in the other). */
    static List<Comparison> sideBySide(List<PredictAndScore.Score> before, List<PredictAndScore.Score> after) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (PredictAndScore.Score r : before) {
            rows.put(r.measure(), new String[] {r.value(), "-"});
        }
        for (PredictAndScore.Score r : after) {
            rows.computeIfAbsent(r.measure(), k -> new String[] {"-", "-"})[1] = r.value();
        }
        List<Comparison> out = new ArrayList<>();
        rows.forEach((metric, v) -> out.add(new Comparison(metric, v[0], v[1])));
        return out;
    }
}
