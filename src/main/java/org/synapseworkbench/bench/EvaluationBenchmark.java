package org.synapseworkbench.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.eval.CleftMask;
import org.synapseworkbench.eval.CleftMetrics;
import org.synapseworkbench.eval.CleftScores;
import org.synapseworkbench.eval.DistanceTransform;
import org.synapseworkbench.post.Components;
import org.synapseworkbench.post.ConnectedComponents;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.Sizes;

/**
 * {@code benchmark evaluate}: the two anisotropic distance transforms, the CREMI cleft metrics built on them, and
 * 6-connected labelling of the prediction, against SciPy ({@code scipy_reference.py}, one of the {@link Peers}) on the
 * same pair of files in the same run. Files are read before the clocks start, on both sides.
 */
@Command(name = "evaluate", header = "Time distance transforms, CREMI metrics and labelling against SciPy.", mixinStandardHelpOptions = true,
        description = {"Time distance transforms, CREMI metrics and connected components against SciPy on the same",
            "truth / prediction pair (generated: --size, 200 random boxes of 3 x 40 x 6 voxels in each; or --truth and --prediction)."})
public final class EvaluationBenchmark implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "125,1250,1250", paramLabel = "Z,Y,X", description = "Generated pair size (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--truth", paramLabel = "FILE[:DATASET]", description = "Truth labels instead of a generated pair.")
    String truth;

    @Option(names = "--prediction", paramLabel = "FILE[:DATASET]", description = "Prediction (labels or a 0/1 mask).")
    String prediction;

    @picocli.CommandLine.Mixin
    PeerPython python;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String truthSpec = truth;
        String predSpec = prediction;
        if (truthSpec == null || predSpec == null) {
            int[] shape = Sizes.parse(size);
            Path dir = Path.of("datasets/benchmark");
            Files.createDirectories(dir);
            Path t = dir.resolve("boxes-truth-" + shape[0] + "x" + shape[1] + "x" + shape[2] + ".h5");
            Path p = dir.resolve("boxes-prediction-" + shape[0] + "x" + shape[1] + "x" + shape[2] + ".h5");
            if (!Files.exists(t) || !Files.exists(p)) {
                out.println("Writing " + t + " and " + p + "...");
                out.flush();
                Random random = new Random(0);
                new Hdf5Writer().dataset("main", boxes(shape, random)).write(t);
                new Hdf5Writer().dataset("main", boxes(shape, random)).write(p);
            }
            truthSpec = t.toString();
            predSpec = p.toString();
        }
        Block t;
        Block p;
        double[] resolution;
        try (Hdf5Volume tv = Hdf5Volume.open(truthSpec); Hdf5Volume pv = Hdf5Volume.open(predSpec)) {
            t = tv.readAll();
            p = pv.readAll();
            resolution = tv.resolution();
        }
        int[] shape = t.shape();
        boolean[] real = CleftMask.of(t, null);
        boolean[] pred = CleftMask.of(p, null);
        boolean[] ignore = CleftMask.ignored(t);
        t = null;
        p = null;
        long t0 = System.nanoTime();
        DistanceTransform.of(pred, shape, resolution);
        DistanceTransform.of(real, shape, resolution);
        double edt = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        CleftScores scores = CleftMetrics.score(pred, real, ignore, shape, resolution);
        double metrics = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Components c = ConnectedComponents.label(pred, shape, 6);
        double label = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "%nTruth %s, prediction %s, %s voxels, resolution %s nm; %d threads%n", truthSpec, predSpec,
                Sizes.format(shape), java.util.Arrays.toString(resolution), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-22s %10s %14s %12s %11s %9s %9s %12s%n", "", "2 EDTs (s)", "CREMI metrics", "label 6 (s)",
                "components", "FP", "FN", "CREMI score");
        out.printf(Locale.ROOT, "%-22s %10.2f %14.2f %12.2f %11d %9d %9d %12s%n", "Synapse Workbench", edt, metrics, label, c.count(),
                scores.falsePositives(), scores.falseNegatives(), score(scores));
        String py = python.command();
        if (py == null) {
            return 0;
        }
        String json = Peers.run(py, Peers.SCIPY, "--truth", truthSpec,
                "--prediction", predSpec);
        if (json == null) {
            out.println("SciPy peer failed; install python3-scipy and python3-h5py (apt-get) or pass --python.");
            return 0;
        }
        double pe = BenchmarkCommand.number(json, "edt_s");
        double pm = BenchmarkCommand.number(json, "cremi_metrics_s");
        double pl = BenchmarkCommand.number(json, "label6_s");
        out.printf(Locale.ROOT, "%-22s %10.2f %14.2f %12.2f %11d %9d %9d %12s%n", BenchmarkCommand.text(json, "peer"), pe, pm, pl,
                (long) BenchmarkCommand.number(json, "components"), (long) BenchmarkCommand.number(json, "fp_count"),
                (long) BenchmarkCommand.number(json, "fn_count"), json.contains("\"cremi_score\": null") ? "undefined"
                        : String.format(Locale.ROOT, "%.3f", BenchmarkCommand.number(json, "cremi_score")));
        out.printf(Locale.ROOT, "%-22s %9.2fx %13.2fx %11.2fx%n", "speed-up (SciPy / ours)", pe / edt, pm / metrics, pl / label);
        return 0;
    }

    private static String score(CleftScores s) {
        return s.cremiScore().isPresent() ? String.format(Locale.ROOT, "%.3f", s.cremiScore().getAsDouble()) : "undefined";
    }

    /** A 0/1 uint8 volume with 200 boxes of 3 x 40 x 6 voxels at random places. */
    private static Block boxes(int[] shape, Random random) {
        Block b = Block.zeros(DataType.UINT8, shape);
        byte[] v = b.bytes();
        for (int k = 0; k < 200; k++) {
            int z0 = random.nextInt(Math.max(1, shape[0] - 8));
            int y0 = random.nextInt(Math.max(1, shape[1] - 8));
            int x0 = random.nextInt(Math.max(1, shape[2] - 8));
            for (int z = z0; z < Math.min(shape[0], z0 + 3); z++) {
                for (int y = y0; y < Math.min(shape[1], y0 + 40); y++) {
                    for (int x = x0; x < Math.min(shape[2], x0 + 6); x++) {
                        v[(z * shape[1] + y) * shape[2] + x] = 1;
                    }
                }
            }
        }
        return b;
    }
}
