package org.synapseworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DistanceTransformTest {
    private static final double[] CREMI = {40, 4, 4};

    @Test
    void alongOneLineDistancesGrowByTheVoxelWidth() {
        boolean[] f = new boolean[5];
        f[0] = true;
        float[] d = DistanceTransform.of(f, new int[] {1, 1, 5}, CREMI);
        assertArrayClose(new double[] {0, 4, 8, 12, 16}, d);
    }

    @Test
    void anisotropicCornerOfACube() {
        boolean[] f = new boolean[27];
        f[13] = true; // (1, 1, 1)
        float[] d = DistanceTransform.of(f, new int[] {3, 3, 3}, CREMI);
        assertEquals(Math.sqrt(40 * 40 + 4 * 4 + 4 * 4), d[0], 1e-4); // (0, 0, 0)
        assertEquals(4, d[1 * 9 + 0 * 3 + 1], 1e-6); // (1, 0, 1)
        assertEquals(40, d[0 * 9 + 1 * 3 + 1], 1e-6); // (0, 1, 1)
        assertEquals(Math.sqrt(4 * 4 + 4 * 4), d[1 * 9 + 2 * 3 + 2], 1e-5); // (1, 2, 2)
        assertEquals(0, d[13]);
    }

    @Test
    void noFeatureLeavesEverythingInfinitelyFar() {
        float[] d = DistanceTransform.of(new boolean[24], new int[] {2, 3, 4}, CREMI);
        for (float v : d) {
            assertEquals(Float.POSITIVE_INFINITY, v);
        }
    }

    @Test
    void equalsBruteForceOnRandomMasks() {
        Random r = new Random(5);
        int[][] shapes = {{7, 9, 11}, {1, 40, 3}, {13, 1, 37}, {4, 30, 25}};
        double[][] spacings = {CREMI, {1, 2, 3}, {0.5, 7, 1}};
        for (int[] shape : shapes) {
            for (double[] spacing : spacings) {
                for (double density : new double[] {0.002, 0.05, 0.5}) {
                    int n = shape[0] * shape[1] * shape[2];
                    boolean[] f = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        f[i] = r.nextDouble() < density;
                    }
                    f[r.nextInt(n)] = true;
                    float[] d = DistanceTransform.of(f, shape, spacing);
                    for (int i = 0; i < n; i++) {
                        double best = Double.POSITIVE_INFINITY;
                        int z = i / (shape[1] * shape[2]);
                        int y = i / shape[2] % shape[1];
                        int x = i % shape[2];
                        for (int j = 0; j < n; j++) {
                            if (f[j]) {
                                double dz = (z - j / (shape[1] * shape[2])) * spacing[0];
                                double dy = (y - j / shape[2] % shape[1]) * spacing[1];
                                double dx = (x - j % shape[2]) * spacing[2];
                                best = Math.min(best, dz * dz + dy * dy + dx * dx);
                            }
                        }
                        assertEquals(Math.sqrt(best), d[i], 1e-4 * (1 + Math.sqrt(best)), "voxel " + i);
                    }
                }
            }
        }
    }

    private static void assertArrayClose(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) < 1e-6, "index " + i + ": " + actual[i] + " vs " + expected[i]);
        }
    }
}
