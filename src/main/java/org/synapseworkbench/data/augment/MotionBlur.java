package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * PyTC's {@code MotionBlur}, image only: min(SECTIONS, depth) distinct slices, chosen at random, are averaged along
 * a line of KERNEL_SIZE pixels through each pixel (a normalised line kernel), borders reflected. The direction is
 * horizontal, vertical, or one of the two diagonals, each with chance 1/4 (PyTC: horizontal or vertical; the
 * diagonal taps are a pixel apart in y and in x). Size unchanged. Draws: the direction, then the slices.
 */
public final class MotionBlur extends BaseAugmentation {
    public static final String NAME = "MOTIONBLUR";
    private static final int[][] DIRECTIONS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};

    private final int sections;
    private final int kernelSize;

    public MotionBlur(double p, int sections, int kernelSize) {
        super(NAME, p);
        if (sections < 0 || kernelSize < 1) {
            throw new IllegalArgumentException("motion blur needs SECTIONS >= 0 and KERNEL_SIZE >= 1, got "
                    + sections + ", " + kernelSize);
        }
        this.sections = sections;
        this.kernelSize = kernelSize;
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        int[] dir = DIRECTIONS[rng.nextInt(DIRECTIONS.length)];
        int d = crop.depth();
        int[] chosen = Geometry.choose(0, d, Math.min(sections, d), rng);
        int h = crop.height();
        int w = crop.width();
        float[] slice = new float[h * w];
        for (int z : chosen) {
            System.arraycopy(crop.image(), z * h * w, slice, 0, h * w);
            blur(slice, h, w, dir[0], dir[1], crop.image(), z * h * w);
        }
        return crop;
    }

    /** dst(y, x) = mean over t of src(y + t dy, x + t dx), t from -c to size-1-c, c = (size-1)/2. */
    private void blur(float[] src, int h, int w, int dy, int dx, float[] dst, int off) {
        int c = (kernelSize - 1) / 2;
        int t0 = -c;
        int t1 = kernelSize - 1 - c;
        float inv = 1f / kernelSize;
        int step = dy * w + dx;
        int reachY = Math.max(Math.abs(t0), Math.abs(t1)) * Math.abs(dy);
        int reachX = Math.max(Math.abs(t0), Math.abs(t1)) * Math.abs(dx);
        for (int y = 0; y < h; y++) {
            boolean innerY = y - reachY >= 0 && y + reachY < h;
            for (int x = 0; x < w; x++) {
                float s = 0f;
                if (innerY && x - reachX >= 0 && x + reachX < w) {
                    int i = y * w + x + t0 * step;
                    for (int t = t0; t <= t1; t++) {
                        s += src[i];
                        i += step;
                    }
                } else {
                    for (int t = t0; t <= t1; t++) {
                        s += src[Geometry.reflect(y + t * dy, h) * w + Geometry.reflect(x + t * dx, w)];
                    }
                }
                dst[off + y * w + x] = Geometry.clip01(s * inv);
            }
        }
    }
}
