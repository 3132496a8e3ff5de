package org.synapseworkbench.model;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * A 3D convolution with zero padding and its gradients computed by definition in double precision, to check
 * libtorch's kernels against; and every convolution shape of the U-Nets we ship.
 */
final class ConvolutionReference {
    /**
     * in, out, kernel z/y/x, stride z/y/x of every convolution of the demo (FILTERS 16..64), CREMI (32..160) and
     * polarity (32..192) U-Nets: first and last layers, strided downsampling, isotropic stages, residual blocks.
     */
    static final int[][] LAYERS = {
        {1, 16, 1, 5, 5, 1, 1, 1}, {16, 16, 1, 3, 3, 1, 1, 1}, {16, 24, 1, 3, 3, 1, 2, 2}, {24, 24, 1, 3, 3, 1, 1, 1},
        {24, 32, 1, 3, 3, 1, 2, 2}, {32, 48, 3, 3, 3, 2, 2, 2}, {48, 48, 1, 3, 3, 1, 1, 1}, {48, 64, 3, 3, 3, 2, 2, 2},
        {64, 48, 3, 3, 3, 1, 1, 1}, {48, 32, 3, 3, 3, 1, 1, 1}, {32, 24, 1, 3, 3, 1, 1, 1}, {24, 16, 1, 3, 3, 1, 1, 1},
        {16, 1, 1, 5, 5, 1, 1, 1}, {16, 3, 1, 5, 5, 1, 1, 1},
        {1, 32, 1, 5, 5, 1, 1, 1}, {32, 32, 1, 3, 3, 1, 1, 1}, {32, 64, 1, 3, 3, 1, 2, 2}, {64, 96, 1, 3, 3, 1, 2, 2},
        {96, 128, 3, 3, 3, 2, 2, 2}, {128, 160, 3, 3, 3, 2, 2, 2}, {160, 160, 1, 3, 3, 1, 1, 1}, {160, 128, 3, 3, 3, 1, 1, 1},
        {128, 96, 3, 3, 3, 1, 1, 1}, {96, 64, 1, 3, 3, 1, 1, 1}, {64, 32, 1, 3, 3, 1, 1, 1}, {32, 1, 1, 5, 5, 1, 1, 1},
        {32, 3, 1, 5, 5, 1, 1, 1}, {160, 192, 3, 3, 3, 2, 2, 2}, {192, 160, 3, 3, 3, 1, 1, 1}, {192, 192, 1, 3, 3, 1, 1, 1},
    };

    /** Output and, for the loss sum(y * g), the gradients of input, weight and bias. */
    record Values(double[] y, double[] dx, double[] dw, double[] db) {
    }

    /** One layer of {@link #LAYERS} on a batch of {@code n} inputs of {@code size}, with random data. */
    record Case(int in, int out, int[] k, int[] stride, int n, int[] size, float[] x, float[] w, float[] bias, float[] g) {
        static Case of(int[] layer, int n, int[] size, Random random) {
            int[] k = {layer[2], layer[3], layer[4]};
            int[] stride = {layer[5], layer[6], layer[7]};
            int[] o = ConvolutionReference.outSize(size, k, stride);
            return new Case(layer[0], layer[1], k, stride, n, size, gaussian(random, n * layer[0] * size[0] * size[1] * size[2]),
                    gaussian(random, layer[1] * layer[0] * k[0] * k[1] * k[2]), gaussian(random, layer[1]),
                    gaussian(random, n * layer[1] * o[0] * o[1] * o[2]));
        }

        int[] pad() {
            return new int[] {k[0] / 2, k[1] / 2, k[2] / 2};
        }

        int[] outSize() {
            return ConvolutionReference.outSize(size, k, stride);
        }

        String describe() {
            return in + " -> " + out + " channels, kernel " + k[0] + "x" + k[1] + "x" + k[2] + ", stride " + stride[0] + "x"
                    + stride[1] + "x" + stride[2] + ", batch " + n + " of " + size[0] + "x" + size[1] + "x" + size[2];
        }

        /** What {@link PaddedConvolution} computes: output and (with {@code gradients}) dx, dw, db. */
        float[][] padded(boolean gradients) {
            int[] p = pad();
            try (NDManager m = TorchEngine.get().newBaseManager()) {
                NDArray xa = m.create(x, new Shape(n, in, size[0], size[1], size[2]));
                NDArray wa = m.create(w, new Shape(out, in, k[0], k[1], k[2]));
                NDArray ba = m.create(bias, new Shape(out));
                Shape strideShape = new Shape(stride[0], stride[1], stride[2]);
                Shape padShape = new Shape(p[0], p[1], p[2]);
                if (!gradients) {
                    return new float[][] {PaddedConvolution.conv3d(xa, wa, ba, strideShape, padShape).toFloatArray()};
                }
                xa.setRequiresGradient(true);
                wa.setRequiresGradient(true);
                ba.setRequiresGradient(true);
                float[] y;
                try (GradientCollector collector = TorchEngine.get().newGradientCollector()) {
                    NDArray ya = PaddedConvolution.conv3d(xa, wa, ba, strideShape, padShape);
                    y = ya.toFloatArray();
                    collector.backward(ya.mul(m.create(g, ya.getShape())).sum());
                }
                return new float[][] {y, xa.getGradient().toFloatArray(), wa.getGradient().toFloatArray(),
                    ba.getGradient().toFloatArray()};
            }
        }

        /** The same by definition. */
        Values direct() {
            int[] p = pad();
            int[] o = outSize();
            int outPlane = o[0] * o[1] * o[2];
            int inPlane = size[0] * size[1] * size[2];
            int kVolume = k[0] * k[1] * k[2];
            double[] y = new double[n * out * outPlane];
            double[] dx = new double[x.length];
            double[] dw = new double[w.length];
            double[] db = new double[out];
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < out; c++) {
                    for (int z = 0; z < o[0]; z++) {
                        for (int yy = 0; yy < o[1]; yy++) {
                            for (int xx = 0; xx < o[2]; xx++) {
                                int yi = (b * out + c) * outPlane + (z * o[1] + yy) * o[2] + xx;
                                double grad = g[yi];
                                double sum = bias[c];
                                db[c] += grad;
                                for (int ci = 0; ci < in; ci++) {
                                    for (int kz = 0; kz < k[0]; kz++) {
                                        int iz = z * stride[0] + kz - p[0];
                                        if (iz < 0 || iz >= size[0]) {
                                            continue;
                                        }
                                        for (int ky = 0; ky < k[1]; ky++) {
                                            int iy = yy * stride[1] + ky - p[1];
                                            if (iy < 0 || iy >= size[1]) {
                                                continue;
                                            }
                                            int wRow = (c * in + ci) * kVolume + (kz * k[1] + ky) * k[2];
                                            int xRow = (b * in + ci) * inPlane + (iz * size[1] + iy) * size[2];
                                            for (int kx = 0; kx < k[2]; kx++) {
                                                int ix = xx * stride[2] + kx - p[2];
                                                if (ix >= 0 && ix < size[2]) {
                                                    sum += (double) w[wRow + kx] * x[xRow + ix];
                                                    dx[xRow + ix] += grad * w[wRow + kx];
                                                    dw[wRow + kx] += grad * x[xRow + ix];
                                                }
                                            }
                                        }
                                    }
                                }
                                y[yi] = sum;
                            }
                        }
                    }
                }
            }
            return new Values(y, dx, dw, db);
        }
    }

    private ConvolutionReference() {
    }

    static int[] outSize(int[] size, int[] k, int[] stride) {
        int[] o = new int[3];
        for (int a = 0; a < 3; a++) {
            o[a] = (size[a] + 2 * (k[a] / 2) - k[a]) / stride[a] + 1;
        }
        return o;
    }

    /** Relative L2 error of {@code actual} against {@code expected}; infinite when anything is NaN or infinite. */
    static double relativeError(double[] expected, float[] actual) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = actual[i] - expected[i];
            diff += Float.isFinite(actual[i]) ? d * d : Double.POSITIVE_INFINITY;
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    private static float[] gaussian(Random random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
