package org.synapseworkbench.infer;

/**
 * PyTC's Gaussian blending weights of a window: 1e-4 + exp(-d^2 / (2 x 0.2^2)), d the Euclidean norm of the voxel's
 * coordinates scaled to [-1, 1] per axis (numpy's linspace(-1, 1, n), which is -1 for an axis of one voxel), so window
 * centres count most and overlapping windows fade into each other.
 */
public final class GaussianBlending {
    static final double SIGMA = 0.2;
    static final double FLOOR = 1e-4;

    private GaussianBlending() {
    }

    /** Weights of a window of {@code size} (z, y, x), z, y, x order. */
    public static float[] weights(int[] size) {
        double[][] u = new double[3][];
        for (int a = 0; a < 3; a++) {
            u[a] = new double[size[a]];
            for (int i = 0; i < size[a]; i++) {
                u[a][i] = size[a] == 1 ? -1 : -1 + 2.0 * i / (size[a] - 1);
            }
        }
        float[] w = new float[size[0] * size[1] * size[2]];
        int o = 0;
        for (int z = 0; z < size[0]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[2]; x++) {
                    double d2 = u[0][z] * u[0][z] + u[1][y] * u[1][y] + u[2][x] * u[2][x];
                    w[o++] = (float) (FLOOR + Math.exp(-d2 / (2 * SIGMA * SIGMA)));
                }
            }
        }
        return w;
    }
}
