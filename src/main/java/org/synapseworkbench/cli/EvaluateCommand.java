package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.eval.CleftScores;
import org.synapseworkbench.eval.DistanceStats;
import org.synapseworkbench.eval.MatchScores;
import org.synapseworkbench.eval.PolarityScores;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.MemoryBudget;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Steps;
import org.synapseworkbench.work.UserException;
import org.synapseworkbench.workflow.PredictAndScore;

/** {@code evaluate}: CREMI cleft metrics or polarity instance F1 of a prediction against the truth. */
@Command(name = "evaluate", header = "Score a prediction against the truth: CREMI distances for clefts, F1 for polarity.", mixinStandardHelpOptions = true,
        description = {"Score a prediction against the truth: CREMI cleft distances and counts, or polarity",
            "instance precision, recall and F1 (synapses, pre and post sides) matched by IoU.",
            "Probability maps (infer's output) are cut at --threshold (default 0.5); a 3-channel map is first",
            "turned into synapses by polarity2instance with its defaults (a map of exclusive classes, as infer marks",
            "it, by each voxel's most likely class). Label volumes count every id."})
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--prediction", required = true, paramLabel = "FILE[:DATASET]", description = "Prediction: probabilities or labels.")
    String prediction;

    @Option(names = "--truth", required = true, paramLabel = "FILE[:DATASET]", description = "Ground truth labels.")
    String truth;

    @Option(names = "--task", paramLabel = "cleft|polarity", description = "Default: polarity for a 3-channel map, else cleft.")
    String task;

    @Option(names = "--threshold", paramLabel = "P", description = "Probability cut (0..1) for the prediction.")
    Double threshold;

    @Option(names = "--iou", defaultValue = "0.5", description = "Polarity: IoU above which instances match (default ${DEFAULT-VALUE}).")
    double iou;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (threshold != null && !(threshold > 0 && threshold < 1)) {
            throw new UserException("--threshold " + threshold + " is not a probability between 0 and 1.");
        }
        if (!(iou >= 0 && iou < 1)) {
            throw new UserException("--iou " + iou + " must lie in [0, 1).");
        }
        PrintWriter err = spec.commandLine().getErr();
        Scored scored;
        try {
            scored = ConsoleJob.run((progress, control) -> score(new Steps(progress, control, 3)), err, System.console() == null);
        } catch (Cancellation.CancelledException e) {
            err.println("Evaluation cancelled.");
            return Main.INTERRUPTED;
        }
        if (json) {
            out.println(new GsonBuilder().serializeNulls().create().toJson(scored.result()));
        } else {
            print(out, scored.kind(), scored.result());
        }
        out.flush();
        return 0;
    }

    /** Reads the prediction and the truth and scores them. */
    private Scored score(Steps steps) {
        Block pred;
        boolean classes;
        steps.begin("Reading " + prediction);
        boolean polarityAsked = task != null && task.equalsIgnoreCase("polarity");
        try (ChunkedVolume p = VolumeFiles.open(prediction, "vol0", "main", polarityAsked ? Cremi.POLARITY : Cremi.CLEFTS)) {
            // the prediction, the truth (8 bytes), masks, distances and instances: measured at 10-14 bytes a voxel
            MemoryBudget.requireWhole("evaluate holds the prediction and the truth in memory", p, 16, WAY_OUT);
            pred = p.readAll();
            classes = InstanceOptions.holdsClasses(p);
        }
        int channels = pred.rank() == 4 ? pred.dim(0) : 1;
        String kind = task != null ? task.toLowerCase(Locale.ROOT) : channels == 3 ? "polarity" : "cleft";
        if (!kind.equals("cleft") && !kind.equals("polarity")) {
            throw new UserException("--task " + task + " is not cleft or polarity.");
        }
        Block real;
        double[] resolution;
        steps.begin("Reading " + truth);
        int[] predShape = Arrays.copyOfRange(pred.shape(), pred.rank() - 3, pred.rank());
        try (ChunkedVolume t = VolumeFiles.open(truth, kind.equals("cleft") ? Cremi.CLEFTS : Cremi.POLARITY, "main")) {
            if (t.rank() != 3 || !Arrays.equals(t.shape(), predShape)) {
                throw new UserException("The prediction " + prediction + " is " + Arrays.toString(predShape) + " (z, y, x) but "
                        + "the truth " + truth + " is " + Arrays.toString(t.shape()) + "; compare volumes of the same region.");
            }
            real = t.readAll();
            resolution = t.resolution();
        }
        steps.begin(kind.equals("cleft") ? "Measuring CREMI distances" : "Matching synapses");
        JsonObject result = kind.equals("cleft") ? cleft(pred, real, resolution) : polarity(pred, channels, classes, real);
        steps.finish();
        return new Scored(kind, result);
    }

    private record Scored(String kind, JsonObject result) {
    }

    private static final String WAY_OUT = "crop the prediction and the truth to the region to score (e.g. with h5py), "
            + "or run on a machine with more memory and a larger -Xmx.";

    private JsonObject cleft(Block pred, Block real, double[] resolution) {
        CleftScores s = PredictAndScore.scoreClefts(pred, threshold, real, resolution);
        JsonObject o = new JsonObject();
        o.addProperty("task", "cleft");
        o.addProperty("fp_count", s.falsePositives());
        o.addProperty("fn_count", s.falseNegatives());
        distances(o, "adgt", s.adgt());
        distances(o, "adf", s.adf());
        o.addProperty("cremi_score", value(s.cremiScore()));
        o.addProperty("predicted_voxels", s.predictedVoxels());
        o.addProperty("truth_voxels", s.truthVoxels());
        o.addProperty("resolution_nm", Arrays.toString(resolution));
        s.undefinedReason().ifPresent(r -> o.addProperty("note", r));
        return o;
    }

    /** @param classes whether a 3-channel map holds exclusive classes (background, pre, post), as its attribute says */
    private JsonObject polarity(Block pred, int channels, boolean classes, Block real) {
        Block instances = pred;
        if (pred.rank() == 4) {
            if (channels != 3) {
                throw new UserException(prediction + " has " + channels + " channels; polarity needs 3 or an instance volume.");
            }
            Polarity2Instance.Options d = Polarity2Instance.Options.defaults();
            instances = Polarity2Instance.instances(pred, new Polarity2Instance.Options(classes,
                    threshold != null ? threshold : d.threshold(), d.minSize(), d.dilation()));
        }
        return polarityJson(PredictAndScore.scorePolarity(instances, real, iou));
    }

    /** Polarity scores as printed: synapses at the top level, pre and post below, a note when some are undefined. */
    static JsonObject polarityJson(PolarityScores s) {
        JsonObject o = matches(s.synapses());
        o.addProperty("task", "polarity");
        o.add("pre", matches(s.pre()));
        o.add("post", matches(s.post()));
        PredictAndScore.polarityNote(s).ifPresent(n -> o.addProperty("note", n));
        return o;
    }

    /** Polarity rows of a table (synapses, pre, post) and the note. */
    static void printPolarity(PrintWriter out, JsonObject o) {
        header(out, o);
        row(out, "synapses", o);
        row(out, "pre", o.getAsJsonObject("pre"));
        row(out, "post", o.getAsJsonObject("post"));
    }

    static JsonObject matches(MatchScores m) {
        JsonObject o = new JsonObject();
        o.addProperty("precision", value(m.precision()));
        o.addProperty("recall", value(m.recall()));
        o.addProperty("f1", value(m.f1()));
        o.addProperty("iou_threshold", m.iouThreshold());
        o.addProperty("tp", m.truePositives());
        o.addProperty("fp", m.falsePositives());
        o.addProperty("fn", m.falseNegatives());
        return o;
    }

    private static void distances(JsonObject o, String name, Optional<DistanceStats> d) {
        o.addProperty(name, d.map(DistanceStats::mean).orElse(null));
        o.addProperty(name + "_std", d.map(DistanceStats::std).orElse(null));
        o.addProperty(name + "_max", d.map(DistanceStats::max).orElse(null));
        o.addProperty(name + "_median", d.map(DistanceStats::median).orElse(null));
        o.addProperty(name + "_count", d.map(DistanceStats::count).orElse(0L));
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private void print(PrintWriter out, String kind, JsonObject o) {
        out.printf("%s vs %s%n", prediction, truth);
        if (kind.equals("cleft")) {
            out.printf(Locale.ROOT, "%-22s %,d%n", "false positives", o.get("fp_count").getAsLong());
            out.printf(Locale.ROOT, "%-22s %,d%n", "false negatives", o.get("fn_count").getAsLong());
            for (String d : new String[] {"adgt", "adf"}) {
                out.printf(Locale.ROOT, "%-22s %s%n", d.equals("adgt") ? "ADGT (nm)" : "ADF (nm)", o.get(d).isJsonNull() ? "undefined"
                        : String.format(Locale.ROOT, "%.3f  (std %.3f, max %.3f, median %.3f, %,d voxels)", o.get(d).getAsDouble(),
                        o.get(d + "_std").getAsDouble(), o.get(d + "_max").getAsDouble(), o.get(d + "_median").getAsDouble(),
                        o.get(d + "_count").getAsLong()));
            }
            out.printf(Locale.ROOT, "%-22s %s%n", "CREMI score (nm)", o.get("cremi_score").isJsonNull() ? "undefined"
                    : String.format(Locale.ROOT, "%.3f", o.get("cremi_score").getAsDouble()));
        } else {
            printPolarity(out, o);
        }
        if (o.has("note")) {
            out.println(o.get("note").getAsString());
        }
    }

    /** The heading of a table of {@link #row}s. */
    static void header(PrintWriter out, JsonObject m) {
        out.printf(Locale.ROOT, "%-10s %9s %9s %9s %6s %6s %6s   (IoU > %.2f)%n", "", "precision", "recall", "F1", "TP", "FP", "FN",
                m.get("iou_threshold").getAsDouble());
    }

    /** One line of instance scores ({@link #matches}). */
    static void row(PrintWriter out, String name, JsonObject m) {
        out.printf(Locale.ROOT, "%-10s %9s %9s %9s %6d %6d %6d%n", name, number(m, "precision"), number(m, "recall"), number(m, "f1"),
                m.get("tp").getAsLong(), m.get("fp").getAsLong(), m.get("fn").getAsLong());
    }

    private static String number(JsonObject m, String key) {
        return m.get(key).isJsonNull() ? "-" : String.format(Locale.ROOT, "%.3f", m.get(key).getAsDouble());
    }
}
