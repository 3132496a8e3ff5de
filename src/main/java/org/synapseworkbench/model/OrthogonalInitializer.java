package org.synapseworkbench.model;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Orthogonal initialisation as PyTorch's {@code nn.init.orthogonal_} (gain 1): the weight, flattened to
 * (out, in x kernel), has orthonormal rows or columns, whichever are fewer. Built by Gram-Schmidt on a
 * Gaussian matrix, which equals QR with the signs of R's diagonal made positive. Seeded and deterministic
 * in the order parameters are initialised.
 */
public final class OrthogonalInitializer implements Initializer {
    private final Random random;

    public OrthogonalInitializer(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public synchronized NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        int rows = (int) shape.get(0);
        int cols = (int) (shape.size() / rows);
        float[] values = orthogonal(rows, cols, random);
        return manager.create(values, shape).toType(dataType, false);
    }

    /** A row-major rows x cols matrix with orthonormal rows (rows <= cols) or columns (rows > cols). */
    static float[] orthogonal(int rows, int cols, Random random) {
        int vectors = Math.min(rows, cols);
        int length = Math.max(rows, cols);
        double[][] v = new double[vectors][length];
        for (int i = 0; i < vectors; i++) {
            for (int j = 0; j < length; j++) {
                v[i][j] = random.nextGaussian();
            }
        }
        for (int i = 0; i < vectors; i++) {
            for (int pass = 0; pass < 2; pass++) { // re-orthogonalise once for accuracy
                for (int k = 0; k < i; k++) {
                    double dot = 0;
                    for (int j = 0; j < length; j++) {
                        dot += v[i][j] * v[k][j];
                    }
                    for (int j = 0; j < length; j++) {
                        v[i][j] -= dot * v[k][j];
                    }
                }
            }
            double norm = 0;
            for (int j = 0; j < length; j++) {
                norm += v[i][j] * v[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < length; j++) {
                v[i][j] /= norm;
            }
        }
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = (float) (rows <= cols ? v[r][c] : v[c][r]);
            }
        }
        return out;
    }
}
