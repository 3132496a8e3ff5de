package org.synapseworkbench.data.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Geometry shared by the augmentations: index reflection, strided re-indexing of whole crops (rotations, flips),
 * sampling of y-x slices at float coordinates (bilinear for images, nearest for labels) and Gaussian smoothing.
 * Borders reflect half-sample symmetrically ({@code ... 1 0 | 0 1 ... n-1 | n-1 n-2 ...}, scipy's "reflect").
 */
final class Geometry {
    private Geometry() {
    }

    /** Index {@code i} reflected into {@code [0, n)} (edge voxel repeated). */
    static int reflect(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        if (n == 1) {
            return 0;
        }
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** {@code v} clipped to [0, 1]. */
    static float clip01(float v) {
        return v < 0f ? 0f : (v > 1f ? 1f : v);
    }

    static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
    }

    /** {@code k} distinct values of {@code [from, to)} in random order (partial Fisher-Yates; k draws). */
    static int[] choose(int from, int to, int k, SplittableRandom rng) {
        int n = to - from;
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = from + i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = new int[k];
        System.arraycopy(all, 0, out, 0, k);
        return out;
    }

    /**
     * Re-indexes every y-x slice: output voxel (z, i, j) of an {@code outH x outW} slice takes the input voxel at
     * slice offset {@code start + i * di + j * dj} of input slice {@code flipZ ? d-1-z : z}. Rotations by 90 degrees,
     * flips and the y-x transpose are all of this form. Image and labels move together.
     */
    static Crop permute(Crop crop, boolean flipZ, int outH, int outW, int start, int di, int dj) {
        int d = crop.depth();
        int slice = crop.height() * crop.width();
        int[] source = new int[crop.voxels()];
        for (int z = 0, o = 0; z < d; z++) {
            int srcBase = (flipZ ? d - 1 - z : z) * slice + start;
            for (int i = 0; i < outH; i++) {
                int s = srcBase + i * di;
                for (int j = 0; j < outW; j++, o++, s += dj) {
                    source[o] = s;
                }
            }
        }
        float[] img = crop.image();
        float[] outImg = new float[source.length];
        for (int o = 0; o < source.length; o++) {
            outImg[o] = img[source[o]];
        }
        long[][] outLabs = new long[crop.labelCount()][];
        for (int l = 0; l < outLabs.length; l++) {
            long[] lab = crop.label(l);
            long[] out = new long[source.length];
            for (int o = 0; o < source.length; o++) {
                out[o] = lab[source[o]];
            }
            outLabs[l] = out;
        }
        return new Crop(new int[]{d, outH, outW}, outImg, outLabs);
    }

    /**
     * A random cuboid as PyTC's cut-blur and cut-noise draw it: {z0, lz, y0, ly, x0, lx}, each length
     * max(1, int(ratio x size)) (all of z when depth is 1), each start uniform over the positions that fit.
     * Draws: 3 ints (2 when depth is 1).
     */
    static int[] cuboid(int[] shape, double ratio, SplittableRandom rng) {
        int[] box = new int[6];
        for (int a = 0; a < 3; a++) {
            int n = shape[a];
            if (a == 0 && n == 1) {
                box[0] = 0;
                box[1] = 1;
                continue;
            }
            int len = Math.min(n, Math.max(1, (int) (ratio * n)));
            box[2 * a] = rng.nextInt(n - len + 1);
            box[2 * a + 1] = len;
        }
        return box;
    }

    /** 1-D Gaussian kernel, normalised, radius {@code round(4 sigma)} (scipy's truncate 4). */
    static float[] gaussianKernel(double sigma) {
        int r = Math.max(0, (int) (4.0 * sigma + 0.5));
        float[] k = new float[2 * r + 1];
        if (sigma <= 0) {
            k[r] = 1f;
            return k;
        }
        double sum = 0;
        double[] t = new double[k.length];
        for (int i = -r; i <= r; i++) {
            t[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += t[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (t[i] / sum);
        }
        return k;
    }

    /** Smooths an {@code h x w} slice in place with a separable Gaussian of {@code sigma}, reflecting at borders. */
    static void smooth2d(float[] a, int h, int w, double sigma) {
        if (sigma <= 0) {
            return;
        }
        float[] k = gaussianKernel(sigma);
        int r = k.length / 2;
        // rows: pad each row with reflected values, then convolve
        float[] row = new float[w + 2 * r];
        float[] acc = new float[w];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int x = -r; x < w + r; x++) {
                row[x + r] = a[base + reflect(x, w)];
            }
            Arrays.fill(acc, 0f);
            for (int t = 0; t < k.length; t++) {
                float kt = k[t];
                for (int x = 0; x < w; x++) {
                    acc[x] += kt * row[x + t];
                }
            }
            System.arraycopy(acc, 0, a, base, w);
        }
        // columns: accumulate whole reflected rows so the inner loop runs along x
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            for (int t = 0; t < k.length; t++) {
                int src = reflect(y + t - r, h) * w;
                float kt = k[t];
                for (int x = 0; x < w; x++) {
                    out[o + x] += kt * a[src + x];
                }
            }
        }
        System.arraycopy(out, 0, a, 0, out.length);
    }

    /**
     * A map from the pixels of an output slice to float coordinates in a source slice, precomputed once (four
     * reflected corner offsets and two fractions per pixel) and then applied to any number of slices: images
     * bilinearly (clipped to [0, 1]), labels by nearest neighbour. (Tables beat computing indices per slice here.)
     */
    static final class Warp {
        final int srcH;
        final int srcW;
        final int outH;
        final int outW;
        /** Four source offsets per output pixel: (y0,x0), (y0,x1), (y1,x0), (y1,x1). */
        private final int[] corner;
        /** Two weights per output pixel: fraction in y, fraction in x. */
        private final float[] frac;
        private final int[] nearest;

        Warp(int srcH, int srcW, int outH, int outW) {
            this.srcH = srcH;
            this.srcW = srcW;
            this.outH = outH;
            this.outW = outW;
            int n = outH * outW;
            corner = new int[4 * n];
            frac = new float[2 * n];
            nearest = new int[n];
        }

        /** Output pixel {@code p} (row-major) samples the source at (sy, sx). */
        void set(int p, double sy, double sx) {
            double fy0 = Math.floor(sy);
            double fx0 = Math.floor(sx);
            int y0 = (int) fy0;
            int x0 = (int) fx0;
            int ya = reflect(y0, srcH) * srcW;
            int yb = reflect(y0 + 1, srcH) * srcW;
            int xa = reflect(x0, srcW);
            int xb = reflect(x0 + 1, srcW);
            int c = 4 * p;
            corner[c] = ya + xa;
            corner[c + 1] = ya + xb;
            corner[c + 2] = yb + xa;
            corner[c + 3] = yb + xb;
            frac[2 * p] = (float) (sy - fy0);
            frac[2 * p + 1] = (float) (sx - fx0);
            nearest[p] = reflect((int) Math.floor(sy + 0.5), srcH) * srcW + reflect((int) Math.floor(sx + 0.5), srcW);
        }

        /** Bilinear resampling of the slice at {@code srcOff} into {@code dst} at {@code dstOff}, clipped to [0, 1]. */
        void linear(float[] src, int srcOff, float[] dst, int dstOff) {
            int n = outH * outW;
            for (int p = 0; p < n; p++) {
                int c = 4 * p;
                float a = src[srcOff + corner[c]];
                float b = src[srcOff + corner[c + 1]];
                float e = src[srcOff + corner[c + 2]];
                float f = src[srcOff + corner[c + 3]];
                float fy = frac[2 * p];
                float fx = frac[2 * p + 1];
                float top = a + fx * (b - a);
                float bottom = e + fx * (f - e);
                dst[dstOff + p] = clip01(top + fy * (bottom - top));
            }
        }

        /** Nearest-neighbour resampling of a label slice. */
        void nearest(long[] src, int srcOff, long[] dst, int dstOff) {
            int n = outH * outW;
            for (int p = 0; p < n; p++) {
                dst[dstOff + p] = src[srcOff + nearest[p]];
            }
        }

        /** Resamples slice {@code z} of a crop into slice {@code zOut} of the image and labels given. */
        void slice(Crop crop, int z, float[] dstImg, long[][] dstLabels, int zOut) {
            int srcOff = z * srcH * srcW;
            int dstOff = zOut * outH * outW;
            linear(crop.image(), srcOff, dstImg, dstOff);
            for (int l = 0; l < dstLabels.length; l++) {
                nearest(crop.label(l), srcOff, dstLabels[l], dstOff);
            }
        }

        /** Applies the warp to every slice of a crop (image and labels), giving a crop of outH x outW slices. */
        Crop applyAll(Crop crop) {
            int d = crop.depth();
            int outSlice = outH * outW;
            float[] img = new float[d * outSlice];
            long[][] labs = new long[crop.labelCount()][d * outSlice];
            for (int z = 0; z < d; z++) {
                slice(crop, z, img, labs, z);
            }
            return new Crop(new int[]{d, outH, outW}, img, labs);
        }
    }
}
