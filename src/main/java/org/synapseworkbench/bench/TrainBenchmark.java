package org.synapseworkbench.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.data.Batch;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.model.ModelSpec;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.model.UNet3d;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolumeWriter;
import org.synapseworkbench.train.IterationStats;
import org.synapseworkbench.train.LossFunction;
import org.synapseworkbench.train.LossKind;
import org.synapseworkbench.train.LossTerm;
import org.synapseworkbench.train.Solver;
import org.synapseworkbench.train.TrainableParameter;
import org.synapseworkbench.train.TrainingListener;
import org.synapseworkbench.train.TrainingRun;
import org.synapseworkbench.volume.Sizes;

/**
 * {@code benchmark train}: milliseconds per training step of our model alone (forward, weighted BCE,
 * backward, SGD step, on a fixed random batch as the peer does), of the whole pipeline (sampling,
 * augmentation, batch making and the step, on a generated volume), and of the PyTorch peer
 * ({@code pytorch_unet_reference.py}, one of the {@link Peers}) with the same settings, in one run; optionally the
 * resident memory over a long pipeline run.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Time training steps: our model alone, the whole pipeline, and the PyTorch peer, side by side."})
public final class TrainBenchmark implements Callable<Integer> {
    static final boolean[] ISOTROPY = {false, false, false, true, true};

    @Option(names = "--filters", defaultValue = "32,64,96,128,160", description = "Default ${DEFAULT-VALUE}.")
    String filters;

    @Option(names = "--patch", defaultValue = "17,129,129", paramLabel = "Z,Y,X", description = "Default ${DEFAULT-VALUE}.")
    String patch;

    @Option(names = "--batch", defaultValue = "1", description = "Default ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--threads", defaultValue = "2", description = "PyTorch threads, ours and the peer's (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--steps", defaultValue = "10", description = "Timed steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--arch", defaultValue = "unet_3d", description = "unet_3d or unet_plus_3d (default ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--norm", defaultValue = "bn", description = "Default ${DEFAULT-VALUE}.")
    String norm;

    @Option(names = "--memory-steps", defaultValue = "0",
            description = "Also run the pipeline this many steps and report resident memory along the way (e.g. 500).")
    int memorySteps;

    @picocli.CommandLine.Mixin
    PeerPython python;

    @Option(names = "--rounds", defaultValue = "1",
            description = "Time our model step and the peer's this many times, alternating, and report the median ratio "
                    + "(default ${DEFAULT-VALUE}); on a noisy machine 3 or 5 give a fairer verdict.")
    int rounds;

    @Option(names = "--skip", split = ",", description = "Parts to skip: model, pipeline, peer.")
    List<String> skip = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int[] f = Arrays.stream(filters.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int[] size = Sizes.parse(patch);
        if (rounds < 1) {
            throw new org.synapseworkbench.work.UserException("--rounds must be at least 1, not " + rounds + ".");
        }
        TorchEngine.preferKernelsForCommand(TorchEngine.trainingKernelsFor(f));
        TorchEngine.requireTrainingKernels();
        TorchEngine.get();
        JniUtils.setNumThreads(threads);
        out.printf(Locale.ROOT, "%s filters %s patch %s batch %d threads %d norm %s, median of %d steps after %d%n", arch,
                Arrays.toString(f), Sizes.format(size), batch, threads, norm, steps, warmup);
        out.printf(Locale.ROOT, "oneDNN: %s; memory tuning: %s%n", TorchEngine.describeKernels(), TorchEngine.allocatorTuning());
        out.flush();
        double model = Double.NaN;
        if (!skip.contains("model")) {
            model = modelStep(f, size, out);
            out.printf(Locale.ROOT, "ours, model step:     %8.1f ms%n", model);
            out.flush();
        }
        double pipeline = Double.NaN;
        if (!skip.contains("pipeline")) {
            pipeline = pipelineStep(f, size, warmup + steps, false, out);
            out.printf(Locale.ROOT, "ours, pipeline step:  %8.1f ms  (%.2fx the model step)%n", pipeline, pipeline / model);
            out.flush();
        }
        if (!skip.contains("peer") && python.command() != null) {
            // the peer with the kernels it picks itself, then limited to the kernels we use when they are limited
            String isa = System.getenv(TorchEngine.ISA_VARIABLE);
            String ours = TorchEngine.effectiveIsa();
            String json = peer(Map.of());
            if (json == null) {
                out.println("Peer skipped: PyTorch not found (apt-get install python3-torch, or pass --python).");
            } else {
                String kernels = "oneDNN kernels " + (isa == null ? "default" : isa);
                printPeer(out, json, kernels, model);
                if (isa == null && !ours.equals("ALL")) {
                    String limited = peer(Map.of(TorchEngine.ISA_VARIABLE, ours));
                    if (limited != null) {
                        printPeer(out, limited, "oneDNN kernels " + ours + " as ours", model);
                    }
                }
                if (rounds > 1 && !skip.contains("model")) {
                    moreRounds(f, size, model, BenchmarkCommand.number(json, "train_ms_median"), kernels, out);
                }
            }
        }
        if (memorySteps > 0) {
            pipelineStep(f, size, memorySteps, true, out);
        }
        return 0;
    }

    private ModelSpec modelSpec(int[] f) {
        return new ModelSpec(arch.equals("unet_plus_3d") ? ModelSpec.Architecture.UNET_PLUS_3D : ModelSpec.Architecture.UNET_3D,
                true, f, 1, 1, ModelSpec.NormMode.valueOf(norm.toUpperCase(Locale.ROOT)), ModelSpec.ActMode.ELU, ISOTROPY, true);
    }

    /** The peer's loop: a fixed batch x ~ N(0,1), y = (U > 0.9), weight 1 + 8y; SGD lr 0.01, momentum 0.9, decay 1e-4. */
    private double modelStep(int[] f, int[] size, PrintWriter out) {
        ModelSpec spec = modelSpec(f);
        Shape shape = new Shape(batch, 1, size[0], size[1], size[2]);
        try (NDManager manager = TorchEngine.get().newBaseManager()) {
            UNet3d net = new UNet3d(spec, 0);
            net.initialize(manager, DataType.FLOAT32, shape);
            List<TrainableParameter> params = new ArrayList<>();
            net.getParameters().forEach(p -> {
                if (p.getValue().requiresGradient()) {
                    params.add(new TrainableParameter(p.getKey(), p.getValue().getArray(), 1e-4));
                }
            });
            Solver solver = new Solver(Solver.Kind.SGD, params, 0.9, 0.9, 0.999, 0);
            int voxels = (int) shape.size();
            java.util.Random random = new java.util.Random(0);
            float[] x = new float[voxels];
            float[] y = new float[voxels];
            float[] w = new float[voxels];
            for (int i = 0; i < voxels; i++) {
                x[i] = (float) random.nextGaussian();
                y[i] = random.nextDouble() > 0.9 ? 1 : 0;
                w[i] = 1 + 8 * y[i];
            }
            Batch b = new Batch(0, batch, size, x, List.of(y), List.of(List.of(w)));
            LossFunction loss = new LossFunction(List.of(TargetKind.BINARY),
                    List.of(new LossTerm(0, 0, LossKind.WEIGHTED_BCE_WITH_LOGITS, 0, 1, 1, "none", true, null)), List.of());
            ParameterStore store = new ParameterStore(manager, false);
            double[] times = new double[steps];
            for (int s = 0; s < warmup + steps; s++) {
                long t0 = System.nanoTime();
                try (NDManager step = manager.newSubManager()) {
                    NDArray input = step.create(x, shape);
                    try (GradientCollector c = TorchEngine.get().newGradientCollector()) {
                        NDArray output = net.forward(store, new NDList(input), true).singletonOrThrow();
                        c.backward(loss.compute(output, b, step).total());
                    }
                    solver.step(0.01, step);
                }
                if (s >= warmup) {
                    times[s - warmup] = (System.nanoTime() - t0) / 1e6;
                }
            }
            return BenchmarkCommand.median(times);
        }
    }

    /** A real training run on a generated sample; the median iteration time, or resident memory along the way. */
    private double pipelineStep(int[] f, int[] size, int iterations, boolean memory, PrintWriter out) throws IOException {
        Path dir = Files.createTempDirectory("train-benchmark");
        try {
            SyntheticVolumeWriter.writePytc(new SyntheticEmGenerator(SynthParams.of(SynthParams.SAMPLE_SIZE, 1)).generate(),
                    dir.resolve("bench.h5"));
            Config c = ConfigLoader.applyOverrides(Config.defaults(), List.of(
                    "MODEL.ARCHITECTURE", arch, "MODEL.BLOCK_TYPE", "residual_se", "MODEL.NORM_MODE", norm,
                    "MODEL.FILTERS", Arrays.toString(f).replace(" ", ""), "MODEL.INPUT_SIZE", "[" + size[0] + "," + size[1] + "," + size[2] + "]",
                    "MODEL.OUT_PLANES", "1", "MODEL.TARGET_OPT", "['0']", "MODEL.LOSS_OPTION", "[['WeightedBCEWithLogitsLoss']]",
                    "MODEL.WEIGHT_OPT", "[['1']]", "MODEL.OUTPUT_ACT", "[['none']]",
                    "DATASET.INPUT_PATH", dir.toString(), "DATASET.IMAGE_NAME", "bench-image.h5", "DATASET.LABEL_NAME", "bench-clefts.h5",
                    "DATASET.OUTPUT_PATH", dir.resolve("out").toString(), "DATASET.PAD_SIZE", "[2,32,32]",
                    "DATASET.REJECT_SAMPLING.SIZE_THRES", "1000", "SYSTEM.NUM_CPUS", Integer.toString(threads),
                    "SOLVER.SAMPLES_PER_BATCH", Integer.toString(batch), "SOLVER.ITERATION_TOTAL", Integer.toString(iterations),
                    "SOLVER.ITERATION_SAVE", Integer.toString(iterations), "SOLVER.BASE_LR", "0.01"));
            TrainingRun run = new TrainingRun(c, TrainingRun.Options.defaults());
            List<Double> times = new ArrayList<>();
            run.addListener(new TrainingListener() {
                @Override
                public void iteration(IterationStats s) {
                    times.add(s.seconds() * 1000);
                    if (memory && (s.iteration() == 1 || s.iteration() % 50 == 0)) {
                        out.printf(Locale.ROOT, "step %4d  resident %,6d MB  loss %.4f  wait for data %.0f ms%n", s.iteration(),
                                residentMegabytes(), s.loss(), s.waitSeconds() * 1000);
                        out.flush();
                    }
                }
            });
            run.run();
            double[] timed = times.subList(Math.min(warmup, times.size() - 1), times.size()).stream().mapToDouble(Double::doubleValue).toArray();
            return BenchmarkCommand.median(timed);
        } finally {
            BenchmarkCommand.deleteTree(dir);
        }
    }

    static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    /** Rounds 2 to {@link #rounds}: our model step, then the peer's (its default kernels); the median ratio. */
    private void moreRounds(int[] f, int[] size, double model, double peer, String kernels, PrintWriter out)
            throws IOException, InterruptedException {
        double[] ratios = new double[rounds];
        ratios[0] = model / peer;
        for (int r = 1; r < rounds; r++) {
            double ours = modelStep(f, size, out);
            String json = peer(Map.of());
            if (json == null) {
                return;
            }
            double theirs = BenchmarkCommand.number(json, "train_ms_median");
            ratios[r] = ours / theirs;
            out.printf(Locale.ROOT, "round %d: ours %8.1f ms, peer %8.1f ms, ratio %.2f%n", r + 1, ours, theirs, ratios[r]);
            out.flush();
        }
        out.printf(Locale.ROOT, "ratio ours/peer (%s), model step, median of %d rounds: %.2f  (%s)%n", kernels, rounds,
                BenchmarkCommand.median(ratios), Arrays.stream(ratios).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
                        .collect(java.util.stream.Collectors.joining(", ")));
        out.flush();
    }

    private static void printPeer(PrintWriter out, String json, String kernels, double model) {
        double peer = BenchmarkCommand.number(json, "train_ms_median");
        out.printf(Locale.ROOT, "peer %s, %s: %8.1f ms  (%,d parameters); ratio ours/peer, model step: %.2f%n",
                BenchmarkCommand.text(json, "peer"), kernels, peer, (long) BenchmarkCommand.number(json, "params"), model / peer);
        out.flush();
    }

    private String peer(Map<String, String> env) throws IOException, InterruptedException {
        return Peers.run(python.command(), env, Peers.PYTORCH_UNET, "--filters", filters,
                "--patch", patch, "--batch", Integer.toString(batch), "--threads", Integer.toString(threads), "--steps",
                Integer.toString(steps), "--warmup", Integer.toString(warmup), "--arch", arch, "--norm", norm, "--out-planes", "1");
    }
}
