package org.synapseworkbench.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.eval.BinaryScores;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolume;
import org.synapseworkbench.train.DeviceChoice;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

/**
 * {@code benchmark learning}: how well a checkpoint finds synapses in a volume it has not seen, generated
 * with another seed. The volume is predicted as {@code infer} predicts (sliding windows, blending and test-time
 * augmentation from the checkpoint's INFERENCE settings, probabilities kept as uint8) and thresholded; voxel scores for clefts,
 * or for pre, post and union masks with how often true pre voxels are called post and the other way round.
 */
@Command(name = "learning", mixinStandardHelpOptions = true,
        description = {"Voxel F1 of a checkpoint on a synthetic volume generated with another seed than the training data."})
public final class LearningBenchmark implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, paramLabel = "FILE|FOLDER",
            description = "Checkpoint written by train, or its output folder (the newest checkpoint in it).")
    Path checkpoint;

    @Option(names = "--seed", defaultValue = "2", description = "Seed of the test volume (default ${DEFAULT-VALUE}; the sample uses 1).")
    long seed;

    @Option(names = "--size", defaultValue = "32,320,320", paramLabel = "Z,Y,X", description = "Test volume size (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Probability threshold (default ${DEFAULT-VALUE}).")
    double threshold;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] shape = Sizes.parse(size);
        SyntheticVolume volume = new SyntheticEmGenerator(SynthParams.of(shape, seed)).generate();
        try (Predictor predictor = Predictor.load(checkpoint, null, DeviceChoice.AUTO.resolve(1))) {
            Config config = predictor.config();
            int n = shape[0] * shape[1] * shape[2];
            long t0 = System.nanoTime();
            Block map = new VolumeInference(predictor, VolumeInference.Settings.fromConfig(config))
                    .predict(new InMemoryVolume("test", volume.image(), new double[] {40, 4, 4}), Progress.NONE, new Cancellation());
            double seconds = (System.nanoTime() - t0) / 1e9;
            float[] p = new float[map.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = map.getLong(i) / 255f;
            }
            TargetKind kind = TargetKind.of(config.model().targetOpt().get(0));
            out.printf(Locale.ROOT, "Test volume %s, seed %d; predicted in %.1f s; threshold %.2f%n", Sizes.format(shape), seed,
                    seconds, threshold);
            if (kind == TargetKind.BINARY) {
                boolean[] truth = new boolean[n];
                boolean[] pred = new boolean[n];
                for (int i = 0; i < n; i++) {
                    truth[i] = volume.clefts().getLong(i) != 0;
                    pred[i] = p[i] > threshold;
                }
                print(out, "cleft", BinaryScores.of(pred, truth));
                double bestF1 = -1;
                double bestThreshold = 0;
                for (int k = 1; k < 20; k++) {
                    double t = k * 0.05;
                    for (int i = 0; i < n; i++) {
                        pred[i] = p[i] > t;
                    }
                    double f1 = BinaryScores.of(pred, truth).f1();
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        bestThreshold = t;
                    }
                }
                out.printf(Locale.ROOT, "best threshold on this volume: %.2f, F1 %.3f%n", bestThreshold, bestF1);
                return 0;
            }
            boolean[][] truth = new boolean[3][n];
            boolean[][] pred = new boolean[3][n];
            for (int i = 0; i < n; i++) {
                long v = volume.polarity().getLong(i);
                truth[0][i] = (v & 1) == 1;
                truth[1][i] = v != 0 && (v & 1) == 0;
                truth[2][i] = v != 0;
                if (kind == TargetKind.POLARITY) {
                    for (int c = 0; c < 3; c++) {
                        pred[c][i] = p[c * n + i] > threshold;
                    }
                } else {
                    int best = 0;
                    for (int c = 1; c < 3; c++) {
                        if (p[c * n + i] > p[best * n + i]) {
                            best = c;
                        }
                    }
                    pred[0][i] = best == 1;
                    pred[1][i] = best == 2;
                    pred[2][i] = best != 0;
                }
            }
            List<String> names = List.of("pre", "post", "union");
            for (int c = 0; c < 3; c++) {
                print(out, names.get(c), BinaryScores.of(pred[c], truth[c]));
            }
            long preAsPost = 0;
            long postAsPre = 0;
            long pre = 0;
            long post = 0;
            for (int i = 0; i < n; i++) {
                if (truth[0][i]) {
                    pre++;
                    if (pred[1][i] && !pred[0][i]) {
                        preAsPost++;
                    }
                }
                if (truth[1][i]) {
                    post++;
                    if (pred[0][i] && !pred[1][i]) {
                        postAsPre++;
                    }
                }
            }
            out.printf(Locale.ROOT, "true pre voxels called post only: %.1f%%; true post voxels called pre only: %.1f%%%n",
                    100.0 * preAsPost / Math.max(1, pre), 100.0 * postAsPre / Math.max(1, post));
            return 0;
        }
    }

    private static void print(PrintWriter out, String name, BinaryScores s) {
        out.printf(Locale.ROOT, "%-6s F1 %.3f  precision %.3f  recall %.3f  (TP %d, FP %d, FN %d)%n", name, s.f1(), s.precision(),
                s.recall(), s.truePositives(), s.falsePositives(), s.falseNegatives());
    }
}
