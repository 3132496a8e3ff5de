package org.synapseworkbench.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.InferenceSection;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.MemoryBudget;
import org.synapseworkbench.volume.PaddedImage;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/**
 * Predicts a whole image volume window by window (reference section 7): the image, seen padded by PAD_SIZE
 * (reflection), is covered by windows of INPUT_SIZE at STRIDE; SAMPLES_PER_BATCH windows go through the model at
 * once, each under every test-time view; window outputs are blended with Gaussian weights into the unpadded
 * volume. Memory holds the output and weight sums for the volume and the windows in flight; the image is read
 * window by window. The result is probability x 255, truncated to uint8, (C, Z, Y, X).
 */
public final class VolumeInference {
    /**
     * What a run needs from the config.
     *
     * @param window INFERENCE.INPUT_SIZE
     * @param stride INFERENCE.STRIDE
     * @param pad INFERENCE.PAD_SIZE
     * @param batch INFERENCE.SAMPLES_PER_BATCH
     * @param views from INFERENCE.AUG_NUM
     * @param mode INFERENCE.AUG_MODE
     * @param mean DATASET.MEAN
     * @param std DATASET.STD
     * @param normalizeSections DATASET.NORMALIZE_SECTIONS: each section standardised first, as in training
     */
    public record Settings(int[] window, int[] stride, int[] pad, int batch, List<TestTimeAugmentation.View> views,
                           TestTimeAugmentation.Mode mode, float mean, float std, boolean normalizeSections) {

        public static Settings fromConfig(Config c) {
            InferenceSection inference = c.inference();
            int[] window = triple("INFERENCE.INPUT_SIZE", inference.inputSize(), c.model().inputSize());
            int[] stride = triple("INFERENCE.STRIDE", inference.stride(), null);
            int[] pad = triple("INFERENCE.PAD_SIZE", inference.padSize(), c.dataset().padSize());
            for (int a = 0; a < 3; a++) {
                if (window[a] < 1 || stride[a] < 1 || pad[a] < 0) {
                    throw new UserException("INFERENCE.INPUT_SIZE " + Arrays.toString(window) + " and STRIDE " + Arrays.toString(stride)
                            + " must be positive and PAD_SIZE " + Arrays.toString(pad) + " not negative.");
                }
                if (stride[a] > window[a]) {
                    throw new UserException("INFERENCE.STRIDE " + Arrays.toString(stride) + " is larger than the window "
                            + Arrays.toString(window) + " and would leave voxels unpredicted; make it at most the window.");
                }
            }
            Integer augNum = inference.augViews();
            return new Settings(window, stride, pad, c.inference().samplesPerBatch(), TestTimeAugmentation.views(augNum),
                    TestTimeAugmentation.Mode.parse(c.inference().augMode()), (float) c.dataset().mean(),
                    (float) c.dataset().std(), c.dataset().normalizeSections());
        }

        /**
         * These settings with the input normalisation (DATASET.MEAN, STD and NORMALIZE_SECTIONS) of the config a model
         * was trained with: the settings of prediction choose windows and views, not what the model sees.
         */
        public Settings withInputOf(Config trained) {
            return new Settings(window, stride, pad, batch, views, mode, (float) trained.dataset().mean(),
                    (float) trained.dataset().std(), trained.dataset().normalizeSections());
        }

        /** The windows of a whole image's grid (starts in the padded image), numbered in the grid's order. */
        public SlidingWindows grid(int[] imageShape) {
            int[] padded = {imageShape[0] + 2 * pad[0], imageShape[1] + 2 * pad[1], imageShape[2] + 2 * pad[2]};
            return new SlidingWindows(padded, window, stride);
        }

        /**
         * The numbers (in {@link #grid}) of the windows of a whole image's grid that reach into the box at
         * {@code start} of {@code size}, ascending; a window covers [p - PAD, p - PAD + INPUT_SIZE). Found axis by axis,
         * so a box of a huge volume costs no more than its own windows.
         */
        public long[] reaching(int[] imageShape, int[] start, int[] size) {
            int[][] axes = grid(imageShape).axes();
            int[][] along = new int[3][];
            for (int a = 0; a < 3; a++) {
                int[] s = axes[a];
                int[] keep = new int[s.length];
                int n = 0;
                for (int j = 0; j < s.length; j++) {
                    if (s[j] - pad[a] < start[a] + size[a] && s[j] - pad[a] + window[a] > start[a]) {
                        keep[n++] = j;
                    }
                }
                along[a] = java.util.Arrays.copyOf(keep, n);
            }
            long[] out = new long[along[0].length * along[1].length * along[2].length];
            int n = 0;
            for (int z : along[0]) {
                for (int y : along[1]) {
                    for (int x : along[2]) {
                        out[n++] = ((long) z * axes[1].length + y) * axes[2].length + x;
                    }
                }
            }
            return out;
        }

        /** {@code value}, or {@code fallback} when None, as 3 numbers; {@code key} names it in the message. */
        private static int[] triple(String key, List<Integer> value, List<Integer> fallback) {
            List<Integer> v = value != null ? value : fallback;
            if (v == null || v.size() != 3) {
                throw new UserException(key + " needs 3 numbers (z, y, x), but is " + v + "; set it in the config.");
            }
            return v.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private final WindowModel predictor;
    private final Settings settings;

    public VolumeInference(WindowModel predictor, Settings settings) {
        this.predictor = predictor;
        this.settings = settings;
    }

    /**
     * Probabilities x 255 (uint8, channels x volume shape) of a 3-d image volume.
     *
     * @throws Cancellation.CancelledException when cancelled (between batches)
     */
    public Block predict(Volume image, Progress progress, Cancellation cancellation) {
        requireMemory(image, predictor.outPlanes());
        return predict(image, new int[3], image.shape(), progress, cancellation);
    }

    /**
     * Probabilities x 255 (uint8, channels x {@code size}) of the box at {@code start} of a 3-d image volume, exactly
     * as {@link #predict(Volume, Progress, Cancellation)} gives them there: the windows of the whole volume's grid
     * that reach into the box, in the same order (batched as they come), each read from the whole (padded) image,
     * their weighted outputs summed only inside the box. A block of a volume predicted alone thus matches the
     * whole volume's prediction; its windows beyond the box are its halo.
     */
    public Block predict(Volume image, int[] start, int[] size, Progress progress, Cancellation cancellation) {
        return predict(PaddedImage.of(image, settings.pad, settings.normalizeSections), start, size, progress, cancellation);
    }

    /** As {@link #predict(Volume, int[], int[], Progress, Cancellation)}, from an image padded by PAD_SIZE already. */
    public Block predict(PaddedImage padded, int[] start, int[] size, Progress progress, Cancellation cancellation) {
        return predict(padded, start, size, KnownWindows.NONE, progress, cancellation);
    }

    /** Outputs of some windows of the grid, computed before (by the block that owns them), by their number. */
    public interface KnownWindows {
        KnownWindows NONE = new KnownWindows() {
            @Override
            public boolean has(long window) {
                return false;
            }

            @Override
            public float[] get(long window) {
                throw new IllegalStateException("no window is known");
            }
        };

        /** Whether window {@code window} (its number in {@link Settings#grid}) is known. */
        boolean has(long window);

        /** The outputs of a known window: channels x window voxels, as {@link #compute} handed them over. */
        float[] get(long window);
    }

    /** Receives the outputs of computed windows. */
    public interface WindowSink {
        void accept(long window, float[] outputs);
    }

    /**
     * As {@link #predict(PaddedImage, int[], int[], Progress, Cancellation)}, with the windows {@code known} has taken
     * from it rather than computed; the sums are made in the same order, so the result is the same.
     */
    public Block predict(PaddedImage padded, int[] start, int[] size, KnownWindows known, Progress progress,
            Cancellation cancellation) {
        Volume image = padded.volume();
        int channels = predictor.outPlanes();
        int[] window = settings.window;
        int[] pad = settings.pad;
        SlidingWindows grid = settings.grid(image.shape());
        long[] reaching = settings.reaching(image.shape(), start, size);
        int n = (int) ((long) size[0] * size[1] * size[2]);
        float[][] sum = new float[channels][n];
        float[] weightSum = new float[n];
        float[] weights = GaussianBlending.weights(window);
        int wv = window[0] * window[1] * window[2];
        long t0 = System.nanoTime();
        String task = "Predicting " + image.name();
        progress.update(task, 0, reaching.length, 0);
        int first = 0;
        while (first < reaching.length) {
            cancellation.check();
            // the windows up to the batch's last one to compute, summed in their order
            List<Long> batch = new ArrayList<>();
            int end = first;
            while (end < reaching.length && batch.size() < settings.batch) {
                if (!known.has(reaching[end])) {
                    batch.add(reaching[end]);
                }
                end++;
            }
            float[] out = batch.isEmpty() ? null : outputs(padded, grid, batch);
            int k = 0;
            for (int m = first; m < end; m++) {
                int[] p = grid.position(reaching[m]);
                boolean has = known.has(reaching[m]);
                accumulate(has ? known.get(reaching[m]) : out, has ? 0 : k++ * channels * wv, wv, channels, weights,
                        p[0] - pad[0] - start[0], p[1] - pad[1] - start[1], p[2] - pad[2] - start[2], window, size, sum, weightSum);
            }
            first = end;
            progress.update(task, first, reaching.length, (System.nanoTime() - t0) / 1e9);
        }
        Block result = Block.zeros(org.synapseworkbench.volume.DataType.UINT8, channels, size[0], size[1], size[2]);
        byte[] bytes = result.bytes();
        for (int c = 0; c < channels; c++) {
            float[] s = sum[c];
            for (int i = 0; i < n; i++) {
                float v = Math.max(0f, s[i] / weightSum[i]) * 255f;
                bytes[c * n + i] = (byte) Math.min(255, (int) v);
            }
        }
        return result;
    }

    /**
     * Computes the windows numbered {@code windows} (in {@link Settings#grid} of the padded image's volume), in
     * batches, and hands each one's outputs (channels x window voxels, after the test-time views) to {@code sink}.
     */
    public void compute(PaddedImage padded, long[] windows, WindowSink sink, Cancellation cancellation) {
        SlidingWindows grid = settings.grid(padded.volume().shape());
        int each = predictor.outPlanes() * settings.window[0] * settings.window[1] * settings.window[2];
        for (int first = 0; first < windows.length; first += settings.batch) {
            cancellation.check();
            List<Long> batch = new ArrayList<>();
            for (int i = first; i < Math.min(windows.length, first + settings.batch); i++) {
                batch.add(windows[i]);
            }
            float[] out = outputs(padded, grid, batch);
            for (int k = 0; k < batch.size(); k++) {
                sink.accept(batch.get(k), java.util.Arrays.copyOfRange(out, k * each, (k + 1) * each));
            }
        }
    }

    /** The model's outputs (after the test-time views) of a batch of windows, one after the other. */
    private float[] outputs(PaddedImage padded, SlidingWindows grid, List<Long> batch) {
        int[] window = settings.window;
        int wv = window[0] * window[1] * window[2];
        int b = batch.size();
        float[] input = new float[b * wv];
        for (int k = 0; k < b; k++) {
            float[] values = padded.read(grid.position(batch.get(k)), window);
            for (int i = 0; i < wv; i++) {
                input[k * wv + i] = (values[i] - settings.mean) / settings.std;
            }
        }
        try (NDManager step = predictor.newStepManager()) {
            NDArray x = step.create(input, new Shape(b, 1, window[0], window[1], window[2]));
            return TestTimeAugmentation.predict(x, settings.views, settings.mode, predictor::probabilities)
                    .toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    /**
     * Refuses, before any work, an image whose sums (4 bytes per channel and voxel), weights (4) and result (1 per
     * channel) do not fit in memory.
     */
    public static void requireMemory(Volume image, int channels) {
        MemoryBudget.require("Prediction holds its sums for the whole image in memory", image, 5.0 * channels + 4,
                "crop the image into smaller volumes and predict each, or run on a machine with more memory and a "
                        + "larger -Xmx.");
    }

    /** Adds one window's outputs, weighted, where it overlaps the box of {@code shape} (window origin at z0, y0, x0 in it). */
    private static void accumulate(float[] out, int offset, int wv, int channels, float[] weights, int z0, int y0, int x0,
                                   int[] window, int[] shape, float[][] sum, float[] weightSum) {
        int xs = Math.max(0, -x0);
        int xe = Math.min(window[2], shape[2] - x0);
        for (int z = Math.max(0, -z0); z < Math.min(window[0], shape[0] - z0); z++) {
            for (int y = Math.max(0, -y0); y < Math.min(window[1], shape[1] - y0); y++) {
                int w = (z * window[1] + y) * window[2];
                int t = ((z0 + z) * shape[1] + y0 + y) * shape[2] + x0;
                for (int x = xs; x < xe; x++) {
                    weightSum[t + x] += weights[w + x];
                }
                for (int c = 0; c < channels; c++) {
                    float[] s = sum[c];
                    int o = offset + c * wv + w;
                    for (int x = xs; x < xe; x++) {
                        s[t + x] += out[o + x] * weights[w + x];
                    }
                }
            }
        }
    }
}
