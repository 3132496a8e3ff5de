package org.synapseworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class TensorOpsTest {

    @Test
    void trilinearWithAlignedCornersKeepsTheEndsAndInterpolatesBetween() {
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            // x: 0 1 2 along x, 10 apart along y, 100 apart along z
            float[] v = new float[2 * 2 * 3];
            for (int z = 0; z < 2; z++) {
                for (int y = 0; y < 2; y++) {
                    for (int x = 0; x < 3; x++) {
                        v[(z * 2 + y) * 3 + x] = 100 * z + 10 * y + x;
                    }
                }
            }
            NDArray a = m.create(v, new Shape(1, 1, 2, 2, 3));
            NDArray r = TensorOps.resizeTrilinear(a, new long[] {3, 3, 5});
            assertEquals(new Shape(1, 1, 3, 3, 5), r.getShape());
            float[] out = r.toFloatArray();
            // a linear function is reproduced exactly: z 0,.5,1 -> 0,50,100; y -> 0,5,10; x -> 0,.5,1,1.5,2
            for (int z = 0; z < 3; z++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 5; x++) {
                        assertEquals(50 * z + 5 * y + 0.5 * x, out[(z * 3 + y) * 5 + x], 1e-4);
                    }
                }
            }
        }
    }

    @Test
    void interpolationWeightsMatchPyTorchAlignCorners() {
        // F.interpolate(torch.tensor([[[0.,1.,2.,3.]]]), size=7, mode="linear", align_corners=True) = 0, .5, 1, ..., 3
        float[] w = TensorOps.interpolationWeights(4, 7);
        float[] in = {0, 1, 2, 3};
        for (int o = 0; o < 7; o++) {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                s += w[o * 4 + i] * in[i];
            }
            assertEquals(0.5 * o, s, 1e-6);
        }
        // one output takes the first input
        assertArrayEquals(new float[] {1, 0, 0}, TensorOps.interpolationWeights(3, 1));
    }

    @Test
    void gradientsFlowThroughResizeAndPadding() {
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            NDArray a = m.ones(new Shape(1, 1, 1, 2, 2));
            a.setRequiresGradient(true);
            try (GradientCollector c = TorchEngine.get().newGradientCollector()) {
                NDArray y = TensorOps.resizeTrilinear(TensorOps.replicatePad(a, new long[] {0, 1, 1}), new long[] {1, 7, 7}).sum();
                c.backward(y);
            }
            // padding 2x2 to 4x4 copies every input voxel into a 2x2 corner; resizing 4 -> 7 keeps totals per axis
            // (each input column sums to 7/4), so each input voxel's gradient is 4 x (7/4)^2
            float[] g = a.getGradient().toFloatArray();
            for (float v : g) {
                assertEquals(4 * (7 / 4.0) * (7 / 4.0), v, 1e-4);
            }
        }
    }

    @Test
    void replicatePaddingRepeatsTheEdges() {
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 1, 2, 2));
            NDArray p = TensorOps.replicatePad(a, new long[] {1, 0, 2});
            assertEquals(new Shape(1, 1, 3, 2, 6), p.getShape());
            float[] row = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4};
            float[] expected = new float[36];
            for (int z = 0; z < 3; z++) {
                System.arraycopy(row, 0, expected, z * 12, 12);
            }
            assertArrayEquals(expected, p.toFloatArray());
        }
    }
}
