package org.synapseworkbench.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Test crops and checks shared by the augmentation tests. */
final class Crops {
    static final float LOW = 0.25f;
    static final float HIGH = 0.75f;
    static final long[] IDS = {3, 7, 1L << 40};

    private Crops() {
    }

    /**
     * Blocks of 2 x 4 x 4 voxels, each either 0.25 or 0.75; label 0 where 0.25 and one of {@link #IDS} where 0.75;
     * a second label twice the first.
     */
    static Crop blocky(int[] s, long seed) {
        int n = s[0] * s[1] * s[2];
        float[] img = new float[n];
        long[] lab = new long[n];
        long[] lab2 = new long[n];
        int i = 0;
        for (int z = 0; z < s[0]; z++) {
            for (int y = 0; y < s[1]; y++) {
                for (int x = 0; x < s[2]; x++, i++) {
                    long h = new SplittableRandom(seed * 1_000_003L + ((z / 2) * 7919L + (y / 4)) * 104_729L + x / 4).nextLong();
                    boolean on = (h & 1) == 1;
                    img[i] = on ? HIGH : LOW;
                    lab[i] = on ? IDS[(int) ((h >>> 1) % 3)] : 0;
                    lab2[i] = 2 * lab[i];
                }
            }
        }
        return new Crop(s, img, lab, lab2);
    }

    /** Image value 1e-4 times the voxel's index (z, y, x in row-major order), so a window's corner tells its offset. */
    static Crop ramp(int[] s) {
        int n = s[0] * s[1] * s[2];
        float[] img = new float[n];
        for (int i = 0; i < n; i++) {
            img[i] = i * 1e-4f;
        }
        return new Crop(s, img, new long[n]);
    }

    /** Uniform noise in [0, 1] with some exact 0s and 1s, labels with ids {0, 5, 9}. */
    static Crop noisy(int[] s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = s[0] * s[1] * s[2];
        float[] img = new float[n];
        long[] lab = new long[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            img[i] = k == 0 ? 0f : (k == 1 ? 1f : (float) r.nextDouble());
            lab[i] = img[i] > 0.6f ? 9 : (img[i] > 0.3f ? 5 : 0);
        }
        return new Crop(s, img, lab);
    }

    /** Where the image is pure (a block value), the labels must say the same; returns how many voxels were checked. */
    static int assertConsistent(Crop c, String what) {
        return assertConsistent(c, what, 0.5);
    }

    /** As {@link #assertConsistent(Crop, String)}, asking that at least {@code minPure} of the voxels be pure. */
    static int assertConsistent(Crop c, String what, double minPure) {
        float[] img = c.image();
        long[] lab = c.label(0);
        long[] lab2 = c.label(1);
        int checked = 0;
        for (int i = 0; i < img.length; i++) {
            assertEquals(2 * lab[i], lab2[i], what + ": labels moved apart at " + i);
            if (Math.abs(img[i] - HIGH) < 1e-4) {
                assertTrue(lab[i] != 0, what + ": bright voxel " + i + " has no label");
                checked++;
            } else if (Math.abs(img[i] - LOW) < 1e-4) {
                assertEquals(0, lab[i], what + ": dark voxel " + i + " is labelled");
                checked++;
            }
        }
        assertTrue(checked >= minPure * img.length, what + ": only " + checked + " of " + img.length + " voxels were pure");
        return checked;
    }

    static void assertInUnitRange(Crop c, String what) {
        for (float v : c.image()) {
            if (!(v >= 0f && v <= 1f)) {
                fail(what + ": image value " + v + " outside [0, 1]");
            }
        }
    }

    static Set<Long> values(long[] a) {
        Set<Long> s = new HashSet<>();
        for (long v : a) {
            s.add(v);
        }
        return s;
    }

    /** Every augmentation with PyTC's default parameters and P 1. */
    static List<Augmentation> all() {
        return List.of(new CutNoise(1, 0.4, 0.3), new CutBlur(1, 0.4, 2, 8, false), new MotionBlur(1, 2, 11),
                new Misalignment(1, 16, 0.5), new MissingSection(1, 2), new MissingParts(0.9, 64), new Grayscale(1),
                new Elastic(1, 16, 4), new Rescale(1, false), new Rotate90(), new Flip());
    }

    /** The augmentations that move voxels (image and labels together). */
    static List<Augmentation> geometric() {
        return List.of(new Misalignment(1, 16, 0), new Misalignment(1, 16, 1), new Misalignment(1, 7, 0.5),
                new MissingSection(1, 2), new Elastic(1, 16, 4), new Elastic(1, 40, 2), new Rescale(1, false),
                new Rescale(1, true), new Rotate90(), new Flip(), new Flip(1, true));
    }
}
