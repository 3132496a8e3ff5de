package org.synapseworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.ReflectBox;

class TargetsTest {

    @Test
    void polarityKeepsParity() {
        long[] label = {0, 1, 2, 3, 4, 7};
        float[] out = new float[18];
        TargetKind.POLARITY.fill(label, out, 0);
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1}, java.util.Arrays.copyOfRange(out, 0, 6)); // pre = odd
        assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0}, java.util.Arrays.copyOfRange(out, 6, 12)); // post = even
        assertArrayEquals(new float[] {0, 1, 1, 1, 1, 1}, java.util.Arrays.copyOfRange(out, 12, 18)); // union
        float[] classes = new float[6];
        TargetKind.POLARITY_CLASSES.fill(label, classes, 0);
        assertArrayEquals(new float[] {0, 1, 2, 1, 2, 1}, classes);
        float[] binary = new float[6];
        TargetKind.BINARY.fill(label, binary, 0);
        assertArrayEquals(new float[] {0, 1, 1, 1, 1, 1}, binary);
    }

    @Test
    void binaryRatioWeighsTheMinorityClass() {
        // 2 of 10 foreground: ww 0.2, factor 0.8 / 0.2 = 4 on foreground
        float[] target = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        float[] w = new float[10];
        Weights.binaryRatio(target, 0, 10, w);
        assertEquals(4f, w[0]);
        assertEquals(1f, w[5]);
        // 1 of 100: clipped to 0.05, factor 19
        float[] sparse = new float[100];
        sparse[7] = 1;
        float[] ws = new float[100];
        Weights.binaryRatio(sparse, 0, 100, ws);
        assertEquals(19f, ws[7], 1e-5);
        assertEquals(1f, ws[0]);
        // mostly foreground: the background gets the factor
        float[] dense = {1, 1, 1, 0};
        float[] wd = new float[4];
        Weights.binaryRatio(dense, 0, 4, wd);
        assertEquals(3f, wd[3], 1e-6);
        assertEquals(1f, wd[0]);
        // constant target: all ones
        float[] wc = new float[3];
        Weights.binaryRatio(new float[] {0, 0, 0}, 0, 3, wc);
        assertArrayEquals(new float[] {1, 1, 1}, wc);
    }

    @Test
    void reflectPaddingMirrorsWithoutRepeatingTheEdge() {
        int[] expected = {2, 1, 0, 1, 2, 3, 2, 1, 0, 1};
        for (int i = -2; i < 8; i++) {
            assertEquals(expected[i + 2], ReflectBox.reflect(i, 4), "index " + i);
        }
        assertEquals(0, ReflectBox.reflect(5, 1));
    }
}
