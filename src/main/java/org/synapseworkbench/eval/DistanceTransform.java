package org.synapseworkbench.eval;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact Euclidean distance transform of a 3-d mask with anisotropic voxels (as scipy's
 * {@code distance_transform_edt(~feature, sampling=...)}): for every voxel, the distance in nm to the nearest
 * feature voxel. Separable and linear in the voxel count: nearest feature along x by two scans, then the lower
 * envelope of parabolas (Felzenszwalb and Huttenlocher, 2012) along y and z. Lines along y and z are processed in
 * tiles of adjacent x so that memory is read a cache line at a time; planes and rows run in parallel.
 */
public final class DistanceTransform {
    /** Adjacent x lines processed together in the y and z passes. */
    private static final int TILE = 32;

    private DistanceTransform() {
    }

    /**
     * Distances in nm from each voxel of a (z, y, x) volume to the nearest voxel where {@code feature} is true;
     * 0 on feature voxels and {@code +Infinity} everywhere when there is no feature voxel at all.
     *
     * @param spacing voxel size in nm as (z, y, x)
     */
    public static float[] of(boolean[] feature, int[] shape, double[] spacing) {
        int nz = shape[0];
        int ny = shape[1];
        int nx = shape[2];
        if ((long) nz * ny * nx != feature.length) {
            throw new IllegalArgumentException("mask of " + feature.length + " voxels does not fit shape " + Arrays.toString(shape));
        }
        for (double s : spacing) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("voxel size must be positive and finite, not " + Arrays.toString(spacing));
            }
        }
        float[] d = new float[feature.length];
        IntStream.range(0, nz).parallel().forEach(z -> {
            Scratch s = new Scratch(Math.max(ny, nz));
            for (int y = 0; y < ny; y++) {
                alongX(feature, d, (z * ny + y) * nx, nx, spacing[2]);
            }
            for (int x0 = 0; x0 < nx; x0 += TILE) {
                tile(d, z * ny * nx + x0, nx, ny, Math.min(TILE, nx - x0), spacing[1], s);
            }
        });
        if (nz > 1) {
            IntStream.range(0, ny).parallel().forEach(y -> {
                Scratch s = new Scratch(Math.max(ny, nz));
                for (int x0 = 0; x0 < nx; x0 += TILE) {
                    tile(d, y * nx + x0, ny * nx, nz, Math.min(TILE, nx - x0), spacing[0], s);
                }
            });
        }
        IntStream.range(0, nz).parallel().forEach(z -> {
            for (int i = z * ny * nx, end = i + ny * nx; i < end; i++) {
                d[i] = (float) Math.sqrt(d[i]);
            }
        });
        return d;
    }

    /** Squared distance along one x line to the nearest feature voxel of that line. */
    private static void alongX(boolean[] feature, float[] d, int offset, int n, double spacing) {
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (feature[offset + i]) {
                last = i;
                d[offset + i] = 0;
            } else {
                d[offset + i] = last < 0 ? Float.POSITIVE_INFINITY : square((i - last) * spacing);
            }
        }
        last = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (feature[offset + i]) {
                last = i;
            } else if (last >= 0) {
                d[offset + i] = Math.min(d[offset + i], square((last - i) * spacing));
            }
        }
    }

    /**
     * The 1-d transform along lines of {@code length} voxels {@code stride} apart, for {@code width} adjacent lines
     * starting at {@code offset}: gathered into a small buffer, transformed, written back.
     */
    private static void tile(float[] d, int offset, int stride, int length, int width, double spacing, Scratch s) {
        float[] buf = s.tile;
        for (int i = 0; i < length; i++) {
            System.arraycopy(d, offset + i * stride, buf, i * width, width);
        }
        for (int k = 0; k < width; k++) {
            for (int i = 0; i < length; i++) {
                s.f[i] = buf[i * width + k];
            }
            if (envelope(s, length, spacing)) {
                for (int i = 0; i < length; i++) {
                    buf[i * width + k] = (float) s.out[i];
                }
            }
        }
        for (int i = 0; i < length; i++) {
            System.arraycopy(buf, i * width, d, offset + i * stride, width);
        }
    }

    /**
     * out[q] = min over p of ((q - p) spacing)^2 + f[p], by the lower envelope of the parabolas rooted at the finite
     * f[p]. Returns false (out untouched) when every f is infinite.
     */
    private static boolean envelope(Scratch s, int n, double spacing) {
        double[] f = s.f;
        int[] v = s.v;
        double[] z = s.z;
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            double pq = q * spacing;
            double cross = Double.NEGATIVE_INFINITY;
            while (k >= 0) {
                double pv = v[k] * spacing;
                cross = ((f[q] + pq * pq) - (f[v[k]] + pv * pv)) / (2 * (pq - pv));
                if (cross <= z[k]) {
                    k--;
                    cross = Double.NEGATIVE_INFINITY;
                } else {
                    break;
                }
            }
            k++;
            v[k] = q;
            z[k] = cross;
        }
        if (k < 0) {
            return false;
        }
        int j = 0;
        for (int q = 0; q < n; q++) {
            double pq = q * spacing;
            while (j < k && z[j + 1] < pq) {
                j++;
            }
            double dq = pq - v[j] * spacing;
            s.out[q] = dq * dq + f[v[j]];
        }
        return true;
    }

    private static float square(double v) {
        return (float) (v * v);
    }

    /** Per-thread buffers for one line and one tile. */
    private static final class Scratch {
        final float[] tile;
        final double[] f;
        final double[] out;
        final double[] z;
        final int[] v;

        Scratch(int length) {
            tile = new float[length * TILE];
            f = new double[length];
            out = new double[length];
            z = new double[length];
            v = new int[length];
        }
    }
}
