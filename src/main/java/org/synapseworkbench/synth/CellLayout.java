package org.synapseworkbench.synth;

import java.util.SplittableRandom;

/**
 * Neurons as a warped Voronoi tessellation in physical space (nm): one seed per cell of a jittered grid, and a
 * smooth displacement of every position before the nearest-seed search, which bends the flat Voronoi faces
 * into irregular membranes.
 */
final class CellLayout {
    /** Grid spacing (nm): cells are a few hundred nm across, like small neurites. */
    static final double SPACING = 320;
    private static final double JITTER = 0.8;
    /** Additive weights (nm) make some cells larger than others and curve the faces between them. */
    private static final double MAX_WEIGHT = 110;
    private static final double WARP_AMPLITUDE = 60;
    private static final double WARP_SCALE = 300;

    private final Noise noise;
    private final int gz;
    private final int gy;
    private final int gx;
    /** Seed positions (z, y, x nm), cell index = ((iz * gy) + iy) * gx + ix over a grid with a margin of one. */
    final double[][] seeds;
    private final double[] weights;

    /** Result of a nearest-seed query; distances are weighted (distance minus the cell's weight). */
    static final class Nearest {
        int first;
        int second;
        double d1;
        double d2;
        /** Distance (nm) to the face between the two nearest cells. */
        double face;
        double wz;
        double wy;
        double wx;
    }

    CellLayout(double[] extentNm, SplittableRandom rnd, Noise noise) {
        this.noise = noise;
        gz = (int) Math.ceil(extentNm[0] / SPACING) + 2;
        gy = (int) Math.ceil(extentNm[1] / SPACING) + 2;
        gx = (int) Math.ceil(extentNm[2] / SPACING) + 2;
        seeds = new double[gz * gy * gx][];
        weights = new double[seeds.length];
        for (int iz = 0; iz < gz; iz++) {
            for (int iy = 0; iy < gy; iy++) {
                for (int ix = 0; ix < gx; ix++) {
                    seeds[(iz * gy + iy) * gx + ix] = new double[] {
                        (iz - 1 + 0.5 + JITTER * (rnd.nextDouble() - 0.5)) * SPACING,
                        (iy - 1 + 0.5 + JITTER * (rnd.nextDouble() - 0.5)) * SPACING,
                        (ix - 1 + 0.5 + JITTER * (rnd.nextDouble() - 0.5)) * SPACING};
                    weights[(iz * gy + iy) * gx + ix] = MAX_WEIGHT * rnd.nextDouble();
                }
            }
        }
    }

    /** Indices of the cells whose grid positions touch (26-neighbourhood), each pair once. */
    int[][] neighbourPairs() {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int iz = 0; iz < gz; iz++) {
            for (int iy = 0; iy < gy; iy++) {
                for (int ix = 0; ix < gx; ix++) {
                    int a = (iz * gy + iy) * gx + ix;
                    for (int dz = -1; dz <= 1; dz++) {
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int z = iz + dz;
                                int y = iy + dy;
                                int x = ix + dx;
                                if (z < 0 || y < 0 || x < 0 || z >= gz || y >= gy || x >= gx) {
                                    continue;
                                }
                                int b = (z * gy + y) * gx + x;
                                if (b > a) {
                                    out.add(new int[] {a, b});
                                }
                            }
                        }
                    }
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    /** Finds the two nearest seeds of the warped position of (z, y, x) nm. */
    void nearest(double z, double y, double x, Nearest out) {
        double wz = warpZ(z, y, x);
        double wy = warpY(z, y, x);
        double wx = warpX(z, y, x);
        int cz = (int) Math.floor(wz / SPACING) + 1;
        int cy = (int) Math.floor(wy / SPACING) + 1;
        int cx = (int) Math.floor(wx / SPACING) + 1;
        double b1 = Double.MAX_VALUE;
        double b2 = Double.MAX_VALUE;
        int i1 = -1;
        int i2 = -1;
        for (int iz = Math.max(0, cz - 1); iz <= Math.min(gz - 1, cz + 1); iz++) {
            for (int iy = Math.max(0, cy - 1); iy <= Math.min(gy - 1, cy + 1); iy++) {
                for (int ix = Math.max(0, cx - 1); ix <= Math.min(gx - 1, cx + 1); ix++) {
                    int i = (iz * gy + iy) * gx + ix;
                    double d = weightedDistance(wz, wy, wx, i);
                    if (d < b1) {
                        b2 = b1;
                        i2 = i1;
                        b1 = d;
                        i1 = i;
                    } else if (d < b2) {
                        b2 = d;
                        i2 = i;
                    }
                }
            }
        }
        out.first = i1;
        out.second = i2;
        out.d1 = b1;
        out.d2 = b2;
        out.face = (b2 - b1) / 2;
        out.wz = wz;
        out.wy = wy;
        out.wx = wx;
    }

    /**
     * The unit normal (z, y, x) at a position (nm) of the face between cells {@code a} and {@code b}, pointing into
     * {@code a}: the gradient of their weighted distance difference, warp included, by central differences. Warp and
     * weights bend faces, so a face whose cells' seeds lie side by side may still run flat to the sections here.
     */
    double[] faceNormal(double z, double y, double x, int a, int b) {
        double h = 2;
        double[] g = {
            gap(z + h, y, x, a, b) - gap(z - h, y, x, a, b),
            gap(z, y + h, x, a, b) - gap(z, y - h, x, a, b),
            gap(z, y, x + h, a, b) - gap(z, y, x - h, a, b)};
        double len = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
        return new double[] {g[0] / len, g[1] / len, g[2] / len};
    }

    /** Weighted distance to {@code b} minus that to {@code a} of the warped position: 0 on their face, positive in a. */
    private double gap(double z, double y, double x, int a, int b) {
        double wz = warpZ(z, y, x);
        double wy = warpY(z, y, x);
        double wx = warpX(z, y, x);
        return weightedDistance(wz, wy, wx, b) - weightedDistance(wz, wy, wx, a);
    }

    private double weightedDistance(double wz, double wy, double wx, int i) {
        double[] s = seeds[i];
        double dz = wz - s[0];
        double dy = wy - s[1];
        double dx = wx - s[2];
        return Math.sqrt(dz * dz + dy * dy + dx * dx) - weights[i];
    }

    private double warpZ(double z, double y, double x) {
        return z + 0.4 * WARP_AMPLITUDE * noise.value(z / WARP_SCALE, y / WARP_SCALE, x / WARP_SCALE, 101);
    }

    private double warpY(double z, double y, double x) {
        return y + WARP_AMPLITUDE * noise.value(z / WARP_SCALE + 17.3, y / WARP_SCALE, x / WARP_SCALE, 102);
    }

    private double warpX(double z, double y, double x) {
        return x + WARP_AMPLITUDE * noise.value(z / WARP_SCALE, y / WARP_SCALE + 31.7, x / WARP_SCALE, 103);
    }

}
