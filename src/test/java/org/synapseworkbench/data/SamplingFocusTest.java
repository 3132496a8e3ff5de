package org.synapseworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.data.augment.Crop;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.work.UserException;

/** Crops on corrected voxels: how often, where, and that the rest of the sampling is unchanged. */
class SamplingFocusTest {
    private static final int[] SHAPE = {10, 40, 40};
    private static final int[] OUTPUT = {4, 8, 8};
    /** The one labelled voxel, id 9, at (5, 30, 31), and a corner voxel (0, 0, 0) with id 5. */
    private static final long FOCUS = (5L * 40 + 30) * 40 + 31;

    private static TrainingSet set(int[] pad) {
        int n = SHAPE[0] * SHAPE[1] * SHAPE[2];
        long[] ids = new long[n];
        ids[(int) FOCUS] = 9;
        ids[0] = 5;
        var image = new InMemoryVolume("image", Block.wrap(DataType.UINT8, new byte[n], SHAPE), new double[] {40, 4, 4});
        var labels = new InMemoryVolume("labels", Block.wrap(DataType.UINT64, ids, SHAPE), new double[] {40, 4, 4});
        return new TrainingSet(List.of(new TrainingVolume(image, labels, pad)));
    }

    private static boolean holds(Crop c, long id) {
        for (long v : c.label(0)) {
            if (v == id) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyCropCoversTheFocusWhenItsShareIsOne() {
        Sampler s = new Sampler(set(new int[3]), null, OUTPUT, 0, 0, 1, new SamplingFocus(0, new long[] {0, FOCUS}, 1));
        int withFocus = 0;
        int withCorner = 0;
        for (long seed = 0; seed < 200; seed++) {
            Crop c = s.sample(seed);
            assertArrayEquals(OUTPUT, c.shape());
            boolean focus = holds(c, 9);
            boolean corner = holds(c, 5);
            assertTrue(focus || corner, "crop " + seed + " misses both corrected voxels");
            withFocus += focus ? 1 : 0;
            withCorner += corner ? 1 : 0;
        }
        // each of the two voxels is drawn with probability 1/2: 100 expected of 200, binomial sd 7
        assertTrue(withFocus > 70 && withFocus < 130, withFocus + " crops on (5, 30, 31)");
        assertTrue(withCorner > 70 && withCorner < 130, withCorner + " crops on the corner (clamped into the volume)");
    }

    @Test
    void aShareOfAHalfPutsAboutHalfTheCropsOnTheFocusAndNoneIsRejected() {
        // rejection on: crops with fewer than 1 labelled voxel are drawn again with probability 1, 3 times
        Sampler uniform = new Sampler(set(new int[3]), null, OUTPUT, 1, 1, 3);
        Sampler focused = new Sampler(set(new int[3]), null, OUTPUT, 1, 1, 3, new SamplingFocus(0, new long[] {FOCUS}, 0.5));
        int uniformHits = 0;
        int focusedHits = 0;
        for (long seed = 0; seed < 400; seed++) {
            uniformHits += holds(uniform.sample(seed), 9) ? 1 : 0;
            focusedHits += holds(focused.sample(seed), 9) ? 1 : 0;
        }
        // uniform: a crop holds (5, 30, 31) with probability (4/7) (8/33)^2 = 0.034 per draw, so at most ~10 % in 3 trials
        assertTrue(uniformHits < 60, uniformHits + " uniform crops on the voxel");
        // focused: 1/2 for sure plus the uniform half's few: 0.5 to 0.55 of 400, binomial sd 10
        assertTrue(focusedHits > 170 && focusedHits < 260, focusedHits + " focused crops on the voxel");
    }

    @Test
    void aShareOfZeroDrawsTheSameCropsAsNoFocus() {
        Sampler plain = new Sampler(set(new int[] {1, 2, 2}), null, OUTPUT, 0, 0, 1);
        Sampler zero = new Sampler(set(new int[] {1, 2, 2}), null, OUTPUT, 0, 0, 1, new SamplingFocus(0, new long[] {FOCUS}, 0));
        for (long seed = 0; seed < 20; seed++) {
            assertArrayEquals(plain.sample(seed).label(0), zero.sample(seed).label(0));
        }
    }

    @Test
    void badFocusesAreRefusedWithASentence() {
        UserException share = assertThrows(UserException.class, () -> new SamplingFocus(0, new long[] {1}, 1.5));
        assertTrue(share.getMessage().contains("0..1"), share.getMessage());
        UserException none = assertThrows(UserException.class, () -> new SamplingFocus(0, new long[0], 0.5));
        assertTrue(none.getMessage().contains("paint a correction"), none.getMessage());
        assertArrayEquals(new long[] {2, 5, 7}, SamplingFocus.distinct(new long[] {7, 2, 5, 2, 7}));
        assertEquals(0.5, new SamplingFocus(0, new long[] {1}, 0.5).share());
    }
}
