package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * PyTC's {@code CutBlur} (after Yoo et al. 2020), image only: a random cuboid of LENGTH_RATIO x the crop in z, y
 * and x (all of z for a single slice; PyTC also takes a 0.4 share of z when DOWNSAMPLE_Z is False, it just does
 * not down-sample it) is down-sampled by a factor r from U[DOWN_RATIO_MIN, DOWN_RATIO_MAX) in y and x (and z if
 * DOWNSAMPLE_Z) to int(length / r) samples, as skimage's resize with anti-aliasing (Gaussian of sigma (f - 1) / 2,
 * f the actual factor, then linear interpolation at pixel centres), and up-sampled back by nearest neighbour, as
 * PyTC does (order 0). Borders reflect. Size unchanged. Draws: the cuboid's 3 starts, then r.
 */
public final class CutBlur extends BaseAugmentation {
    public static final String NAME = "CUTBLUR";

    private final double lengthRatio;
    private final double downMin;
    private final double downMax;
    private final boolean downsampleZ;

    public CutBlur(double p, double lengthRatio, double downRatioMin, double downRatioMax, boolean downsampleZ) {
        super(NAME, p);
        if (!(lengthRatio > 0 && lengthRatio <= 1) || !(downRatioMin >= 1 && downRatioMax >= downRatioMin)) {
            throw new IllegalArgumentException("cut-blur needs 0 < LENGTH_RATIO <= 1 and 1 <= DOWN_RATIO_MIN <= "
                    + "DOWN_RATIO_MAX, got " + lengthRatio + ", " + downRatioMin + ", " + downRatioMax);
        }
        this.lengthRatio = lengthRatio;
        this.downMin = downRatioMin;
        this.downMax = downRatioMax;
        this.downsampleZ = downsampleZ;
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        int[] b = Geometry.cuboid(crop.shape(), lengthRatio, rng);
        double r = downMin + rng.nextDouble() * (downMax - downMin);
        int[] shape = {b[1], b[3], b[5]};
        float[] block = new float[shape[0] * shape[1] * shape[2]];
        float[] img = crop.image();
        int o = 0;
        for (int z = 0; z < shape[0]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                System.arraycopy(img, crop.index(b[0] + z, b[2] + y, b[4]), block, o, shape[2]);
                o += shape[2];
            }
        }
        boolean doZ = downsampleZ && crop.depth() > 1;
        for (int axis = doZ ? 0 : 1; axis < 3; axis++) {
            int len = shape[axis];
            int m = Math.max(1, (int) (len / r));
            block = resample(block, shape, axis, m, false);
            shape[axis] = m;
        }
        for (int axis = doZ ? 0 : 1; axis < 3; axis++) {
            int len = b[2 * axis + 1];
            block = resample(block, shape, axis, len, true);
            shape[axis] = len;
        }
        o = 0;
        for (int z = 0; z < shape[0]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                System.arraycopy(block, o, img, crop.index(b[0] + z, b[2] + y, b[4]), shape[2]);
                o += shape[2];
            }
        }
        return crop;
    }

    /**
     * Resamples a (z, y, x) block along {@code axis} to {@code m} samples: by nearest neighbour, or by Gaussian
     * anti-aliasing (when shrinking) followed by linear interpolation at pixel centres.
     */
    static float[] resample(float[] a, int[] shape, int axis, int m, boolean nearest) {
        int len = shape[axis];
        int inner = 1;
        for (int i = axis + 1; i < 3; i++) {
            inner *= shape[i];
        }
        int outer = a.length / (len * inner);
        float[] out = new float[outer * m * inner];
        double scale = (double) len / m;
        float[] kernel = Geometry.gaussianKernel(nearest ? 0 : Math.max(0, (scale - 1) / 2));
        int kr = kernel.length / 2;
        float[] line = new float[len];
        float[] smooth = new float[len];
        int[] lo = new int[m];
        int[] hi = new int[m];
        float[] frac = new float[m];
        for (int j = 0; j < m; j++) {
            if (nearest) {
                lo[j] = Math.min(len - 1, (int) Math.floor((j + 0.5) * scale));
            } else {
                double u = (j + 0.5) * scale - 0.5;
                int u0 = (int) Math.floor(u);
                lo[j] = Geometry.reflect(u0, len);
                hi[j] = Geometry.reflect(u0 + 1, len);
                frac[j] = (float) (u - u0);
            }
        }
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int inBase = o * len * inner + i;
                int outBase = o * m * inner + i;
                for (int t = 0; t < len; t++) {
                    line[t] = a[inBase + t * inner];
                }
                if (nearest) {
                    for (int j = 0; j < m; j++) {
                        out[outBase + j * inner] = line[lo[j]];
                    }
                    continue;
                }
                for (int t = 0; t < len; t++) {
                    float s = 0f;
                    for (int q = 0; q < kernel.length; q++) {
                        s += kernel[q] * line[Geometry.reflect(t + q - kr, len)];
                    }
                    smooth[t] = s;
                }
                for (int j = 0; j < m; j++) {
                    float va = smooth[lo[j]];
                    out[outBase + j * inner] = Geometry.clip01(va + frac[j] * (smooth[hi[j]] - va));
                }
            }
        }
        return out;
    }
}
