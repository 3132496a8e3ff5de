package org.synapseworkbench.ui.viewer.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

/** Percentile windows against values counted by hand. */
class AutoContrastTest {

    @Test
    void eightBitValuesAreClippedAtTheNearestRanks() {
        // 1000 values: ten of 0, 980 spread over 100..197 (ten each), ten of 255
        byte[] v = new byte[1000];
        for (int i = 0; i < 980; i++) {
            v[10 + i] = (byte) (100 + i / 10);
        }
        for (int i = 990; i < 1000; i++) {
            v[i] = (byte) 255;
        }
        Block b = Block.wrap(DataType.UINT8, v, 1, 10, 100);
        assertArrayEquals(new double[] {0, 255}, AutoContrast.percentiles(b, 0, 100));
        // rank ceil(0.02 * 1000) - 1 = 19: the tenth value of 100; rank 979: the last of 196
        assertArrayEquals(new double[] {100, 196}, AutoContrast.percentiles(b, 2, 98));
        // 1 %: rank 9, still a zero; 99 %: rank 989, the last of 197
        assertArrayEquals(new double[] {0, 197}, AutoContrast.percentiles(b, 1, 99));
    }

    @Test
    void otherTypesAreSortedAndAFlatSectionStillGivesAWindow() {
        float[] f = {0.5f, -2f, 3f, 1f};
        Block b = Block.wrap(DataType.FLOAT32, f, 1, 2, 2);
        assertArrayEquals(new double[] {-2, 3}, AutoContrast.percentiles(b, 0, 100));
        assertArrayEquals(new double[] {0.5, 1}, AutoContrast.percentiles(b, 50, 75));
        Block flat = Block.wrap(DataType.UINT8, new byte[] {7, 7, 7, 7}, 1, 2, 2);
        assertArrayEquals(new double[] {7, 8}, AutoContrast.percentiles(flat, AutoContrast.LOW, AutoContrast.HIGH));
    }
}
