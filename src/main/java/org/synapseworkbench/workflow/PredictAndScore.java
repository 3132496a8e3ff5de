package org.synapseworkbench.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.eval.CleftMask;
import org.synapseworkbench.eval.CleftMetrics;
import org.synapseworkbench.eval.CleftScores;
import org.synapseworkbench.eval.InstanceMatching;
import org.synapseworkbench.eval.MatchScores;
import org.synapseworkbench.eval.PolarityScores;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.post.CleftInstances;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.proofread.SynapseIds;
import org.synapseworkbench.train.DeviceChoice;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.Steps;

/**
 * Predict, cut into instances, score: the steps the Predict tab and the retraining on corrections share, headless.
 * Predictions follow a checkpoint's model and first target; instances are 26-connected clefts or synapses with pre
 * 2n-1 and post 2n; scores are CREMI's for clefts and IoU-matched F1 for polarity, as named rows.
 */
public final class PredictAndScore {
    /** A checkpoint's prediction of an image: uint8 probabilities per channel, and what the model's first target is. */
    public record Prediction(Block probabilities, TargetKind kind) {
    }

    /** Instances cut from a prediction, their count in words, and their scores (empty without truth). */
    public record Instances(Block labels, String count, List<Score> scores) {
    }

    /** One score, named for people, with its value formatted ("0.812", "undefined"). */
    public record Score(String measure, String value) {
    }

    private PredictAndScore() {
    }

    /**
     * Predicts {@code image} with a checkpoint (its model, targets and input normalisation) and the window, stride and
     * test-time augmentation of {@code settings}; {@code progress} hears the device's name as its "what".
     */
    public static Prediction predict(Path checkpointFile, Config settings, Volume image, Progress progress,
            Cancellation cancel) {
        var device = DeviceChoice.AUTO.resolve(settings.system().numGpus());
        try (Predictor predictor = Predictor.load(checkpointFile, null, device)) {
            String targetCode = predictor.config().model().targetOpt().get(0);
            VolumeInference inference = new VolumeInference(predictor,
                    VolumeInference.Settings.fromConfig(settings).withInputOf(predictor.config()));
            String on = DeviceChoice.describe(predictor.device());
            Block probs = inference.predict(image, (what, done, total, seconds) -> progress.update(on, done, total, seconds),
                    cancel);
            return new Prediction(probs, TargetKind.of(targetCode));
        }
    }

    /**
     * Cuts probabilities into instances: clefts (26-connected), or synapses with pre 2n-1 and post 2n whose union
     * voxels take their side by {@code sides} (exclusive maps and clefts ignore it), with the pre voxels behind the post
     * side mended when {@code facing}.
     */
    public static Block instances(Block probs, TargetKind kind, double threshold, int minSize, Polarity2Instance.SideRule sides,
            boolean facing) {
        if (kind == TargetKind.BINARY) {
            return CleftInstances.toBlock(CleftInstances.of(probs, threshold, 26, minSize), 0);
        }
        return Polarity2Instance.instances(probs, new Polarity2Instance.Options(kind == TargetKind.POLARITY_CLASSES, threshold,
                minSize, Polarity2Instance.DEFAULT_DILATION, sides, facing));
    }

    /**
     * Cuts probabilities into instances and, when {@code truth} is given (else null), scores them: the Predict tab's
     * Find instances, as steps that report and may be cancelled between them.
     */
    public static Instances instancesAndScores(Block probs, TargetKind kind, double threshold, int minSize,
            Polarity2Instance.SideRule sides, boolean facing, Volume truth, double[] resolution, Progress progress,
            Cancellation control) {
        Steps steps = new Steps(progress, control, truth == null ? 1 : 3);
        steps.begin("Finding instances");
        Block labels = instances(probs, kind, threshold, minSize, sides, facing);
        List<Score> rows = List.of();
        if (truth != null) {
            steps.begin("Reading " + truth.name());
            Block t = truth.read(new int[3], truth.spatialShape());
            steps.begin("Scoring against " + truth.name());
            rows = scores(labels, t, kind, resolution);
        }
        steps.finish();
        return new Instances(labels, count(labels, kind), rows);
    }

    /** How many instances there are, in words: "12 clefts" or "5 synapses". */
    public static String count(Block instances, TargetKind kind) {
        return kind == TargetKind.BINARY ? distinct(instances, id -> id) + " clefts"
                : distinct(instances, SynapseIds::synapse) + " synapses";
    }

    /** The scores of instances against true labels: CREMI distances for clefts, F1 for polarity. */
    public static List<Score> scores(Block instances, Block truth, TargetKind kind, double[] resolution) {
        return kind == TargetKind.BINARY ? cleftScores(instances, truth, resolution) : polarityScores(instances, truth);
    }

    /**
     * CREMI's cleft metrics of a prediction against true labels (CREMI's ignore value left out): the prediction is
     * labels (cleft where not background) when {@code threshold} is null, else probabilities x 255 cut at it.
     */
    public static CleftScores scoreClefts(Block prediction, Double threshold, Block truth, double[] resolution) {
        return CleftMetrics.score(CleftMask.of(prediction, threshold), CleftMask.of(truth, null), CleftMask.ignored(truth),
                truth.shape(), resolution);
    }

    /** IoU-matched F1 of synapses, pre and post: instances with pre 2n-1 and post 2n against true labels. */
    public static PolarityScores scorePolarity(Block instances, Block truth, double iou) {
        return InstanceMatching.polarity(instances, truth, iou);
    }

    /** Why some polarity scores are undefined (no synapse predicted, or none true), if they are. */
    public static Optional<String> polarityNote(PolarityScores s) {
        MatchScores m = s.synapses();
        if (m.predicted() > 0 && m.truth() > 0) {
            return Optional.empty();
        }
        return Optional.of(m.predicted() == 0 && m.truth() == 0
                ? "Neither the prediction nor the truth has a synapse: there is nothing to score."
                : m.predicted() == 0 ? "The prediction has no synapse: precision is undefined."
                : "The truth has no synapse: recall is undefined.");
    }

    /** CREMI's cleft scores: the CREMI score, ADGT, ADF, false positives and negatives at 200 nm, voxel counts. */
    public static List<Score> cleftScores(Block labels, Block truth, double[] resolution) {
        CleftScores s = scoreClefts(labels, null, truth, resolution);
        List<Score> rows = new ArrayList<>();
        rows.add(new Score("CREMI score (nm, lower is better)", number(s.cremiScore())));
        rows.add(new Score("ADGT: predicted to truth (nm)", s.adgt().map(d -> fmt(d.mean())).orElse("undefined")));
        rows.add(new Score("ADF: truth to predicted (nm)", s.adf().map(d -> fmt(d.mean())).orElse("undefined")));
        rows.add(new Score("False positives (voxels > " + (int) CleftMetrics.COUNT_DISTANCE_NM + " nm from truth)",
                Long.toString(s.falsePositives())));
        rows.add(new Score("False negatives (voxels > " + (int) CleftMetrics.COUNT_DISTANCE_NM + " nm from prediction)",
                Long.toString(s.falseNegatives())));
        rows.add(new Score("Predicted / true cleft voxels", s.predictedVoxels() + " / " + s.truthVoxels()));
        s.undefinedReason().ifPresent(r -> rows.add(new Score("Note", r)));
        return rows;
    }

    /** IoU-matched F1, precision / recall and TP / FP / FN for synapses, pre and post. */
    public static List<Score> polarityScores(Block instances, Block truth) {
        PolarityScores s = scorePolarity(instances, truth, InstanceMatching.DEFAULT_IOU);
        List<Score> rows = new ArrayList<>();
        for (Map.Entry<String, MatchScores> e : List.of(Map.entry("Synapses", s.synapses()), Map.entry("Pre", s.pre()),
                Map.entry("Post", s.post()))) {
            MatchScores m = e.getValue();
            rows.add(new Score(e.getKey() + " F1 (IoU > " + m.iouThreshold() + ")", number(m.f1())));
            rows.add(new Score(e.getKey() + " precision / recall", number(m.precision()) + " / " + number(m.recall())));
            rows.add(new Score(e.getKey() + " TP / FP / FN", m.truePositives() + " / " + m.falsePositives() + " / "
                    + m.falseNegatives()));
        }
        polarityNote(s).ifPresent(n -> rows.add(new Score("Note", n)));
        return rows;
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? fmt(v.getAsDouble()) : "undefined";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** How many instances the labels (background 0) hold: distinct ids, or what {@code of} makes of them. */
    private static long distinct(Block labels, java.util.function.LongUnaryOperator of) {
        BitSet seen = new BitSet();
        for (long id : labels.longs()) {
            if (id > 0 && id < Integer.MAX_VALUE) {
                seen.set((int) of.applyAsLong(id));
            }
        }
        return seen.cardinality();
    }
}
