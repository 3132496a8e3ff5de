package org.synapseworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inference-only kernels ({@link TorchEngine.Kernels#INFERENCE}): every convolution shape of the U-Nets we ship
 * (FILTERS 16..64 of the demos, 32..160 of CREMI, 32..192 of polarity; their strides, kernels, first and last
 * layers) gives the output of a direct convolution computed here. Runs in a JVM of its own (a surefire execution
 * of its own), because the kernels are chosen once per process.
 */
class InferenceKernelsTest {
    /** in, out, kernel z/y/x, stride z/y/x. */
    private static final int[][] LAYERS = {
        {1, 16, 1, 5, 5, 1, 1, 1}, {16, 16, 1, 3, 3, 1, 1, 1}, {16, 24, 1, 3, 3, 1, 2, 2}, {24, 24, 1, 3, 3, 1, 1, 1},
        {24, 32, 1, 3, 3, 1, 2, 2}, {32, 48, 3, 3, 3, 2, 2, 2}, {48, 48, 1, 3, 3, 1, 1, 1}, {48, 64, 3, 3, 3, 2, 2, 2},
        {64, 48, 3, 3, 3, 1, 1, 1}, {48, 32, 3, 3, 3, 1, 1, 1}, {32, 24, 1, 3, 3, 1, 1, 1}, {24, 16, 1, 3, 3, 1, 1, 1},
        {16, 1, 1, 5, 5, 1, 1, 1}, {16, 3, 1, 5, 5, 1, 1, 1},
        {1, 32, 1, 5, 5, 1, 1, 1}, {32, 32, 1, 3, 3, 1, 1, 1}, {32, 64, 1, 3, 3, 1, 2, 2}, {64, 96, 1, 3, 3, 1, 2, 2},
        {96, 128, 3, 3, 3, 2, 2, 2}, {128, 160, 3, 3, 3, 2, 2, 2}, {160, 160, 1, 3, 3, 1, 1, 1}, {160, 128, 3, 3, 3, 1, 1, 1},
        {128, 96, 3, 3, 3, 1, 1, 1}, {96, 64, 1, 3, 3, 1, 1, 1}, {64, 32, 1, 3, 3, 1, 1, 1}, {32, 1, 1, 5, 5, 1, 1, 1},
        {32, 3, 1, 5, 5, 1, 1, 1}, {160, 192, 3, 3, 3, 2, 2, 2}, {192, 160, 3, 3, 3, 1, 1, 1}, {192, 192, 1, 3, 3, 1, 1, 1},
    };

    @BeforeAll
    static void chooseInferenceKernels() {
        TorchEngine.preferKernels(TorchEngine.Kernels.INFERENCE);
        TorchEngine.get();
    }

    @Test
    void everyLayerShapeGivesTheDirectConvolutionsOutput() {
        assertEquals(TorchEngine.Kernels.INFERENCE, TorchEngine.kernels());
        assertEquals(System.getenv(TorchEngine.ISA_VARIABLE) == null ? 16 : TorchEngine.channelBlock(),
                TorchEngine.channelBlock(), "channel block of the unlimited kernels");
        Random random = new Random(7);
        for (int[] layer : LAYERS) {
            checkLayer(layer, random);
        }
    }

    @Test
    void refusesToTrain() {
        assertThrows(IllegalStateException.class, TorchEngine::requireTrainingKernels);
    }

    private static void checkLayer(int[] c, Random random) {
        int in = c[0];
        int out = c[1];
        int[] k = {c[2], c[3], c[4]};
        int[] stride = {c[5], c[6], c[7]};
        int[] size = {4, 16, 16};
        int[] pad = {k[0] / 2, k[1] / 2, k[2] / 2};
        int[] outSize = new int[3];
        for (int a = 0; a < 3; a++) {
            outSize[a] = (size[a] + 2 * pad[a] - k[a]) / stride[a] + 1;
        }
        float[] x = gaussian(random, in * size[0] * size[1] * size[2]);
        float[] w = gaussian(random, out * in * k[0] * k[1] * k[2]);
        float[] bias = gaussian(random, out);
        float[] y;
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            NDArray xa = m.create(x, new Shape(1, in, size[0], size[1], size[2]));
            NDArray wa = m.create(w, new Shape(out, in, k[0], k[1], k[2]));
            NDArray ba = m.create(bias, new Shape(out));
            NDArray ya = PaddedConvolution.conv3d(xa, wa, ba, new Shape(stride[0], stride[1], stride[2]),
                    new Shape(pad[0], pad[1], pad[2]));
            assertEquals(new Shape(1, out, outSize[0], outSize[1], outSize[2]), ya.getShape());
            y = ya.toFloatArray();
        }
        double[] expected = direct(x, w, bias, in, out, size, k, stride, pad, outSize);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = y[i] - expected[i];
            diff += Float.isFinite(y[i]) ? d * d : Double.POSITIVE_INFINITY;
            norm += expected[i] * expected[i];
        }
        double relative = Math.sqrt(diff / norm);
        assertTrue(relative < 1e-5, in + " -> " + out + " channels, kernel " + k[0] + "x" + k[1] + "x" + k[2]
                + ", stride " + stride[0] + "x" + stride[1] + "x" + stride[2] + ": relative L2 error " + relative);
    }

    /** Convolution with zero padding by its definition, in double precision. */
    private static double[] direct(float[] x, float[] w, float[] bias, int in, int out, int[] size, int[] k, int[] stride,
            int[] pad, int[] outSize) {
        int outPlane = outSize[0] * outSize[1] * outSize[2];
        double[] y = new double[out * outPlane];
        for (int o = 0; o < out; o++) {
            for (int z = 0; z < outSize[0]; z++) {
                for (int yy = 0; yy < outSize[1]; yy++) {
                    for (int xx = 0; xx < outSize[2]; xx++) {
                        double sum = bias[o];
                        for (int ci = 0; ci < in; ci++) {
                            for (int kz = 0; kz < k[0]; kz++) {
                                int iz = z * stride[0] + kz - pad[0];
                                if (iz < 0 || iz >= size[0]) {
                                    continue;
                                }
                                for (int ky = 0; ky < k[1]; ky++) {
                                    int iy = yy * stride[1] + ky - pad[1];
                                    if (iy < 0 || iy >= size[1]) {
                                        continue;
                                    }
                                    int wRow = (((o * in + ci) * k[0] + kz) * k[1] + ky) * k[2];
                                    int xRow = ((ci * size[0] + iz) * size[1] + iy) * size[2];
                                    for (int kx = 0; kx < k[2]; kx++) {
                                        int ix = xx * stride[2] + kx - pad[2];
                                        if (ix >= 0 && ix < size[2]) {
                                            sum += (double) w[wRow + kx] * x[xRow + ix];
                                        }
                                    }
                                }
                            }
                        }
                        y[((o * outSize[0] + z) * outSize[1] + yy) * outSize[2] + xx] = sum;
                    }
                }
            }
        }
        return y;
    }

    private static float[] gaussian(Random random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
