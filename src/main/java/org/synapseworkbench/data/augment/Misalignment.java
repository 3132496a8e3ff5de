package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * PyTC's {@code MisAlignment}, image and labels together; y and x shrink by DISPLACEMENT. A slice index k is drawn
 * from the interior slices 1..depth-2, and a mode: "slip" (slice k alone moves) or "translation" (slices k..end
 * move), each with chance 1/2.
 * <ul>
 * <li>With chance 1 - ROTATE_RATIO, a shift: the output window of (h - D) x (w - D) is read at offset (y0, x0) for
 *     the slices that stay and at (y1, x1) for those that move, all four uniform in 0..D-1 as PyTC's
 *     {@code randint(D)} (0 when D is 0).</li>
 * <li>With chance ROTATE_RATIO, a rotation: all slices are read at the centred window; the moving slices are rotated
 *     about the slice centre by an angle uniform in [-a, a]: PyTC's a = 2 asin((D/2) / (1.42 (size - D)/2)), but
 *     no more than the largest angle for which the rotated window stays inside the input (PyTC fills the corners
 *     with zeros instead): about 3.4 degrees for 273 x 273 slices with D 16, where PyTC's a is 5. Image bilinear,
 *     labels nearest.</li>
 * </ul>
 * A crop of depth 2 moves slice 1; depth 1 is only cropped. Draws: rotation?, slip?, k, then the angle or 4 offsets.
 */
public final class Misalignment extends BaseAugmentation {
    public static final String NAME = "MISALIGNMENT";

    private final int displacement;
    private final double rotateRatio;

    public Misalignment(double p, int displacement, double rotateRatio) {
        super(NAME, p);
        Geometry.checkProbability(rotateRatio);
        if (displacement < 0) {
            throw new IllegalArgumentException("DISPLACEMENT must be >= 0, got " + displacement);
        }
        this.displacement = displacement;
        this.rotateRatio = rotateRatio;
    }

    @Override
    public int[] inputSizeFor(int[] outputSize) {
        return new int[]{outputSize[0], outputSize[1] + displacement, outputSize[2] + displacement};
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        int d = crop.depth();
        int h = crop.height();
        int w = crop.width();
        int oh = h - displacement;
        int ow = w - displacement;
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException("misalignment by " + displacement + " px needs slices larger than "
                    + displacement + ", got " + h + " x " + w);
        }
        boolean rotate = rng.nextDouble() < rotateRatio;
        boolean slip = rng.nextDouble() < 0.5;
        int k = d >= 3 ? 1 + rng.nextInt(d - 2) : (d == 2 ? 1 : d);
        int kEnd = slip ? Math.min(k + 1, d) : d;   // slices [k, kEnd) move
        return rotate ? rotated(crop, oh, ow, k, kEnd, rng) : shifted(crop, oh, ow, k, kEnd, rng);
    }

    private Crop shifted(Crop crop, int oh, int ow, int k, int kEnd, SplittableRandom rng) {
        int bound = Math.max(1, displacement);   // PyTC: randint(D), 0..D-1
        int y0 = rng.nextInt(bound);
        int x0 = rng.nextInt(bound);
        int y1 = rng.nextInt(bound);
        int x1 = rng.nextInt(bound);
        int d = crop.depth();
        int w = crop.width();
        int srcSlice = crop.height() * w;
        int outSlice = oh * ow;
        float[] img = new float[d * outSlice];
        long[][] labs = new long[crop.labelCount()][d * outSlice];
        for (int z = 0; z < d; z++) {
            boolean moved = z >= k && z < kEnd;
            int from = z * srcSlice + (moved ? y1 : y0) * w + (moved ? x1 : x0);
            int to = z * outSlice;
            for (int y = 0; y < oh; y++) {
                System.arraycopy(crop.image(), from + y * w, img, to + y * ow, ow);
                for (int l = 0; l < labs.length; l++) {
                    System.arraycopy(crop.label(l), from + y * w, labs[l], to + y * ow, ow);
                }
            }
        }
        return new Crop(new int[]{d, oh, ow}, img, labs);
    }

    private Crop rotated(Crop crop, int oh, int ow, int k, int kEnd, SplittableRandom rng) {
        int h = crop.height();
        int w = crop.width();
        int oy = (h - oh) / 2;
        int ox = (w - ow) / 2;
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        double ay = Math.max(Math.abs(oy - cy), Math.abs(oy + oh - 1 - cy));
        double ax = Math.max(Math.abs(ox - cx), Math.abs(ox + ow - 1 - cx));
        // PyTC's range, 2 asin((D / 2) / (1.42 (size - D) / 2)), capped so the rotated window stays inside
        double pytc = 2 * Math.asin(Math.min(1.0, (displacement / 2.0) / (1.42 * Math.min(oh, ow) / 2.0)));
        double maxAngle = Math.min(pytc, maxAngle(ay, ax, cy, cx));
        double angle = (2 * rng.nextDouble() - 1) * maxAngle;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);

        Crop still = crop.sub(new int[]{0, oy, ox}, new int[]{crop.depth(), oh, ow});
        if (k >= kEnd) {
            return still;
        }
        Geometry.Warp warp = new Geometry.Warp(h, w, oh, ow);
        int p = 0;
        for (int i = 0; i < oh; i++) {
            double ry = oy + i - cy;
            for (int j = 0; j < ow; j++) {
                double rx = ox + j - cx;
                warp.set(p++, cy + cos * ry - sin * rx, cx + sin * ry + cos * rx);
            }
        }
        for (int z = k; z < kEnd; z++) {
            warp.slice(crop, z, still.image(), still.labels(), z);
        }
        return still;
    }

    /**
     * Largest angle in [0, pi/4] for which a window with half-extents (ay, ax) about the centre, rotated, stays
     * within half-extents (cy, cx).
     */
    static double maxAngle(double ay, double ax, double cy, double cx) {
        double lo = 0;
        double hi = Math.PI / 4;
        if (fits(hi, ay, ax, cy, cx)) {
            return hi;
        }
        for (int it = 0; it < 40; it++) {
            double mid = 0.5 * (lo + hi);
            if (fits(mid, ay, ax, cy, cx)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean fits(double a, double ay, double ax, double cy, double cx) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return ay * c + ax * s <= cy + 1e-9 && ax * c + ay * s <= cx + 1e-9;
    }
}
