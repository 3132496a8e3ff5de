package org.synapseworkbench.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

class VolumeInferenceTest {
    private static final NDManager BASE = TorchEngine.get().newBaseManager();

    @AfterAll
    static void close() {
        BASE.close();
    }

    /** Outputs its input (MEAN 0, STD 1 make that the image in [0, 1]), as {@code channels} equal channels. */
    private static WindowModel identity(int channels) {
        return new StandInModel(BASE, channels, x -> channels == 1 ? x : x.repeat(1, channels));
    }

    /** Outputs the input times a ramp along x: not flip-symmetric. */
    private static WindowModel ramp() {
        return new StandInModel(BASE, 1, x -> {
            long n = x.getShape().get(4);
            return x.mul(x.getManager().arange(0f, n).div(n - 1));
        });
    }

    private static InMemoryVolume randomImage(int[] shape, long seed) {
        Block b = Block.zeros(DataType.UINT8, shape);
        new Random(seed).nextBytes(b.bytes());
        return new InMemoryVolume("random", b, new double[] {40, 4, 4});
    }

    private static VolumeInference.Settings settings(int[] window, int[] stride, int[] pad, int batch, Integer aug, String mode) {
        return new VolumeInference.Settings(window, stride, pad, batch, TestTimeAugmentation.views(aug),
                TestTimeAugmentation.Mode.parse(mode), 0f, 1f, false);
    }

    @Test
    void windowStartsCoverTheAxisWithTheLastMovedBack() {
        assertArrayEquals(new int[] {0, 3, 6}, SlidingWindows.starts(10, 4, 3));
        assertArrayEquals(new int[] {0, 4, 6}, SlidingWindows.starts(10, 4, 4));
        assertArrayEquals(new int[] {0}, SlidingWindows.starts(4, 4, 2));
        assertArrayEquals(new int[] {0}, SlidingWindows.starts(3, 4, 2));
        assertEquals(3 * 2 * 1, new SlidingWindows(new int[] {10, 6, 4}, new int[] {4, 4, 4}, new int[] {3, 2, 2}).positions().size());
    }

    @Test
    void gaussianWeightsFollowTheFormula() {
        float[] w = GaussianBlending.weights(new int[] {1, 3, 3});
        // z of a one-voxel axis is numpy's linspace(-1, 1, 1) = -1
        assertEquals(1e-4 + Math.exp(-1 / 0.08), w[4], 1e-9); // centre of y, x
        assertEquals(1e-4 + Math.exp(-3 / 0.08), w[0], 1e-10); // corner
        float[] w3 = GaussianBlending.weights(new int[] {3, 3, 3});
        assertEquals(1 + 1e-4, w3[13], 1e-6);
        assertEquals(1e-4 + Math.exp(-1 / 0.08), w3[12], 1e-9); // one step along x
    }

    @Test
    void overlappingWindowsBlendBackToTheImage() {
        int[] shape = {7, 23, 19};
        InMemoryVolume image = randomImage(shape, 1);
        AtomicInteger updates = new AtomicInteger();
        Progress progress = (task, done, total, elapsed) -> updates.incrementAndGet();
        Block out = new VolumeInference(identity(2), settings(new int[] {3, 8, 8}, new int[] {2, 5, 3}, new int[] {1, 4, 4}, 3, null, "mean"))
                .predict(image, progress, new Cancellation());
        assertArrayEquals(new int[] {2, 7, 23, 19}, out.shape());
        int n = 7 * 23 * 19;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                long expected = image.block().getLong(i);
                long got = out.getLong(c * n + i);
                // x 255 truncates: v / 255 x 255 in float may land just below v
                assertTrue(got == expected || got == expected - 1, "voxel " + i + ": " + got + " vs " + expected);
            }
        }
        assertTrue(updates.get() > 2);
    }

    @Test
    void standardisedSectionsCancelDriftAndBlocksMatchTheWhole() {
        // one pattern, each section with its own gain and offset (grey levels); float data, so nothing rounds
        int[] shape = {3, 20, 17};
        int plane = 20 * 17;
        Random rnd = new Random(3);
        float[] pattern = new float[plane];
        for (int i = 0; i < plane; i++) {
            pattern[i] = 60 + 60 * rnd.nextFloat();
        }
        double[][] drift = {{1, 0}, {1.4, 25}, {0.7, -20}};
        Block b = Block.zeros(DataType.FLOAT32, shape);
        for (int z = 0; z < 3; z++) {
            for (int i = 0; i < plane; i++) {
                b.setDouble(z * plane + i, pattern[i] * drift[z][0] + drift[z][1]);
            }
        }
        InMemoryVolume image = new InMemoryVolume("drifting", b, new double[] {40, 4, 4});
        VolumeInference.Settings s = new VolumeInference.Settings(new int[] {3, 8, 8}, new int[] {2, 5, 3}, new int[] {1, 4, 4},
                2, TestTimeAugmentation.views(null), TestTimeAugmentation.Mode.MEAN, 0f, 1f, true);
        VolumeInference inference = new VolumeInference(identity(1), s);
        Block whole = inference.predict(image, Progress.NONE, new Cancellation());
        for (int i = 0; i < plane; i++) {
            long first = whole.getLong(i);
            assertTrue(Math.abs(whole.getLong(plane + i) - first) <= 1 && Math.abs(whole.getLong(2 * plane + i) - first) <= 1,
                    "voxel " + i + ": " + first + ", " + whole.getLong(plane + i) + ", " + whole.getLong(2 * plane + i));
        }
        // a block predicted alone is standardised by its sections' whole figures, not by the block's
        Block part = inference.predict(image, new int[] {1, 5, 4}, new int[] {2, 9, 7}, Progress.NONE, new Cancellation());
        for (int z = 0; z < 2; z++) {
            for (int y = 0; y < 9; y++) {
                for (int x = 0; x < 7; x++) {
                    assertEquals(whole.getLong(((1 + z) * 20 + 5 + y) * 17 + 4 + x), part.getLong((z * 9 + y) * 7 + x));
                }
            }
        }
        // without standardisation the sections differ
        Block plain = new VolumeInference(identity(1), settings(new int[] {3, 8, 8}, new int[] {2, 5, 3}, new int[] {1, 4, 4}, 2,
                null, "mean")).predict(image, Progress.NONE, new Cancellation());
        assertTrue(Math.abs(plain.getLong(plane) - plain.getLong(0)) > 10);
    }

    @Test
    void blendingAConstantGivesItExactlyEverywhere() {
        // 0.5 x w sums exactly to 0.5 x the sum of w, overlaps included: 0.5 x 255 = 127.5, truncated 127
        Block out = new VolumeInference(half(), settings(new int[] {3, 8, 8}, new int[] {1, 3, 5}, new int[] {2, 3, 1}, 2, null, "mean"))
                .predict(randomImage(new int[] {6, 17, 13}, 4), Progress.NONE, new Cancellation());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(127, out.getLong(i), "voxel " + i);
        }
    }

    @Test
    void aVolumeTooLargeForMemoryIsRefusedBeforeAnyWindow() throws Exception {
        java.nio.file.Path huge = java.nio.file.Path.of(getClass().getResource("/h5py/huge_declared.h5").toURI());
        try (org.synapseworkbench.volume.Hdf5Volume v = org.synapseworkbench.volume.Hdf5Volume.open(huge, "volumes/raw")) {
            java.util.List<Long> progress = new java.util.ArrayList<>();
            org.synapseworkbench.work.UserException e = assertThrows(org.synapseworkbench.work.UserException.class,
                    () -> new VolumeInference(half(), settings(new int[] {3, 8, 8}, new int[] {1, 3, 5}, new int[] {0, 0, 0}, 2,
                            null, "mean")).predict(v, (task, done, total, seconds) -> progress.add(done), new Cancellation()));
            assertTrue(e.getMessage().startsWith("Prediction holds its sums for the whole image in memory, but "
                    + "huge_declared.h5:volumes/raw ([2000, 50000, 50000], 5,000,000,000,000 voxels) is larger than one piece"),
                    e.getMessage());
            assertEquals(java.util.List.of(), progress, "no window was predicted");
        }
    }

    /** Outputs 0.5 everywhere. */
    private static WindowModel half() {
        return new StandInModel(BASE, 1, x -> x.zerosLike().add(0.5f));
    }

    @Test
    void viewsAreUndoneExactly() {
        NDArray x = BASE.randomUniform(0, 1, new Shape(2, 1, 3, 5, 5));
        List<TestTimeAugmentation.View> views = TestTimeAugmentation.views(16);
        assertEquals(16, views.size());
        assertEquals(16, views.stream().distinct().count());
        for (TestTimeAugmentation.View v : views) {
            assertTrue(v.invert(v.apply(x)).contentEquals(x), v.toString());
        }
        assertEquals(1, TestTimeAugmentation.views(null).size());
        assertEquals(4, TestTimeAugmentation.views(4).size());
        assertEquals(8, TestTimeAugmentation.views(8).size());
    }

    @Test
    void augmentingASymmetricModelChangesNothing() {
        int[] shape = {5, 20, 20};
        InMemoryVolume image = randomImage(shape, 2);
        int[] window = {3, 10, 10};
        Block plain = new VolumeInference(identity(1), settings(window, new int[] {2, 5, 5}, new int[] {1, 2, 2}, 2, null, "mean"))
                .predict(image, Progress.NONE, new Cancellation());
        Block max = new VolumeInference(identity(1), settings(window, new int[] {2, 5, 5}, new int[] {1, 2, 2}, 2, 16, "max"))
                .predict(image, Progress.NONE, new Cancellation());
        assertTrue(plain.contentEquals(max));
        Block mean = new VolumeInference(identity(1), settings(window, new int[] {2, 5, 5}, new int[] {1, 2, 2}, 2, 8, "mean"))
                .predict(image, Progress.NONE, new Cancellation());
        for (int i = 0; i < plain.size(); i++) {
            assertTrue(Math.abs(plain.getLong(i) - mean.getLong(i)) <= 1, "voxel " + i);
        }
    }

    @Test
    void flippedViewsOfARampAverageToItsMiddle() {
        // x flips turn the ramp r(i) = i / (n-1) into 1 - r(i): the mean of the views is half the input everywhere
        int[] shape = {1, 10, 10};
        Block b = Block.zeros(DataType.UINT8, shape);
        java.util.Arrays.fill(b.bytes(), (byte) 200);
        InMemoryVolume image = new InMemoryVolume("flat", b, new double[] {40, 4, 4});
        Block out = new VolumeInference(ramp(), settings(new int[] {1, 10, 10}, new int[] {1, 10, 10}, new int[] {0, 0, 0}, 1, 4, "mean"))
                .predict(image, Progress.NONE, new Cancellation());
        for (int i = 0; i < out.size(); i++) {
            assertTrue(Math.abs(out.getLong(i) - 100) <= 1, "voxel " + i + ": " + out.getLong(i));
        }
    }

    @Test
    void cancellingStopsBetweenBatches() {
        Cancellation cancel = new Cancellation();
        Progress progress = (task, done, total, elapsed) -> {
            if (done >= 1) {
                cancel.cancel();
            }
        };
        VolumeInference inference = new VolumeInference(identity(1),
                settings(new int[] {3, 8, 8}, new int[] {3, 8, 8}, new int[] {0, 0, 0}, 1, null, "mean"));
        assertThrows(Cancellation.CancelledException.class, () -> inference.predict(randomImage(new int[] {6, 16, 16}, 3), progress, cancel));
    }
}
