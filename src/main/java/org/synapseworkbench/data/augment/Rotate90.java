package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * PyTC's {@code Rotate} with {@code ROT90 True}: rotates every y-x slice by k x 90 degrees (as numpy's
 * {@code rot90(k, axes=(1, 2))}), image and labels alike. k is uniform in 0..3 when the slices are square; for
 * non-square slices only k in {0, 2} is drawn so the shape is kept. Size: unchanged. Draws: one int.
 */
public final class Rotate90 extends BaseAugmentation {
    public static final String NAME = "ROTATE";

    public Rotate90(double p) {
        super(NAME, p);
    }

    /** PyTC's default, P 1.0. */
    public Rotate90() {
        this(1.0);
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        int k = crop.height() == crop.width() ? rng.nextInt(4) : 2 * rng.nextInt(2);
        return rotate(crop, k);
    }

    /**
     * The crop rotated by {@code k} x 90 degrees in y-x (counter-clockwise from y towards x, as numpy's rot90);
     * odd k swaps height and width. k = 0 (mod 4) returns the crop itself.
     */
    public static Crop rotate(Crop crop, int k) {
        int h = crop.height();
        int w = crop.width();
        switch (Math.floorMod(k, 4)) {
            case 1:  // out(i, j) = in(j, w-1-i)
                return Geometry.permute(crop, false, w, h, w - 1, -1, w);
            case 2:  // out(i, j) = in(h-1-i, w-1-j)
                return Geometry.permute(crop, false, h, w, h * w - 1, -w, -1);
            case 3:  // out(i, j) = in(h-1-j, i)
                return Geometry.permute(crop, false, w, h, (h - 1) * w, 1, -w);
            default:
                return crop;
        }
    }
}
