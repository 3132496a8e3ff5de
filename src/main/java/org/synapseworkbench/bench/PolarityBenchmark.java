package org.synapseworkbench.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.eval.InstanceMatching;
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
            "validation seeds; report the test seeds."})
public final class PolarityBenchmark implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    TrainedModel.Options modelChoice;

    @Option(names = "--validation-seeds", split = ",", defaultValue = "201,202", description = "Default ${DEFAULT-VALUE}.")
    List<Long> validation;

    @Option(names = "--test-seeds", split = ",", defaultValue = "101,102", description = "Default ${DEFAULT-VALUE}.")
    List<Long> test;

    @Option(names = "--defects", split = ";", defaultValue = "noise,drift;all",
            description = "Sets of EM defects for the scored volumes, ';' between sets (default ${DEFAULT-VALUE}).")
    List<String> defects;

    @Option(names = "--iou", defaultValue = "0.5", description = "IoU above which instances match (default ${DEFAULT-VALUE}).")
    double iou;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (TrainedModel model = modelChoice.open(out)) {
            score(out, model.checkpoint(), model.seconds());
            return 0;
        }
    }

    private void score(PrintWriter out, Path model, double seconds) {
        try (Predictor predictor = Predictor.load(model, null, DeviceChoice.AUTO.resolve(1))) {
            boolean exclusive = TargetKind.of(predictor.config().model().targetOpt().get(0)) == TargetKind.POLARITY_CLASSES;
            Polarity2Instance.Options d = Polarity2Instance.Options.defaults();
            Polarity2Instance.Options options = new Polarity2Instance.Options(exclusive, d.threshold(), d.minSize(), d.dilation());
            VolumeInference inference = new VolumeInference(predictor, VolumeInference.Settings.fromConfig(predictor.config()));
            out.printf(Locale.ROOT, "%s%s; instance F1 at IoU > %.2f (synapse / pre / post, TP/FP/FN of each)%n", model,
                    Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, ", trained in %.0f s", seconds), iou);
            out.printf(Locale.ROOT, "%-11s %5s %-12s %8s %8s %8s   %s%n", "", "seed", "defects", "synapse", "pre", "post", "TP/FP/FN");
            out.flush();
            for (String set : defects) {
                for (List<Long> seeds : List.of(validation, test)) {
                    for (long seed : seeds) {
                        SyntheticVolume v = new SyntheticEmGenerator(SynthParams.of(SynthParams.SAMPLE_SIZE, seed)
                                .withDefects(SynthParams.Defect.parse(set))).generate();
                        Block map = inference.predict(new InMemoryVolume("seed " + seed, v.image(), SynthParams.RESOLUTION),
                                Progress.NONE, new Cancellation());
                        PolarityScores s = InstanceMatching.polarity(Polarity2Instance.instances(map, options), v.polarity(), iou);
                        out.printf(Locale.ROOT, "%-11s %5d %-12s %8s %8s %8s   %s  %s  %s%n", seeds == validation ? "validation" : "test",
                                seed, set, f1(s.synapses()), f1(s.pre()), f1(s.post()), counts(s.synapses()), counts(s.pre()),
                                counts(s.post()));
                        out.flush();
                    }
                }
            }
        }
    }

    private static String f1(MatchScores m) {
        return m.f1().isPresent() ? String.format(Locale.ROOT, "%.2f", m.f1().getAsDouble()) : "-";
    }

    private static String counts(MatchScores m) {
        return m.truePositives() + "/" + m.falsePositives() + "/" + m.falseNegatives();
    }
}
