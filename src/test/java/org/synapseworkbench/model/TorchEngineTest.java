package org.synapseworkbench.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;

/**
 * The model's convolutions ({@link PaddedConvolution} on the engine {@link TorchEngine} sets up): outputs and
 * gradients against values computed here by hand, for channel counts that need no padding, padded outputs,
 * padded inputs and both. libtorch 2.7.1's AVX-512 kernels fail this on an AVX-512 machine (run with
 * ONEDNN_MAX_CPU_ISA=ALL to see it), as do its AVX2 kernels without the padding.
 */
class TorchEngineTest {

    @Test
    void convolutionOutputsAndGradientsMatchHandComputedValues() {
        int[][] channels = {{8, 8}, {16, 1}, {24, 24}, {12, 16}, {20, 3}};
        for (int[] c : channels) {
            for (int pass = 0; pass < 3; pass++) {
                checkConvolution(c[0], c[1], 2, 5, 33, 33, pass);
            }
        }
    }

    /** A (1,3,3) convolution with bias, padded by (0,1,1), loss sum(y * g): y, dL/dx, dL/dw, dL/db by the definition. */
    private static void checkConvolution(int in, int out, int n, int nz, int ny, int nx, long seed) {
        Random random = new Random(seed);
        float[] x = gaussian(random, n * in * nz * ny * nx);
        float[] w = gaussian(random, out * in * 9);
        float[] bias = gaussian(random, out);
        float[] g = gaussian(random, n * out * nz * ny * nx);
        float[] y;
        float[] dx;
        float[] dw;
        float[] db;
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            NDArray xa = m.create(x, new Shape(n, in, nz, ny, nx));
            NDArray wa = m.create(w, new Shape(out, in, 1, 3, 3));
            NDArray ba = m.create(bias, new Shape(out));
            xa.setRequiresGradient(true);
            wa.setRequiresGradient(true);
            ba.setRequiresGradient(true);
            try (GradientCollector collector = TorchEngine.get().newGradientCollector()) {
                NDArray ya = PaddedConvolution.conv3d(xa, wa, ba, new Shape(1, 1, 1), new Shape(0, 1, 1));
                y = ya.toFloatArray();
                collector.backward(ya.mul(m.create(g, ya.getShape())).sum());
            }
            dx = xa.getGradient().toFloatArray();
            dw = wa.getGradient().toFloatArray();
            db = ba.getGradient().toFloatArray();
        }
        double[] expectedY = new double[y.length];
        double[] expectedDx = new double[dx.length];
        double[] expectedDw = new double[dw.length];
        double[] expectedDb = new double[out];
        int plane = nz * ny * nx;
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < plane; i++) {
                    expectedY[(b * out + o) * plane + i] = bias[o];
                    expectedDb[o] += g[(b * out + o) * plane + i];
                }
            }
        }
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < out; o++) {
                for (int ci = 0; ci < in; ci++) {
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            double weight = w[((o * in + ci) * 3 + ky) * 3 + kx];
                            double sum = 0;
                            for (int z = 0; z < nz; z++) {
                                for (int i = 0; i < ny; i++) {
                                    int iy = i + ky - 1;
                                    if (iy < 0 || iy >= ny) {
                                        continue;
                                    }
                                    for (int j = 0; j < nx; j++) {
                                        int ix = j + kx - 1;
                                        if (ix < 0 || ix >= nx) {
                                            continue;
                                        }
                                        int yi = (((b * out + o) * nz + z) * ny + i) * nx + j;
                                        double grad = g[yi];
                                        int xi = (((b * in + ci) * nz + z) * ny + iy) * nx + ix;
                                        expectedY[yi] += weight * x[xi];
                                        expectedDx[xi] += grad * weight;
                                        sum += grad * x[xi];
                                    }
                                }
                            }
                            expectedDw[((o * in + ci) * 3 + ky) * 3 + kx] += sum;
                        }
                    }
                }
            }
        }
        String what = in + " -> " + out + " channels, pass " + seed;
        assertClose(expectedY, y, "output, " + what);
        assertClose(expectedDx, dx, "input gradient, " + what);
        assertClose(expectedDw, dw, "weight gradient, " + what);
        assertClose(expectedDb, db, "bias gradient, " + what);
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = actual[i] - expected[i];
            diff += Float.isFinite(actual[i]) ? d * d : Double.POSITIVE_INFINITY;
            norm += expected[i] * expected[i];
        }
        double relative = Math.sqrt(diff / norm);
        assertTrue(relative < 1e-5, what + ": relative L2 error " + relative);
    }

    private static float[] gaussian(Random random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
