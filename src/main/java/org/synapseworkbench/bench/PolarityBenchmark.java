package org.synapseworkbench.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.cli.InstanceOptions;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.eval.InstanceOverlaps;
import org.synapseworkbench.eval.MatchScores;
import org.synapseworkbench.eval.PolarityScores;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolume;
import org.synapseworkbench.train.DeviceChoice;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/**
 * {@code benchmark polarity}: how well a polarity config learns what the demo promises. Trains the config on the
 * built-in sample (seed 1) as a new user would, then predicts synthetic volumes of other seeds, validation and test,
 * with and without EM defects, cuts them into synapses as {@code postprocess} does and prints instance F1 of
 * synapses, pre and post sides per seed: a row of the table that issue work on detection quality reports.
 */
@Command(name = "polarity", mixinStandardHelpOptions = true,
        header = "Train a polarity config on the sample and score synapses, pre and post sides on unseen seeds.",
        description = {"Trains --config-file (over the default config) on the built-in sample for its iterations, or takes",
            "--checkpoint, then predicts 32 x 320 x 320 volumes of the validation and test seeds with each --defects set",
            "and prints instance F1 (IoU > --iou) of synapses, pre and post, with TP/FP/FN. Choose settings on the",
            "validation seeds; report the test seeds. --train-seeds trains once per seed and ends with each pooled",
            "figure's mean and range over the runs."})
public final class PolarityBenchmark implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    TrainedModel.Options modelChoice;

    @Option(names = "--validation-seeds", defaultValue = "201,202", description = "Default ${DEFAULT-VALUE}; none for none.")
    String validationSeeds;

    @Option(names = "--test-seeds", defaultValue = "101,102", description = "Default ${DEFAULT-VALUE}; none for none.")
    String testSeeds;

    @Option(names = "--defects", split = ";", defaultValue = "noise,drift;all",
            description = "Sets of EM defects for the scored volumes, ';' between sets (default ${DEFAULT-VALUE}).")
    List<String> defects;

    @Option(names = "--iou", defaultValue = "0.5", description = "IoU above which instances match (default ${DEFAULT-VALUE}).")
    double iou;

    @Option(names = "--thresholds", split = ",", defaultValue = "0.5",
            description = "Thresholds of the cut into synapses to score on the same maps (default ${DEFAULT-VALUE}, PyTC's; "
                    + "the exclusive 1-1 maps take the highest class instead).")
    List<Double> thresholds;

    @Option(names = "--sides", split = ",", defaultValue = "thresholds", paramLabel = "thresholds|larger",
            description = "Side rules of the cut to score on the same maps, as postprocess --sides (default ${DEFAULT-VALUE}, "
                    + "PyTC's).")
    List<String> sides;

    @Option(names = "--facing", split = ",", defaultValue = "off,on", paramLabel = "off|on",
            description = "Score each cut as it is (off) and with the pre voxels behind the post side mended (on, postprocess "
                    + "--facing, the window's default), on the same maps (default ${DEFAULT-VALUE}).")
    List<String> facing;

    @Option(names = "--train-seeds", split = ",", paramLabel = "SEED",
            description = "Instead of one run (--train-seed), train the config once per seed, score each, then print every "
                    + "pooled figure's mean and range over the runs: one run says little.")
    List<Long> trainSeeds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The --facing choices, set when the benchmark starts. */
    private List<Boolean> facingChoices;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Long> validation = seeds("--validation-seeds", validationSeeds);
        List<Long> test = seeds("--test-seeds", testSeeds);
        for (double t : thresholds) {
            if (!(t > 0 && t < 1)) {
                throw new UserException("--thresholds " + t + " is not a probability between 0 and 1.");
            }
        }
        List<Polarity2Instance.SideRule> sideRules = new ArrayList<>();
        for (String rule : sides) {
            sideRules.add(InstanceOptions.sideRule(rule));
        }
        facingChoices = new ArrayList<>();
        for (String f : facing) {
            switch (f.strip().toLowerCase(Locale.ROOT)) {
                case "off" -> facingChoices.add(false);
                case "on" -> facingChoices.add(true);
                default -> throw new UserException("--facing " + f + " is not off or on; give off, on or off,on.");
            }
        }
        if (trainSeeds == null || trainSeeds.isEmpty()) {
            try (TrainedModel model = modelChoice.open(out)) {
                score(out, model, validation, test, sideRules);
                return 0;
            }
        }
        if (modelChoice.checkpoint != null) {
            throw new UserException("--train-seeds trains the config once per seed; leave out --checkpoint.");
        }
        Map<String, List<PolarityScores>> runs = new LinkedHashMap<>();
        for (long seed : trainSeeds) {
            try (TrainedModel model = TrainedModel.of(null, modelChoice.configFile, seed, modelChoice.overrides, out)) {
                score(out, model, validation, test, sideRules)
                        .forEach((row, pooled) -> runs.computeIfAbsent(row, k -> new ArrayList<>()).add(pooled));
            }
        }
        spread(out, trainSeeds, runs);
        return 0;
    }

    /**
     * Each pooled row's F1s over the training runs: mean and range of synapse, pre and post F1 (over the runs where
     * it is defined: a run with neither true nor predicted instances has none; "-" when no run has one).
     *
     * @param runs per row (group, defects, cut), the pooled scores of every run in the order of {@code seeds}
     */
    static void spread(PrintWriter out, List<Long> seeds, Map<String, List<PolarityScores>> runs) {
        out.printf(Locale.ROOT, "Over %d training runs (seeds %s): pooled F1 mean (min-max)%n", seeds.size(),
                seeds.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "%-47s %-17s %-17s %s%n", "", "synapse", "pre", "post");
        runs.forEach((row, scores) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-47s", row));
            for (int k = 0; k < 3; k++) {
                final int kind = k;
                double[] f = scores.stream().map(s -> kinds(s)[kind].f1()).filter(OptionalDouble::isPresent)
                        .mapToDouble(OptionalDouble::getAsDouble).toArray();
                line.append(f.length == 0 ? String.format(Locale.ROOT, " %-17s", "-") : String.format(Locale.ROOT,
                        " %.2f (%.2f-%.2f) ", Arrays.stream(f).average().orElseThrow(), Arrays.stream(f).min().orElseThrow(),
                        Arrays.stream(f).max().orElseThrow()));
            }
            out.println(line.toString().stripTrailing());
        });
        out.flush();
    }

    private static MatchScores[] kinds(PolarityScores s) {
        return new MatchScores[] {s.synapses(), s.pre(), s.post()};
    }

    /** A comma list of seeds, or none. */
    private static List<Long> seeds(String option, String text) {
        if (text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        try {
            return Arrays.stream(text.split(",")).map(String::strip).map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new UserException(option + " takes a comma list of whole numbers or none, not '" + text + "'");
        }
    }

    /** Scores the model and prints its rows; returns the pooled scores of each group, defects and cut. */
    private Map<String, PolarityScores> score(PrintWriter out, TrainedModel trained, List<Long> validation,
                                              List<Long> test, List<Polarity2Instance.SideRule> sideRules) {
        Map<String, PolarityScores> result = new LinkedHashMap<>();
        Path model = trained.checkpoint();
        double seconds = trained.seconds();
        try (Predictor predictor = Predictor.load(model, trained.config(), DeviceChoice.AUTO.resolve(1))) {
            boolean exclusive = TargetKind.of(predictor.config().model().targetOpt().get(0)) == TargetKind.POLARITY_CLASSES;
            Polarity2Instance.Options d = Polarity2Instance.Options.defaults();
            List<Polarity2Instance.Options> cuts = new ArrayList<>();
            for (Polarity2Instance.SideRule rule : exclusive ? sideRules.subList(0, 1) : sideRules) {
                for (double t : exclusive ? thresholds.subList(0, 1) : thresholds) {
                    for (boolean mend : facingChoices) {
                        cuts.add(new Polarity2Instance.Options(exclusive, t, d.minSize(), d.dilation(), rule, mend));
                    }
                }
            }
            VolumeInference inference = new VolumeInference(predictor, VolumeInference.Settings.fromConfig(predictor.config()));
            out.printf(Locale.ROOT, "%s%s; instance F1 at IoU > %.2f (synapse / pre / post, TP/FP/FN of each), the mean "
                    + "over true instances of the best IoU reached, and of the best match's size / true size (drawn: above 1 "
                    + "too wide)%n", model,
                    Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, ", trained in %.0f s", seconds), iou);
            out.printf(Locale.ROOT, "%-11s %5s %-12s %-21s %8s %8s %8s   %-26s %-15s %s%n", "", "seed", "defects", "cut", "synapse",
                    "pre", "post", "TP/FP/FN", "mean best IoU", "drawn");
            out.flush();
            List<Map.Entry<String, List<Long>>> groups = List.of(Map.entry("validation", validation), Map.entry("test", test));
            for (String set : defects) {
                for (Map.Entry<String, List<Long>> named : groups) {
                    String group = named.getKey();
                    List<Long> seeds = named.getValue();
                    Pooled[] pooled = new Pooled[cuts.size()];
                    for (int c = 0; c < cuts.size(); c++) {
                        pooled[c] = new Pooled();
                    }
                    for (long seed : seeds) {
                        SyntheticVolume v = new SyntheticEmGenerator(SynthParams.of(SynthParams.SAMPLE_SIZE, seed)
                                .withDefects(SynthParams.Defect.parse(set))).generate();
                        Block map = inference.predict(new InMemoryVolume("seed " + seed, v.image(), SynthParams.RESOLUTION),
                                Progress.NONE, new Cancellation());
                        for (int c = 0; c < cuts.size(); c++) {
                            InstanceOverlaps counts = InstanceOverlaps.polarity();
                            counts.add(Polarity2Instance.instances(map, cuts.get(c)), v.polarity());
                            PolarityScores s = counts.polarityScores(iou);
                            double[] m = counts.meanBestIou();
                            double[][] drawn = counts.bestSizeRatioSums();
                            pooled[c].add(s, m, drawn);
                            row(out, group, Long.toString(seed), set, cuts.get(c), s, m, drawn);
                        }
                    }
                    for (int c = 0; c < cuts.size() && seeds.size() > 1; c++) {
                        row(out, group, "all", set, cuts.get(c), pooled[c].scores(iou), pooled[c].meanIou(), pooled[c].drawn);
                    }
                    for (int c = 0; c < cuts.size() && !seeds.isEmpty(); c++) {
                        result.put(String.format(Locale.ROOT, "%-11s %-12s %s", group, set, cut(cuts.get(c))),
                                pooled[c].scores(iou));
                    }
                }
            }
        }
        return result;
    }

    private static String cut(Polarity2Instance.Options cut) {
        return (cut.exclusive() ? "largest class" : String.format(Locale.ROOT, "%.2f %s", cut.threshold(),
                cut.sides().name().toLowerCase(Locale.ROOT))) + (cut.facing() ? " facing" : "");
    }

    private static void row(PrintWriter out, String group, String seed, String set, Polarity2Instance.Options cut,
                            PolarityScores s, double[] m, double[][] drawn) {
        out.printf(Locale.ROOT, "%-11s %5s %-12s %-21s %8s %8s %8s   %-26s %-15s %s%n", group, seed, set,
                cut(cut), f1(s.synapses()), f1(s.pre()),
                f1(s.post()), counts(s.synapses()) + "  " + counts(s.pre()) + "  " + counts(s.post()),
                String.format(Locale.ROOT, "%.2f/%.2f/%.2f", m[0], m[1], m[2]),
                ratio(drawn[0]) + "/" + ratio(drawn[1]) + "/" + ratio(drawn[2]));
        out.flush();
    }

    /** Mean of {sum, count}, or "-" for none. */
    private static String ratio(double[] sumAndCount) {
        return sumAndCount[1] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", sumAndCount[0] / sumAndCount[1]);
    }

    /** Scores of several volumes together: counts summed, mean IoUs weighted by each volume's true instances. */
    private static final class Pooled {
        private final long[][] counts = new long[3][3];
        private final double[] iouSums = new double[3];
        /** Per kind {sum of best-match size ratios, their number}, as {@link InstanceOverlaps#bestSizeRatioSums()}. */
        final double[][] drawn = new double[3][2];

        void add(PolarityScores s, double[] meanIou, double[][] sizeRatios) {
            for (int k = 0; k < 3; k++) {
                drawn[k][0] += sizeRatios[k][0];
                drawn[k][1] += sizeRatios[k][1];
            }
            MatchScores[] kinds = {s.synapses(), s.pre(), s.post()};
            for (int k = 0; k < 3; k++) {
                counts[k][0] += kinds[k].truePositives();
                counts[k][1] += kinds[k].falsePositives();
                counts[k][2] += kinds[k].falseNegatives();
                if (kinds[k].truth() > 0) {
                    iouSums[k] += meanIou[k] * kinds[k].truth();
                }
            }
        }

        PolarityScores scores(double iou) {
            return new PolarityScores(kind(0, iou), kind(1, iou), kind(2, iou));
        }

        private MatchScores kind(int k, double iou) {
            return new MatchScores(counts[k][0], counts[k][1], counts[k][2], iou);
        }

        double[] meanIou() {
            double[] out = new double[3];
            for (int k = 0; k < 3; k++) {
                long truth = counts[k][0] + counts[k][2];
                out[k] = truth == 0 ? Double.NaN : iouSums[k] / truth;
            }
            return out;
        }
    }

    private static String f1(MatchScores m) {
        return m.f1().isPresent() ? String.format(Locale.ROOT, "%.2f", m.f1().getAsDouble()) : "-";
    }

    private static String counts(MatchScores m) {
        return m.truePositives() + "/" + m.falsePositives() + "/" + m.falseNegatives();
    }
}
