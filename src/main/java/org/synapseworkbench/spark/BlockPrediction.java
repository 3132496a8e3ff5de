package org.synapseworkbench.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigYaml;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.model.ModelSpec;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkWriter;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Grid;
import org.synapseworkbench.volume.PaddedImage;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.VolumeSpec;
import org.synapseworkbench.volume.n5.N5Writer;
import org.synapseworkbench.volume.zarr.ZarrFormat;
import org.synapseworkbench.volume.zarr.ZarrWriter;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/**
 * Prediction of a whole volume as a grid of blocks on Spark, every window of the whole volume's grid computed once:
 * a window that reaches into several blocks is computed by the block holding its centre ({@link SharedWindows}) and
 * kept in that block's file ({@link SharedWindowFiles}); then each block sums the windows that reach into it in the
 * grid's order, computing its own and reading the shared ones ({@link VolumeInference#predict(org.synapseworkbench.volume.PaddedImage, int[],
 * int[], VolumeInference.KnownWindows, Progress, Cancellation)}: the same windows, test-time views and blending as
 * {@code infer}), and writes the output chunks it owns (a block is a whole number of chunks, so no two tasks write
 * one chunk), each to a temporary file renamed into place, then marks the block done ({@link DoneMarkers}). The
 * driver makes the output array and leaves out the blocks done before, so a failed or stopped run resumes; a retried
 * task rewrites whole files. Executors load the checkpoint once ({@link ExecutorModels}) and read the input lazily by
 * chunk, each on its own: input, output and checkpoint must be on storage every machine sees.
 */
public final class BlockPrediction implements Serializable {
    /**
     * What to predict and where.
     *
     * @param input the image, as volumes are named ({@code FILE[:DATASET]}, {@code store.zarr/array}, ...)
     * @param output the output array's folder in a Zarr ({@code out.zarr/prediction}) or N5 store
     * @param block block shape (z, y, x), a whole number of chunks
     * @param chunks output chunk shape (z, y, x); null: the largest divisors of the block up to 16 x 256 x 256
     * @param device auto, cpu or gpu
     * @param threads the engine's threads in each executor (0: its default)
     */
    public record Options(String input, Path output, Path checkpoint, Config config, int[] block, int[] chunks,
            String device, int threads) {
    }

    /** How a run went: blocks in all, done before (skipped), predicted now, and seconds. */
    public record Outcome(long blocks, long skipped, long predicted, double seconds) {
    }

    private final String input;
    private final String output;
    private final boolean n5;
    private final String checkpoint;
    private final String configYaml;
    private final String device;
    private final int threads;
    private final Grid blocks;
    private final DoneMarkers markers;
    private final SharedWindowFiles windowFiles;
    private final int windowZ;
    private final transient List<Long> todo;
    private final transient Set<Long> windowsWritten;

    private BlockPrediction(Options o, Grid blocks, boolean n5, List<Long> todo, Set<Long> windowsWritten) {
        VolumeSpec in = VolumeSpec.parse(o.input());
        this.input = new VolumeSpec(in.file().toAbsolutePath(), in.dataset()).toString(); // executors start elsewhere
        this.output = o.output().toAbsolutePath().toString();
        this.n5 = n5;
        this.checkpoint = o.checkpoint().toAbsolutePath().toString();
        this.configYaml = ConfigYaml.toYaml(o.config());
        this.device = o.device().toUpperCase(Locale.ROOT);
        this.threads = o.threads();
        this.blocks = blocks;
        this.markers = new DoneMarkers(o.output().toAbsolutePath());
        this.windowFiles = new SharedWindowFiles(o.output().toAbsolutePath());
        this.windowZ = VolumeInference.Settings.fromConfig(o.config()).window()[0];
        this.todo = todo;
        this.windowsWritten = windowsWritten;
    }

    /**
     * On the driver: checks the options, makes the output array (channels x z x y x, uint8, its metadata rewritten,
     * its chunks kept) and finds the blocks done before by a run of the same work.
     */
    public static BlockPrediction prepare(Options o) {
        Path out = o.output();
        boolean n5 = isN5(out);
        int[] shape;
        double[] resolution;
        try (ChunkedVolume image = VolumeFiles.open(VolumeSpec.parse(o.input()), Cremi.RAW)) {
            if (image.rank() != 3) {
                throw new UserException(image.name() + " has shape " + Arrays.toString(image.shape()) + "; predict a 3-d "
                        + "image (z, y, x).");
            }
            shape = image.shape();
            resolution = image.resolution();
        }
        int[] chunks = checkedChunks(o.block(), o.chunks());
        VolumeInference.Settings.fromConfig(o.config()); // its errors before any work
        int channels = ModelSpec.fromConfig(o.config()).outPlanes();
        if (!Files.isRegularFile(o.checkpoint())) {
            throw new UserException("The checkpoint '" + o.checkpoint() + "' does not exist; give the file train wrote.");
        }
        int[] outShape = {channels, shape[0], shape[1], shape[2]};
        int[] outChunks = {1, Math.min(chunks[0], shape[0]), Math.min(chunks[1], shape[1]), Math.min(chunks[2], shape[2])};
        // what the channels hold, as infer says it, so that instances-blocks and postprocess cut the map right
        String channelNames = TargetKind.of(o.config().model().targetOpt().get(0)).channelNames();
        if (n5) {
            N5Writer.create(out, outShape, outChunks, DataType.UINT8, N5Writer.compression("gzip", 4), resolution);
            N5Writer.putAttribute(out, "channels", channelNames);
        } else {
            ZarrWriter.create(out, outShape, outChunks, DataType.UINT8, ZarrFormat.v2("blosc", 5), resolution);
            ZarrWriter.putAttribute(out, "channels", channelNames);
        }
        Grid grid = new Grid(shape, o.block());
        BlockPrediction draft = new BlockPrediction(o, grid, n5, List.of(), Set.of());
        String what = "input " + o.input() + "\ncheckpoint " + draft.checkpoint + " " + o.checkpoint().toFile().length() + " "
                + o.checkpoint().toFile().lastModified() + "\nconfig " + Integer.toHexString(draft.configYaml.hashCode())
                + "\nchunks " + Arrays.toString(outChunks);
        Set<Long> done = draft.markers.begin(grid, what);
        Set<Long> windowsWritten = draft.windowFiles.begin(grid, what);
        List<Long> todo = new ArrayList<>();
        for (long k = 0; k < grid.count(); k++) {
            if (!done.contains(k)) {
                todo.add(k);
            }
        }
        return new BlockPrediction(o, grid, n5, todo, windowsWritten);
    }

    /**
     * Whether {@code array} is in an N5 store (else a Zarr store); one sentence when it is in neither, since a block
     * writes its own chunks, a file each.
     */
    static boolean isN5(Path array) {
        String name = array.toString().toLowerCase(Locale.ROOT);
        boolean n5 = name.contains(".n5");
        if (!n5 && !name.contains(".zarr")) {
            throw new UserException("--output " + array + " is not in a Zarr or N5 store; name an array in one, e.g. "
                    + "out.zarr/prediction: a chunk a file, so each block writes its own.");
        }
        return n5;
    }

    /** The output chunks ({@code chunks}, or null for {@link #defaultChunks}), checked to tile {@code block}. */
    static int[] checkedChunks(int[] block, int[] chunks) {
        int[] c = chunks != null ? chunks : defaultChunks(block);
        for (int a = 0; a < 3; a++) {
            if (block[a] < 1 || c[a] < 1 || block[a] % c[a] != 0) {
                throw new UserException("The block " + Arrays.toString(block) + " is not a whole number of chunks "
                        + Arrays.toString(c) + "; make each block size a multiple of the chunk size.");
            }
        }
        return c;
    }

    /** The largest divisor of each block size no larger than 16, 256, 256. */
    static int[] defaultChunks(int[] block) {
        int[] most = {16, 256, 256};
        int[] c = new int[3];
        for (int a = 0; a < 3; a++) {
            c[a] = 1;
            for (int d = Math.min(most[a], block[a]); d >= 1; d--) {
                if (block[a] % d == 0) {
                    c[a] = d;
                    break;
                }
            }
        }
        return c;
    }

    /** The blocks in all. */
    public Grid blocks() {
        return blocks;
    }

    /** The blocks left to predict. */
    public List<Long> todo() {
        return todo;
    }

    /**
     * Predicts the blocks left, a task a block, telling {@code progress} as blocks finish: a block first computes the
     * windows it shares with others and owns ({@link SharedWindows}) into a file of its own in {@code .blocks-windows/};
     * once its neighbours have too, it predicts its box, computing its other windows and reading the shared ones, and
     * writes its chunks. Every window is computed once. The work goes in waves of z-slabs ({@link BlockWaves}), and
     * the shared windows' files of a slab are removed as soon as no block left needs them.
     */
    public Outcome run(JavaSparkContext sc, Progress progress) {
        long t0 = System.nanoTime();
        long skipped = blocks.count() - todo.size();
        List<BlockWaves.Wave> waves = BlockWaves.plan(blocks, windowZ, sc.defaultParallelism(), new HashSet<>(todo),
                windowsWritten);
        long tasks = waves.stream().mapToLong(w -> w.shared().size() + w.predict().size()).sum();
        try (SparkProgress p = SparkProgress.follow(sc, "Predicting blocks (shared windows, then the blocks)", tasks, progress)) {
            for (BlockWaves.Wave wave : waves) {
                List<Long> work = new ArrayList<>(wave.predict());
                wave.shared().forEach(k -> work.add(-1 - k)); // a shared-windows task: -1 - k
                if (!work.isEmpty()) {
                    sc.parallelize(work, work.size()).foreach(t -> {
                        if (t < 0) {
                            computeShared(-1 - t);
                        } else {
                            predictBlock(t);
                        }
                    });
                }
                wave.release().forEach(windowFiles::release);
            }
        }
        windowFiles.clear();
        return new Outcome(blocks.count(), skipped, todo.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** On an executor, first pass: computes the shared windows block {@code k} owns into its file, in their order. */
    void computeShared(long k) {
        Predictor model = ExecutorModels.model(checkpoint, configYaml, device, threads);
        VolumeInference.Settings settings = VolumeInference.Settings.fromConfig(model.config());
        windowFiles.write(k, new SharedWindows(settings, blocks).owned(k), new VolumeInference(model, settings),
                ExecutorModels.image(input, settings.pad(), settings.normalizeSections()));
    }

    /**
     * On an executor, second pass: predicts block {@code k} with the shared windows read from their owners' files,
     * writes the chunks it owns, and marks it done.
     */
    void predictBlock(long k) {
        failForTests(k);
        Predictor model = ExecutorModels.model(checkpoint, configYaml, device, threads);
        VolumeInference.Settings settings = VolumeInference.Settings.fromConfig(model.config());
        int each = model.outPlanes() * settings.window()[0] * settings.window()[1] * settings.window()[2];
        VolumeInference.KnownWindows known = windowFiles.reader(new SharedWindows(settings, blocks), each);
        int[][] box = blocks.box(blocks.position(k));
        PaddedImage image = ExecutorModels.image(input, settings.pad(), settings.normalizeSections());
        Block result = new VolumeInference(model, settings).predict(image, box[0], box[1], known, Progress.NONE, new Cancellation());
        ChunkWriter writer = n5 ? N5Writer.open(Path.of(output)) : ZarrWriter.open(Path.of(output));
        writer.writeBox(new int[] {0, box[0][0], box[0][1], box[0][2]}, result);
        markers.markDone(k);
    }

    /**
     * Failures on purpose, for the tests of retries and resuming: block {@code synapse.spark.failOnce} fails its first
     * attempt, block {@code synapse.spark.failAlways} every attempt (system properties of the executor's JVM).
     */
    static void failForTests(long k) {
        String once = System.getProperty("synapse.spark.failOnce");
        String always = System.getProperty("synapse.spark.failAlways");
        TaskContext task = TaskContext.get();
        boolean first = task == null || task.attemptNumber() == 0;
        if (once != null && Long.parseLong(once) == k && first || always != null && Long.parseLong(always) == k) {
            throw new IllegalStateException("block " + k + " failed on purpose (a test)");
        }
    }
}
