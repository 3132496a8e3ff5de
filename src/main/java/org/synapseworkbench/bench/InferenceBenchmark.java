package org.synapseworkbench.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.infer.SlidingWindows;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

/**
 * {@code benchmark infer}: voxels per second of whole-volume inference (reading the image from a gzip HDF5 file
 * window by window, the model, Gaussian blending, and writing the gzip result), against the PyTorch peer's
 * {@code infer_voxels_per_s} (forward and sigmoid of one batch of windows, nothing else) for the same model.
 * Both count window voxels: a voxel covered by two windows counts twice.
 */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = {"Time whole-volume inference (read, model, blending, write) against the PyTorch peer's forward pass."})
public final class InferenceBenchmark implements Callable<Integer> {
    @Option(names = "--filters", defaultValue = "32,64,96,128,160", description = "Default ${DEFAULT-VALUE}.")
    String filters;

    @Option(names = "--patch", defaultValue = "17,129,129", paramLabel = "Z,Y,X", description = "Window size (default ${DEFAULT-VALUE}).")
    String patch;

    @Option(names = "--stride", paramLabel = "Z,Y,X", description = "Window stride (default: half the window, rounded up).")
    String stride;

    @Option(names = "--batch", defaultValue = "1", description = "Windows per forward pass (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--size", defaultValue = "33,385,385", paramLabel = "Z,Y,X", description = "Volume to predict (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--threads", defaultValue = "2", description = "PyTorch threads, ours and the peer's (default ${DEFAULT-VALUE}).")
    int threads;

    @picocli.CommandLine.Mixin
    PeerPython python;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int[] window = Sizes.parse(patch);
        int[] shape = Sizes.parse(size);
        int[] step = stride != null ? Sizes.parse(stride)
                : new int[] {(window[0] + 1) / 2, (window[1] + 1) / 2, (window[2] + 1) / 2};
        TorchEngine.get();
        JniUtils.setNumThreads(threads);
        Path dir = Files.createTempDirectory("infer-benchmark");
        try {
            Path image = dir.resolve("image.h5");
            new Hdf5Writer().dataset("main", new SyntheticEmGenerator(SynthParams.of(shape, 3)).generate().image()).write(image);
            Config config = ConfigLoader.applyOverrides(Config.defaults(), List.of("MODEL.ARCHITECTURE", "unet_3d",
                    "MODEL.BLOCK_TYPE", "residual_se", "MODEL.FILTERS", "[" + filters + "]", "MODEL.INPUT_SIZE", list(window),
                    "INFERENCE.INPUT_SIZE", list(window), "INFERENCE.STRIDE", list(step), "INFERENCE.PAD_SIZE", "[0,0,0]",
                    "INFERENCE.SAMPLES_PER_BATCH", Integer.toString(batch)));
            int windows = new SlidingWindows(shape, window, step).positions().size();
            long windowVoxels = (long) windows * window[0] * window[1] * window[2];
            out.printf(Locale.ROOT, "unet_3d residual_se filters [%s], window %s, stride %s, batch %d, threads %d; volume %s: %d windows%n",
                    filters, Sizes.format(window), Sizes.format(step), batch, threads, Sizes.format(shape), windows);
            out.printf(Locale.ROOT, "oneDNN: %s; memory tuning: %s%n", TorchEngine.describeKernels(), TorchEngine.allocatorTuning());
            out.flush();
            double seconds;
            try (Predictor predictor = Predictor.untrained(config, Device.cpu())) {
                VolumeInference inference = new VolumeInference(predictor, VolumeInference.Settings.fromConfig(config));
                // one window first, so both sides are timed after their warm-up
                try (Hdf5Volume warm = Hdf5Volume.open(image, "main", new ChunkCache(64L << 20))) {
                    inference.predict(new org.synapseworkbench.volume.InMemoryVolume("warm-up",
                            warm.read(new int[3], window), new double[] {40, 4, 4}), Progress.NONE, new Cancellation());
                }
                long t0 = System.nanoTime();
                try (Hdf5Volume v = Hdf5Volume.open(image, "main", new ChunkCache(256L << 20))) {
                    Block result = inference.predict(v, Progress.NONE, new Cancellation());
                    new Hdf5Writer().dataset("vol0", result).write(dir.resolve("result.h5"));
                }
                seconds = (System.nanoTime() - t0) / 1e9;
            }
            double ours = windowVoxels / seconds;
            out.printf(Locale.ROOT, "%-34s %12s %14s%n", "", "seconds", "voxels/s");
            out.printf(Locale.ROOT, "%-34s %12.1f %,14.0f%n", "ours (read, model, blend, write)", seconds, ours);
            String py = python.command();
            if (py == null) {
                return 0;
            }
            // the peer with its default kernels, and with ours when they are limited
            String isa = TorchEngine.effectiveIsa();
            for (Map<String, String> env : isa.equals("ALL") ? List.of(Map.<String, String>of()) : List.of(Map.<String, String>of(),
                    Map.of(TorchEngine.ISA_VARIABLE, isa))) {
                String json = Peers.run(py, env, Peers.PYTORCH_UNET, "--filters", filters,
                        "--patch", patch.replace(" ", ""), "--batch", Integer.toString(batch), "--threads", Integer.toString(threads),
                        "--steps", "5", "--warmup", "1");
                if (json == null) {
                    out.println("Peer skipped: PyTorch not found (apt-get install python3-torch, or pass --python).");
                    return 0;
                }
                double peer = BenchmarkCommand.number(json, "infer_voxels_per_s");
                out.printf(Locale.ROOT, "%-34s %12s %,14.0f   ours %.2fx the peer's speed%n", BenchmarkCommand.text(json, "peer")
                        + (env.isEmpty() ? " forward" : " forward, " + isa), "", peer, ours / peer);
            }
            return 0;
        } finally {
            BenchmarkCommand.deleteTree(dir);
        }
    }

    private static String list(int[] v) {
        return "[" + v[0] + "," + v[1] + "," + v[2] + "]";
    }
}
