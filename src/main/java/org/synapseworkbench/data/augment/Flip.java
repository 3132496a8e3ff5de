package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * PyTC's {@code Flip}: flips z, y and x each with chance 1/2, then transposes y-x with chance 1/2 and, when
 * {@code DO_ZTRANS} is 1, transposes z-x with chance 1/2. Image and labels alike. A transpose is skipped (its draw
 * still made) when the two axes differ in length, so the shape never changes. Draws: 4 booleans, 5 with DO_ZTRANS.
 * The {@link Augmentor} applies Flip after the centre crop, as PyTC does.
 */
public final class Flip extends BaseAugmentation {
    public static final String NAME = "FLIP";

    private final boolean doZTranspose;

    public Flip(double p, boolean doZTranspose) {
        super(NAME, p);
        this.doZTranspose = doZTranspose;
    }

    /** PyTC's default, P 1.0 and DO_ZTRANS 0. */
    public Flip() {
        this(1.0, false);
    }

    public boolean doZTranspose() {
        return doZTranspose;
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        boolean fz = rng.nextBoolean();
        boolean fy = rng.nextBoolean();
        boolean fx = rng.nextBoolean();
        boolean t = rng.nextBoolean();
        boolean tz = doZTranspose && rng.nextBoolean();
        return flip(crop, fz, fy, fx, t, tz);
    }

    /**
     * Flips z, y, x as asked, then transposes y-x (if {@code transposeYX} and the slices are square), then
     * transposes z-x (if {@code transposeZX} and depth equals width). Returns the crop itself when nothing changes.
     */
    public static Crop flip(Crop crop, boolean fz, boolean fy, boolean fx, boolean transposeYX, boolean transposeZX) {
        int h = crop.height();
        int w = crop.width();
        boolean t = transposeYX && h == w;
        Crop out = crop;
        if (fz || fy || fx || t) {
            int start = (fy ? (h - 1) * w : 0) + (fx ? w - 1 : 0);
            int dy = fy ? -w : w;
            int dx = fx ? -1 : 1;
            out = t ? Geometry.permute(crop, fz, w, h, start, dx, dy)
                    : Geometry.permute(crop, fz, h, w, start, dy, dx);
        }
        if (transposeZX && out.depth() == out.width()) {
            out = transposeZX(out);
        }
        return out;
    }

    /** out(z, y, x) = in(x, y, z); needs depth == width. */
    private static Crop transposeZX(Crop crop) {
        int d = crop.depth();
        int h = crop.height();
        int w = crop.width();
        int n = crop.voxels();
        float[] img = crop.image();
        float[] outImg = new float[n];
        long[][] outLabs = new long[crop.labelCount()][n];
        for (int z = 0; z < w; z++) {
            for (int y = 0; y < h; y++) {
                int o = (z * h + y) * d;
                for (int x = 0; x < d; x++) {
                    int s = (x * h + y) * w + z;
                    outImg[o + x] = img[s];
                    for (int l = 0; l < outLabs.length; l++) {
                        outLabs[l][o + x] = crop.label(l)[s];
                    }
                }
            }
        }
        return new Crop(new int[]{w, h, d}, outImg, outLabs);
    }
}
