package org.synapseworkbench.ui.viewer.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Voxel positions picked for frame pixels, by hand. */
class SamplingTest {

    @Test
    void stepsPickNearestVoxelsAndCoverTheBlock() {
        Sampling one = Sampling.of(3, 4, 1);
        assertArrayEquals(new int[] {0, 1, 2}, one.rows());
        assertArrayEquals(new int[] {0, 1, 2, 3}, one.cols());
        assertTrue(one.isIdentity());
        Sampling s = Sampling.of(10, 9, 2.25);
        // ceil(10 / 2.25) = 5 rows at 0, 2.25, 4.5, 6.75, 9; ceil(9 / 2.25) = 4 columns
        assertArrayEquals(new int[] {0, 2, 4, 6, 9}, s.rows());
        assertArrayEquals(new int[] {0, 2, 4, 6}, s.cols());
        assertFalse(s.isIdentity());
        assertArrayEquals(new int[] {0, 3}, Sampling.of(6, 6, 3).rows());
    }
}
