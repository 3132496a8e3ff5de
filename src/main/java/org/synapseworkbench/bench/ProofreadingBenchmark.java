package org.synapseworkbench.bench;

import java.awt.Color;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.cli.InstanceOptions;
import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.eval.InstanceMatching;
import org.synapseworkbench.eval.MatchScores;
import org.synapseworkbench.eval.PolarityScores;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.proofread.InstanceTable;
import org.synapseworkbench.proofread.MissCandidates;
import org.synapseworkbench.proofread.ReviewQueue;
import org.synapseworkbench.proofread.SynapseIds;
import org.synapseworkbench.proofread.TruthProofreader;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolume;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;
import org.synapseworkbench.workflow.CorrectionsRetraining;
import org.synapseworkbench.workflow.PredictAndScore;

/**
 * {@code benchmark proofreading}: what the review queue saves a proofreader. A demo polarity model predicts a held-out
 * synthetic volume; a {@link TruthProofreader} walks the review queue in its order (and, for comparison, in random
 * orders and in the order of before the ranking) and after every 10 items the corrected labels are scored against the
 * truth. Printed: the share of the truly missed synapses (no detection touches them) that the possible-miss list
 * shows within its first 2 x (number missed) entries; instance F1 against items reviewed; and the F1 on a second
 * held-out volume before and after "retrain on corrections" with the corrected labels. A PNG plots F1 against items
 * reviewed for each order.
 */
@Command(name = "proofreading", mixinStandardHelpOptions = true,
        header = "Play a proofreader who answers from the truth: misses surfaced, F1 per item reviewed, retraining's gain.",
        description = {"Trains --config-file on the sample as the demo does (or takes --checkpoint), predicts a held-out",
            "volume (--seed), and walks its review queue as a proofreader who knows the truth: true detections accepted,",
            "false ones rejected with the reason and erased, real synapses at possible misses painted in. Prints the share",
            "of truly missed synapses among the first 2 x (missed) possible misses, instance F1 every 10 items for the",
            "queue's order and random orders, and the F1 on a second volume (--score-seed) before and after retraining on",
            "the corrections; plots F1 against items reviewed to --plot."})
public final class ProofreadingBenchmark implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    TrainedModel.Options modelChoice;

    @Option(names = "--seed", defaultValue = "101", description = "Seed of the volume proofread (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--score-seed", defaultValue = "102",
            description = "Seed of the volume that scores the retrained model, never corrected (default ${DEFAULT-VALUE}).")
    long scoreSeed;

    @Option(names = "--size", defaultValue = "32,640,640", paramLabel = "Z,Y,X",
            description = "Size of both volumes (default ${DEFAULT-VALUE}: about 45 synapses each).")
    String size;

    @Option(names = "--defects", defaultValue = "all",
            description = "EM defects of both volumes (default ${DEFAULT-VALUE}: missing sections are where the demo model misses synapses).")
    String defects;

    @Option(names = "--low", defaultValue = "" + MissCandidates.DEFAULT_LOW, description = "Lower end of the doubt band (default ${DEFAULT-VALUE}, as the Review tab).")
    double low;

    @Option(names = "--high", defaultValue = "0.5", description = "Upper end of the doubt band (default ${DEFAULT-VALUE}).")
    double high;

    @Option(names = "--shuffles", defaultValue = "10", description = "Random orders walked (default ${DEFAULT-VALUE}).")
    int shuffles;

    @Option(names = "--retrain-iterations", defaultValue = "200",
            description = "Fine-tuning iterations on the corrections, 0 to skip (default ${DEFAULT-VALUE}).")
    int retrainIterations;

    @Option(names = "--plot", defaultValue = "docs/images/proofreading-yield.png", description = "PNG to write (default ${DEFAULT-VALUE}).")
    Path plot;

    @Option(names = "--sides", defaultValue = "thresholds", paramLabel = "thresholds|larger",
            description = "How the maps are cut into sides, as postprocess --sides (default ${DEFAULT-VALUE}, PyTC's, which the "
                    + "figures in docs/benchmarks.md were measured with; the window's Predict tab cuts with larger).")
    String sides;

    @Option(names = "--facing", description = "Cut with the pre voxels behind the post side mended, as postprocess --facing and "
            + "the window's Predict tab (off by default, as the figures in docs/benchmarks.md were measured).")
    boolean facing;

    @Option(names = "--decisions", description = "Write the queue with the proofreader's verdicts as CSV here.")
    Path decisions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final double IOU = InstanceMatching.DEFAULT_IOU;

    /** The side rule of --sides, set when the benchmark starts. */
    private Polarity2Instance.SideRule sideRule;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int[] shape = org.synapseworkbench.volume.Sizes.parse(size);
        sideRule = InstanceOptions.sideRule(sides);
        try (TrainedModel model = modelChoice.open(out)) {
            Config settings = model.config();
            TargetKind kind = TargetKind.of(settings.model().targetOpt().get(0));
            if (kind == TargetKind.BINARY) {
                throw new UserException(model.checkpoint() + " predicts clefts; this benchmark proofreads polarity, so give a "
                        + "polarity checkpoint (Demo-Polarity.yaml trains one).");
            }
            SyntheticVolume proofread = volume(shape, seed);
            out.printf(Locale.ROOT, "Predicting the volume to proofread (seed %d, %s, %s)...%n", seed, size, defects);
            out.flush();
            InMemoryVolume image = new InMemoryVolume("seed " + seed, proofread.image(), SynthParams.RESOLUTION);
            PredictAndScore.Prediction prediction = PredictAndScore.predict(model.checkpoint(), settings, image, Progress.NONE,
                    new Cancellation());
            Block instances = PredictAndScore.instances(prediction.probabilities(), kind, high, minSize(), sideRule, facing);
            Block foreground = Polarity2Instance.synapseProbability(prediction.probabilities(),
                    kind == TargetKind.POLARITY_CLASSES);
            ReviewQueue queue = reviewQueue(instances, foreground);
            Block truth = proofread.polarity();

            misses(out, queue, instances, truth);
            List<Walk> walks = walks(out, queue, instances, truth);
            if (decisions != null) {
                walks.get(0).queue().export(decisions);
                out.println("Verdicts written to " + decisions + ".");
            }
            plot(out, walks);
            if (retrainIterations > 0) {
                retrain(out, model, settings, image, prediction, walks.get(0).proofreader(), shape);
            }
            return 0;
        }
    }

    private SyntheticVolume volume(int[] shape, long s) {
        return new SyntheticEmGenerator(SynthParams.of(shape, s).withDefects(SynthParams.Defect.parse(defects))).generate();
    }

    private static int minSize() {
        return Polarity2Instance.Options.defaults().minSize();
    }

    private ReviewQueue reviewQueue(Block instances, Block foreground) {
        InMemoryVolume inst = new InMemoryVolume("instances", instances, SynthParams.RESOLUTION);
        InMemoryVolume fg = new InMemoryVolume("synapse probability", foreground, SynthParams.RESOLUTION);
        List<InstanceTable.Instance> detections = InstanceTable.measure(inst, fg, true, null, null);
        List<MissCandidates.Candidate> candidates = new MissCandidates(low, high, 10).find(fg, inst, null, null);
        return ReviewQueue.of(detections, candidates);
    }

    /** The truly missed synapses, and how many of them the first 2 x (missed) possible misses show. */
    private void misses(PrintWriter out, ReviewQueue queue, Block instances, Block truth) {
        Set<Long> touched = new HashSet<>();
        for (int i = 0; i < truth.size(); i++) {
            long t = truth.getLong(i);
            if (Cremi.isObject(t) && Cremi.isObject(instances.getLong(i))) {
                touched.add(SynapseIds.synapse(t));
            }
        }
        TruthProofreader looker = new TruthProofreader(instances, truth, IOU);
        List<Long> missed = looker.trueSynapses().stream().filter(t -> !touched.contains(t)).toList();
        PolarityScores before = InstanceMatching.polarity(instances, truth, IOU);
        List<ReviewQueue.Item> candidates = queue.items().stream().filter(i -> i.kind() == ReviewQueue.Kind.MISS_CANDIDATE).toList();
        int window = Math.min(candidates.size(), 2 * missed.size());
        long surfaced = shownAmong(candidates.subList(0, window), looker, missed);
        List<ReviewQueue.Item> byMass = new ArrayList<>(candidates);
        byMass.sort(Comparator.comparingDouble(ProofreadingBenchmark::mass).reversed());
        long surfacedByMass = shownAmong(byMass.subList(0, window), looker, missed);
        Set<Long> all = new HashSet<>();
        candidates.forEach(c -> all.addAll(looker.at(c)));
        long anywhere = missed.stream().filter(all::contains).count();
        out.printf(Locale.ROOT, "Queue: %d detections, %d possible misses. Truth: %d synapses; the model matches %d (IoU > %.1f); "
                + "%d no detection touches (truly missed).%n", queue.size() - candidates.size(), candidates.size(),
                looker.trueSynapses().size(), before.synapses().truePositives(), IOU, missed.size());
        out.printf(Locale.ROOT, "Truly missed synapses shown by the first %d possible misses: %d of %d (share %s; ranked by "
                + "mass alone, as before: %d); by the whole list: %d.%n", window, surfaced, missed.size(),
                missed.isEmpty() ? "- (nothing missed)" : String.format(Locale.ROOT, "%.2f", (double) surfaced / missed.size()),
                surfacedByMass, anywhere);
    }

    private static long shownAmong(List<ReviewQueue.Item> places, TruthProofreader looker, List<Long> missed) {
        Set<Long> shown = new HashSet<>();
        for (ReviewQueue.Item c : places) {
            shown.addAll(looker.at(c));
        }
        return missed.stream().filter(shown::contains).count();
    }

    /** One order walked: F1 after every 10 items, and what the proofreader decided. */
    record Walk(String name, int[] reviewed, PolarityScores[] scores, TruthProofreader proofreader, ReviewQueue queue) {
    }

    private List<Walk> walks(PrintWriter out, ReviewQueue queue, Block instances, Block truth) {
        List<Walk> walks = new ArrayList<>();
        int n = queue.size();
        int[] inQueue = new int[n];
        Arrays.setAll(inQueue, i -> i);
        walks.add(walk("queue order", queue, inQueue, instances, truth));
        walks.add(walk("by id, then by mass", queue, byIdThenMass(queue), instances, truth));
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < shuffles; k++) {
            int[] order = inQueue.clone();
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            walks.add(walk("random order " + (k + 1), queue, order, instances, truth));
        }
        Walk first = walks.get(0);
        Map<ReviewQueue.Status, Integer> counts = first.queue().counts();
        Map<ReviewQueue.Reason, Integer> reasons = new EnumMap<>(first.queue().reasonCounts());
        out.printf(Locale.ROOT, "The proofreader's verdicts: %d accepted, %d rejected %s.%n", counts.get(ReviewQueue.Status.ACCEPTED),
                counts.get(ReviewQueue.Status.REJECTED), reasons);
        out.printf(Locale.ROOT, "%n%-9s %-26s %-26s %-26s%n", "reviewed", "queue order (syn/pre/post)", "by id, then by mass",
                "random, mean of " + shuffles);
        for (int r = 0; r < first.reviewed().length; r++) {
            double[] mean = new double[3];
            for (Walk w : walks.subList(2, walks.size())) {
                mean[0] += f1(w.scores()[r].synapses()) / shuffles;
                mean[1] += f1(w.scores()[r].pre()) / shuffles;
                mean[2] += f1(w.scores()[r].post()) / shuffles;
            }
            out.printf(Locale.ROOT, "%-9d %-26s %-26s %-26s%n", first.reviewed()[r], triple(first.scores()[r]),
                    triple(walks.get(1).scores()[r]), shuffles == 0 ? "-"
                            : String.format(Locale.ROOT, "%.2f / %.2f / %.2f", mean[0], mean[1], mean[2]));
        }
        out.printf(Locale.ROOT, "Area under the synapse F1 curve (mean F1 over the walk): queue order %.3f, by id then by mass "
                + "%.3f, random %.3f.%n%n", area(first), area(walks.get(1)),
                walks.subList(2, walks.size()).stream().mapToDouble(ProofreadingBenchmark::area).average().orElse(Double.NaN));
        out.flush();
        return walks;
    }

    /** A possible miss's probability mass, the ranking of before (its score discounts it near detections). */
    private static double mass(ReviewQueue.Item candidate) {
        return candidate.mean() * candidate.voxels();
    }

    /** The order of before the ranking: detections by id, then possible misses by probability mass. */
    private static int[] byIdThenMass(ReviewQueue queue) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            idx.add(i);
        }
        List<ReviewQueue.Item> items = queue.items();
        idx.sort(Comparator.<Integer>comparingInt(i -> items.get(i).kind() == ReviewQueue.Kind.DETECTION ? 0 : 1)
                .thenComparingLong(i -> items.get(i).kind() == ReviewQueue.Kind.DETECTION ? items.get(i).id() : 0)
                .thenComparingDouble(i -> -mass(items.get(i))));
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Walk walk(String name, ReviewQueue queue, int[] order, Block instances, Block truth) {
        TruthProofreader reader = new TruthProofreader(instances, truth, IOU);
        ReviewQueue decided = new ReviewQueue(queue.items());
        List<Integer> reviewed = new ArrayList<>();
        List<PolarityScores> scores = new ArrayList<>();
        reviewed.add(0);
        scores.add(InstanceMatching.polarity(reader.current(), truth, IOU));
        for (int k = 0; k < order.length; k++) {
            TruthProofreader.Decision d = reader.decide(queue.items().get(order[k]));
            decided.decide(order[k], d.verdict());
            if ((k + 1) % 10 == 0 || k + 1 == order.length) {
                reviewed.add(k + 1);
                scores.add(InstanceMatching.polarity(reader.current(), truth, IOU));
            }
        }
        return new Walk(name, reviewed.stream().mapToInt(Integer::intValue).toArray(), scores.toArray(PolarityScores[]::new),
                reader, decided);
    }

    /** The mean synapse F1 over the walk (trapezoids over items reviewed, divided by the items). */
    static double area(Walk w) {
        double a = 0;
        for (int i = 1; i < w.reviewed().length; i++) {
            a += (w.reviewed()[i] - w.reviewed()[i - 1]) * (f1(w.scores()[i].synapses()) + f1(w.scores()[i - 1].synapses())) / 2;
        }
        int n = w.reviewed()[w.reviewed().length - 1];
        return n == 0 ? f1(w.scores()[0].synapses()) : a / n;
    }

    private void plot(PrintWriter out, List<Walk> walks) throws java.io.IOException {
        List<LinePlot.Series> series = new ArrayList<>();
        Walk first = walks.get(0);
        double[] x = Arrays.stream(first.reviewed()).asDoubleStream().toArray();
        if (shuffles > 0) {
            double[] mean = new double[x.length];
            double[][] band = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                final int row = r;
                double[] ys = walks.subList(2, walks.size()).stream().mapToDouble(w -> f1(w.scores()[row].synapses())).toArray();
                mean[r] = Arrays.stream(ys).average().orElse(0);
                band[r] = new double[] {Arrays.stream(ys).min().orElse(0), Arrays.stream(ys).max().orElse(0)};
            }
            series.add(new LinePlot.Series("random order (mean and range of " + shuffles + ")", new Color(120, 120, 120), x, mean,
                    band, true));
        }
        series.add(new LinePlot.Series("by id, then possible misses by mass", new Color(230, 140, 30), x,
                Arrays.stream(walks.get(1).scores()).mapToDouble(s -> f1(s.synapses())).toArray(), null, false));
        series.add(new LinePlot.Series("review queue's order", new Color(30, 90, 200), x,
                Arrays.stream(first.scores()).mapToDouble(s -> f1(s.synapses())).toArray(), null, false));
        LinePlot.write(plot, String.format(Locale.ROOT, "Proofreading from the truth: seed %d, %s voxels, defects: %s", seed,
                size.replace(",", " x "), defects),
                "items reviewed", "synapse F1 (IoU > 0.5)", series);
        out.println("Plot written to " + plot + ".");
    }

    private void retrain(PrintWriter out, TrainedModel model, Config settings, InMemoryVolume image,
            PredictAndScore.Prediction shown, TruthProofreader reader, int[] shape) throws Exception {
        // fine-tune a copy, so that the corrections' folder lands beside it and not beside a checkpoint given
        Path dir = Files.createTempDirectory("proofreading-benchmark");
        try {
            Path copy = dir.resolve(model.checkpoint().getFileName());
            Files.copy(model.checkpoint(), copy);
            out.printf(Locale.ROOT, "Retraining on the corrections (%d voxels changed, %d iterations)...%n",
                    CorrectionsRetraining.correctedVoxels(reader.labels()).length, retrainIterations);
            out.flush();
            long t0 = System.nanoTime();
            CorrectionsRetraining.Outcome o = CorrectionsRetraining.run(copy, settings, image, reader.labels(),
                    new CorrectionsRetraining.Settings(retrainIterations, 0.5, high, minSize(), sideRule, facing), shown,
                    new org.synapseworkbench.train.TrainingListener() {
                    }, Progress.NONE, new Cancellation());
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "Retrained in %.0f s. On the corrected volume (seed %d) against the corrected labels:%n", seconds, seed);
            o.scores().forEach(c -> out.printf(Locale.ROOT, "  %-34s %10s -> %s%n", c.metric(), c.before(), c.after()));
            SyntheticVolume other = volume(shape, scoreSeed);
            InMemoryVolume otherImage = new InMemoryVolume("seed " + scoreSeed, other.image(), SynthParams.RESOLUTION);
            out.printf(Locale.ROOT, "On a volume never corrected (seed %d), instance F1 at IoU > %.1f (synapse / pre / post):%n",
                    scoreSeed, IOU);
            out.flush();
            for (Path c : List.of(model.checkpoint(), o.checkpoint())) {
                PredictAndScore.Prediction p = PredictAndScore.predict(c, settings, otherImage, Progress.NONE, new Cancellation());
                TargetKind kind = p.kind();
                PolarityScores s = InstanceMatching.polarity(PredictAndScore.instances(p.probabilities(), kind, high, minSize(), sideRule, facing),
                        other.polarity(), IOU);
                out.printf(Locale.ROOT, "  %-22s %s   (synapses TP/FP/FN %d/%d/%d)%n", c == o.checkpoint() ? "after retraining"
                        : "before", triple(s), s.synapses().truePositives(), s.synapses().falsePositives(),
                        s.synapses().falseNegatives());
                out.flush();
            }
        } finally {
            BenchmarkCommand.deleteTree(dir);
        }
    }

    private static String triple(PolarityScores s) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", f1(s.synapses()), f1(s.pre()), f1(s.post()));
    }

    private static double f1(MatchScores m) {
        return m.f1().orElse(0);
    }
}
