package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * PyTC's {@code Rescale}: zooms y-x by a factor s drawn from U[low, high) (PyTC: 0.8, 1.25), one factor per axis
 * unless {@code FIX_ASPECT}; image bilinear, labels nearest. PyTC keeps the size and pads zoom-outs with zeros,
 * then relies on a 1/low larger sample; here the margin is used directly: an input of n pixels along y or x gives
 * an output of floor(low x n) pixels, which is read from a source window of output/s pixels (never more than n, so
 * no padding ever shows) placed uniformly at random inside the input. Draws: 2 factors (1 with fixed aspect), then
 * 2 window positions.
 */
public final class Rescale extends BaseAugmentation {
    public static final String NAME = "RESCALE";
    private static final double EPS = 1e-9;

    private final double low;
    private final double high;
    private final boolean fixAspect;

    public Rescale(double p, double low, double high, boolean fixAspect) {
        super(NAME, p);
        if (!(low > 0 && low <= 1 && high >= 1 && high >= low)) {
            throw new IllegalArgumentException("rescale range must satisfy 0 < low <= 1 <= high, got [" + low + ", " + high + ")");
        }
        this.low = low;
        this.high = high;
        this.fixAspect = fixAspect;
    }

    /** PyTC's defaults: U[0.8, 1.25). */
    public Rescale(double p, boolean fixAspect) {
        this(p, 0.8, 1.25, fixAspect);
    }

    @Override
    public int[] inputSizeFor(int[] outputSize) {
        return new int[]{outputSize[0], inputLength(outputSize[1]), inputLength(outputSize[2])};
    }

    /** Smallest input length whose output is at least {@code out}. */
    int inputLength(int out) {
        return (int) Math.ceil(out / low - EPS);
    }

    /** Output length for an input of {@code in} pixels. */
    int outputLength(int in) {
        return Math.max(1, (int) Math.floor(in * low + EPS));
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        int h = crop.height();
        int w = crop.width();
        int oh = outputLength(h);
        int ow = outputLength(w);
        double sy = low + rng.nextDouble() * (high - low);
        double sx = fixAspect ? sy : low + rng.nextDouble() * (high - low);
        double winY = Math.min(h, oh / sy);
        double winX = Math.min(w, ow / sx);
        double y0 = rng.nextDouble() * (h - winY);
        double x0 = rng.nextDouble() * (w - winX);
        double stepY = winY / oh;
        double stepX = winX / ow;
        Geometry.Warp warp = new Geometry.Warp(h, w, oh, ow);
        int p = 0;
        for (int i = 0; i < oh; i++) {
            double syy = y0 + (i + 0.5) * stepY - 0.5;
            for (int j = 0; j < ow; j++) {
                warp.set(p++, syy, x0 + (j + 0.5) * stepX - 0.5);
            }
        }
        return warp.applyAll(crop);
    }
}
