package org.synapseworkbench.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final int[][] SIZES = {{9, 41, 41}, {5, 33, 47}, {3, 20, 20}, {17, 64, 64}};

    @Test
    void geometricAugmentationsKeepImageAndLabelsTogether() {
        for (Augmentation a : Crops.geometric()) {
            for (int seed = 0; seed < 6; seed++) {
                int[] out = seed % 2 == 0 ? new int[]{7, 40, 40} : new int[]{6, 37, 37};
                Crop in = Crops.blocky(a.inputSizeFor(out), seed);
                Crop res = a.apply(in.copy(), new SplittableRandom(seed));
                Crops.assertConsistent(res, a.name() + " seed " + seed);
            }
        }
    }

    @Test
    void inputSizeForThenApplyGivesExactlyTheOutputSize() {
        for (Augmentation a : Crops.all()) {
            for (int[] out : SIZES) {
                int[] in = a.inputSizeFor(out);
                for (int d = 0; d < 3; d++) {
                    assertTrue(in[d] >= out[d], a.name());
                }
                for (int seed = 0; seed < 3; seed++) {
                    Crop res = a.apply(Crops.noisy(in, seed), new SplittableRandom(seed));
                    assertArrayEquals(out, res.shape(), a.name() + " for " + Arrays.toString(out) + " seed " + seed);
                }
            }
        }
    }

    @Test
    void imageStaysInUnitRangeAndLabelsKeepTheirIds() {
        int[] out = {7, 31, 31};
        for (Augmentation a : Crops.all()) {
            for (int seed = 0; seed < 5; seed++) {
                Crop in = Crops.noisy(a.inputSizeFor(out), seed);
                Set<Long> ids = Crops.values(in.label(0));
                Crop res = a.apply(in, new SplittableRandom(seed));
                Crops.assertInUnitRange(res, a.name());
                assertTrue(ids.containsAll(Crops.values(res.label(0))), a.name() + " made new label ids");
            }
            Crop blocky = Crops.blocky(a.inputSizeFor(out), 3);
            Crop res = a.apply(blocky, new SplittableRandom(3));
            assertTrue(Set.of(0L, 3L, 7L, 1L << 40).containsAll(Crops.values(res.label(0))), a.name());
        }
    }

    @Test
    void sameDrawsSameResultOtherDrawsOtherResult() {
        int[] out = {7, 33, 33};
        for (Augmentation a : Crops.all()) {
            Crop in = Crops.noisy(a.inputSizeFor(out), 1);
            Crop r1 = a.apply(in.copy(), new SplittableRandom(5));
            Crop r2 = a.apply(in.copy(), new SplittableRandom(5));
            assertArrayEquals(r1.image(), r2.image(), a.name());
            assertArrayEquals(r1.label(0), r2.label(0), a.name());
            boolean differs = false;
            for (int seed = 6; seed < 12 && !differs; seed++) {
                Crop r3 = a.apply(in.copy(), new SplittableRandom(seed));
                differs = !Arrays.equals(r1.shape(), r3.shape()) || !Arrays.equals(r1.image(), r3.image());
            }
            assertTrue(differs, a.name() + " ignores its draws");
        }
    }

    @Test
    void rotate90FollowsNumpyAndFourTurnsAreIdentity() {
        Crop c = new Crop(new int[]{1, 2, 3}, new float[]{0, 1, 2, 3, 4, 5}, new long[]{0, 1, 2, 3, 4, 5});
        Crop r = Rotate90.rotate(c, 1);   // numpy: rot90([[0,1,2],[3,4,5]]) = [[2,5],[1,4],[0,3]]
        assertArrayEquals(new int[]{1, 3, 2}, r.shape());
        assertArrayEquals(new float[]{2, 5, 1, 4, 0, 3}, r.image());
        assertArrayEquals(new long[]{2, 5, 1, 4, 0, 3}, r.label(0));
        assertArrayEquals(new float[]{5, 4, 3, 2, 1, 0}, Rotate90.rotate(c, 2).image());
        assertArrayEquals(new float[]{3, 0, 4, 1, 5, 2}, Rotate90.rotate(c, 3).image());

        Crop b = Crops.blocky(new int[]{4, 12, 12}, 2);
        Crop four = b;
        for (int i = 0; i < 4; i++) {
            four = Rotate90.rotate(four, 1);
        }
        assertArrayEquals(b.image(), four.image());
        assertArrayEquals(b.label(0), four.label(0));
        Crop back = Rotate90.rotate(Rotate90.rotate(b, 1), 3);
        assertArrayEquals(b.image(), back.image());
        // non-square slices keep their shape: only half turns are drawn
        Crop ns = Crops.blocky(new int[]{2, 8, 12}, 1);
        for (int seed = 0; seed < 8; seed++) {
            assertArrayEquals(new int[]{2, 8, 12}, new Rotate90().apply(ns, new SplittableRandom(seed)).shape());
        }
    }

    @Test
    void flipTwiceWithTheSameDrawsIsIdentity() {
        Crop c = Crops.blocky(new int[]{6, 12, 12}, 4);
        Crop cube = Crops.blocky(new int[]{8, 5, 8}, 5);
        for (int rule = 0; rule < 32; rule++) {
            boolean fz = (rule & 1) != 0;
            boolean fy = (rule & 2) != 0;
            boolean fx = (rule & 4) != 0;
            boolean t = (rule & 8) != 0;
            boolean tz = (rule & 16) != 0;
            if (t && fy != fx) {
                continue;   // (T Fy)^2 = Fx Fy, not identity
            }
            Crop base = tz ? cube : c;
            Crop twice = Flip.flip(Flip.flip(base, fz, fy, fx, t, false), fz, fy, fx, t, false);
            assertArrayEquals(base.image(), twice.image(), "rule " + rule);
            assertArrayEquals(base.label(1), twice.label(1), "rule " + rule);
            if (tz) {
                Crop zz = Flip.flip(Flip.flip(cube, false, false, false, false, true), false, false, false, false, true);
                assertArrayEquals(cube.image(), zz.image());
            }
        }
        // a lone x flip reverses rows
        Crop row = new Crop(new int[]{1, 1, 4}, new float[]{0, 1, 2, 3}, new long[]{0, 1, 2, 3});
        assertArrayEquals(new float[]{3, 2, 1, 0}, Flip.flip(row, false, false, true, true, false).image());
        assertSame(row, Flip.flip(row, false, false, false, false, false));
    }

    @Test
    void missingSectionRemovesExactlyTwoInteriorSlices() {
        int d = 9;
        int[] s = {d, 6, 5};
        float[] img = new float[d * 30];
        long[] lab = new long[d * 30];
        for (int i = 0; i < img.length; i++) {
            img[i] = (i / 30) / 10f;
            lab[i] = i / 30;
        }
        for (int seed = 0; seed < 20; seed++) {
            Crop res = new MissingSection(1, 2).apply(new Crop(s, img.clone(), lab.clone()), new SplittableRandom(seed));
            assertArrayEquals(new int[]{d - 2, 6, 5}, res.shape());
            List<Long> kept = new ArrayList<>();
            for (int z = 0; z < d - 2; z++) {
                long id = res.label(0)[z * 30];
                for (int i = 0; i < 30; i++) {
                    assertEquals(id, res.label(0)[z * 30 + i]);
                    assertEquals(id / 10f, res.image()[z * 30 + i]);
                }
                kept.add(id);
            }
            assertEquals(0L, kept.get(0));
            assertEquals((long) d - 1, kept.get(kept.size() - 1));
            for (int i = 1; i < kept.size(); i++) {
                assertTrue(kept.get(i) > kept.get(i - 1));
            }
        }
        Crop thin = Crops.noisy(new int[]{3, 4, 4}, 1);
        assertSame(thin, new MissingSection(1, 2).apply(thin, new SplittableRandom(1)));
    }

    @Test
    void misalignmentShrinksYAndXAndShiftsWholeSlices() {
        for (int[] s : new int[][]{{5, 40, 40}, {1, 30, 20}, {2, 25, 33}, {12, 50, 47}}) {
            for (int seed = 0; seed < 8; seed++) {
                Crop res = new Misalignment(1, 16, 0.5).apply(Crops.noisy(s, seed), new SplittableRandom(seed));
                assertArrayEquals(new int[]{s[0], s[1] - 16, s[2] - 16}, res.shape());
            }
        }
        // translation: every output slice is an exact window of its input slice
        int[] s = {6, 30, 30};
        Crop in = Crops.noisy(s, 3);
        Crop res = new Misalignment(1, 10, 0).apply(in.copy(), new SplittableRandom(3));
        for (int z = 0; z < 6; z++) {
            boolean found = false;
            for (int oy = 0; oy <= 10 && !found; oy++) {
                for (int ox = 0; ox <= 10 && !found; ox++) {
                    Crop win = in.sub(new int[]{z, oy, ox}, new int[]{1, 20, 20});
                    found = Arrays.equals(win.image(), res.sub(new int[]{z, 0, 0}, new int[]{1, 20, 20}).image());
                }
            }
            assertTrue(found, "slice " + z);
        }
        // offsets as PyTC's randint(D): 0..D-1, never D (seen over many draws)
        int[] seen = new int[11];
        Crop ramp = Crops.ramp(new int[]{4, 30, 30});
        for (int seed = 0; seed < 400; seed++) {
            Crop moved = new Misalignment(1, 10, 0).apply(ramp.copy(), new SplittableRandom(seed));
            for (int z = 0; z < 4; z++) {
                float first = moved.image()[z * 400];   // ramp value y * 30 + x of the window's corner
                int oy = Math.round(first * 10_000) / 30 - z * 30;
                int ox = Math.round(first * 10_000) % 30;
                seen[oy]++;
                seen[ox]++;
            }
        }
        assertEquals(0, seen[10], "offset D drawn");
        for (int o = 0; o < 10; o++) {
            assertTrue(seen[o] > 0, "offset " + o + " never drawn");
        }
        assertTrue(Misalignment.maxAngle(128, 128, 136, 136) > Math.toRadians(3)
                && Misalignment.maxAngle(128, 128, 136, 136) < Math.toRadians(4));
    }

    @Test
    void rescaleSizesRoundTrip() {
        Rescale r = new Rescale(1, false);
        for (int o = 1; o < 3000; o++) {
            int in = r.inputLength(o);
            assertEquals(o, r.outputLength(in), "output " + o);
            assertTrue(o == 1 || r.outputLength(in - 1) < o, "input for " + o + " is not the smallest");
        }
        Crop b = Crops.blocky(new int[]{3, 20, 24}, 1);
        Crop same = new Rescale(1, 1.0, 1.0, false).apply(b, new SplittableRandom(1));
        assertArrayEquals(b.image(), same.image());
        assertArrayEquals(b.label(0), same.label(0));
    }

    @Test
    void elasticWithoutStrengthIsIdentity() {
        Crop b = Crops.blocky(new int[]{3, 20, 24}, 1);
        Crop same = new Elastic(1, 0, 4).apply(b, new SplittableRandom(1));
        assertArrayEquals(b.image(), same.image());
        assertArrayEquals(b.label(0), same.label(0));
    }

    @Test
    void grayscaleIsContrastBrightnessThenGamma() {
        int[] s = {4, 10, 10};
        boolean sawWhole = false;
        boolean sawSlices = false;
        for (int seed = 0; seed < 10; seed++) {
            Crop in = Crops.noisy(s, seed);
            float[] before = in.image().clone();
            Crop res = new Grayscale(1).apply(in, new SplittableRandom(seed));
            SplittableRandom r = new SplittableRandom(seed);
            boolean whole = r.nextDouble() > 0.5;
            sawWhole |= whole;
            sawSlices |= !whole;
            double[] q = new double[3];
            for (int i = 0; i < before.length; i++) {
                if (i == 0 || (!whole && i % 100 == 0)) {
                    q = new double[]{r.nextDouble(), r.nextDouble(), r.nextDouble()};
                }
                float gain = (float) (1 + (q[0] - 0.5) * 0.3);
                float offset = (float) ((q[1] - 0.5) * 0.3);
                double v = before[i] * gain + offset;   // float arithmetic, as the implementation
                v = Math.pow(Math.min(1, Math.max(0, v)), Math.pow(2, 2 * q[2] - 1));
                assertEquals(v, res.image()[i], 2e-6, "seed " + seed + " voxel " + i);
            }
            assertArrayEquals(Crops.noisy(s, seed).label(0), res.label(0));
        }
        assertTrue(sawWhole && sawSlices);
    }

    @Test
    void missingPartsBlanksABandInEveryOtherSlice() {
        int[] dist = new int[5 * 7];
        MissingParts.band(dist, 5, 7, 0, 3, 4, 3);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(Math.abs(x - 3), dist[y * 7 + x]);
            }
        }
        MissingParts.band(dist, 5, 7, 2, 0, 2, 6);
        assertEquals(2, dist[4 * 7 + 5]);

        int[] s = {7, 40, 40};
        Crop in = Crops.noisy(s, 2);
        float[] before = in.image().clone();
        Crop res = new MissingParts(1, 5).apply(in, new SplittableRandom(2));
        for (int z = 0; z < 7; z++) {
            int changed = 0;
            double mean = 0;
            for (int i = 0; i < 1600; i++) {
                mean += before[z * 1600 + i] / 1600;
            }
            for (int i = 0; i < 1600; i++) {
                float v = res.image()[z * 1600 + i];
                if (v != before[z * 1600 + i]) {
                    changed++;
                    assertEquals(mean, v, 1e-5);
                }
            }
            if (z % 2 == 0) {   // P 1: slices 0, 2, 4, 6 hit, each sparing the next
                assertTrue(changed > 40 * 5, "slice " + z + " changed " + changed);
            } else {
                assertEquals(0, changed, "slice " + z);
            }
        }
    }

    @Test
    void motionBlurTouchesTwoSlicesAndKeepsConstants() {
        int[] s = {6, 24, 24};
        for (int seed = 0; seed < 5; seed++) {
            Crop in = Crops.noisy(s, seed);
            float[] before = in.image().clone();
            Crop res = new MotionBlur(1, 2, 11).apply(in, new SplittableRandom(seed));
            int slices = 0;
            for (int z = 0; z < 6; z++) {
                boolean changed = !Arrays.equals(Arrays.copyOfRange(before, z * 576, (z + 1) * 576),
                        Arrays.copyOfRange(res.image(), z * 576, (z + 1) * 576));
                slices += changed ? 1 : 0;
            }
            assertEquals(2, slices);
        }
        float[] flat = new float[6 * 576];
        Arrays.fill(flat, 0.5f);
        Crop res = new MotionBlur(1, 2, 11).apply(new Crop(s, flat.clone()), new SplittableRandom(1));
        for (float v : res.image()) {
            assertEquals(0.5f, v, 1e-6);
        }
    }

    @Test
    void cutNoiseAndCutBlurStayInsideACuboid() {
        int[] s = {10, 30, 40};
        for (Augmentation a : List.of(new CutNoise(1, 0.4, 0.3), new CutBlur(1, 0.4, 2, 8, false),
                new CutBlur(1, 0.4, 2, 8, true))) {
            for (int seed = 0; seed < 5; seed++) {
                Crop in = Crops.noisy(s, seed);
                float[] before = in.image().clone();
                Crop res = a.apply(in, new SplittableRandom(seed));
                int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
                int[] hi = {-1, -1, -1};
                for (int z = 0; z < s[0]; z++) {
                    for (int y = 0; y < s[1]; y++) {
                        for (int x = 0; x < s[2]; x++) {
                            int i = res.index(z, y, x);
                            if (res.image()[i] != before[i]) {
                                if (a instanceof CutNoise) {
                                    assertTrue(Math.abs(res.image()[i] - before[i]) <= 0.3 + 1e-6);
                                }
                                int[] p = {z, y, x};
                                for (int d = 0; d < 3; d++) {
                                    lo[d] = Math.min(lo[d], p[d]);
                                    hi[d] = Math.max(hi[d], p[d]);
                                }
                            }
                        }
                    }
                }
                for (int d = 0; d < 3; d++) {
                    assertTrue(hi[d] >= lo[d], a.name() + " changed nothing");
                    assertTrue(hi[d] - lo[d] + 1 <= (int) (0.4 * s[d]), a.name() + " axis " + d);
                }
            }
        }
        float[] flat = new float[10 * 30 * 40];
        Arrays.fill(flat, 0.4f);
        Crop res = new CutBlur(1, 0.4, 2, 8, true).apply(new Crop(s, flat.clone()), new SplittableRandom(3));
        for (float v : res.image()) {
            assertEquals(0.4f, v, 1e-6);
        }
    }

    @Test
    void badParametersAreRefused() {
        assertThrowsIae(() -> new Rotate90(1.5));
        assertThrowsIae(() -> new Rescale(0.5, 1.2, 1.25, false));
        assertThrowsIae(() -> new MissingSection(0.5, -1));
        assertThrowsIae(() -> new Misalignment(0.5, 16, 2));
        assertThrowsIae(() -> new Misalignment(1, 16, 0).apply(Crops.noisy(new int[]{3, 16, 30}, 1),
                new SplittableRandom(1)));
        assertNotEquals(0, new CutBlur(1, 0.4, 2, 8, false).probability());
        assertFalse(new Flip().doZTranspose());
    }

    private static void assertThrowsIae(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return;
        }
        throw new AssertionError("expected IllegalArgumentException");
    }
}
