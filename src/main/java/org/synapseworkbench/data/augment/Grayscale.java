package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * PyTC's {@code Grayscale} (after ELEKTRONN), image only: with draws r1, r2, r3 from U[0, 1),
 * {@code v = clip(v * (1 + (r1 - 0.5) * CONTRAST) + (r2 - 0.5) * BRIGHTNESS, 0, 1) ^ (2 ^ (2 r3 - 1))},
 * contrast and brightness factors 0.3 (PyTC's defaults), gamma in [0.5, 2). Mode "mix": with chance 1/2 one
 * draw triple for the whole crop (3-D), otherwise one triple per slice (2-D). (PyTC's mix mode tests the
 * configured rather than the drawn mode and so always ends up 3-D; we do what it means.) The power is read from a
 * 4096-entry table over sqrt(v), linearly interpolated (within ~1e-6 of Math.pow, 4x faster). Size unchanged.
 * Draws: one for the mode, then 3 (3-D) or 3 x depth (2-D).
 */
public final class Grayscale extends BaseAugmentation {
    public static final String NAME = "GRAYSCALE";

    private static final int TABLE = 4096;

    private final double contrast;
    private final double brightness;

    public Grayscale(double p, double contrastFactor, double brightnessFactor) {
        super(NAME, p);
        this.contrast = contrastFactor;
        this.brightness = brightnessFactor;
    }

    /** PyTC's defaults: contrast and brightness factors 0.3. */
    public Grayscale(double p) {
        this(p, 0.3, 0.3);
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        boolean whole = rng.nextDouble() > 0.5;
        float[] img = crop.image();
        if (whole) {
            adjust(img, 0, img.length, rng.nextDouble(), rng.nextDouble(), rng.nextDouble());
        } else {
            int slice = crop.height() * crop.width();
            for (int z = 0; z < crop.depth(); z++) {
                adjust(img, z * slice, slice, rng.nextDouble(), rng.nextDouble(), rng.nextDouble());
            }
        }
        return crop;
    }

    private void adjust(float[] img, int from, int count, double r1, double r2, double r3) {
        float gain = (float) (1 + (r1 - 0.5) * contrast);
        float offset = (float) ((r2 - 0.5) * brightness);
        double gamma = Math.pow(2.0, 2 * r3 - 1);
        // v^gamma = u^(2 gamma) with u = sqrt(v): smooth in u even for gamma < 1, so a table over u with linear
        // interpolation is accurate to ~1e-7 and much faster than Math.pow per voxel
        float[] table = new float[TABLE + 2];
        for (int k = 0; k <= TABLE; k++) {
            table[k] = (float) Math.pow((double) k / TABLE, 2 * gamma);
        }
        table[TABLE + 1] = table[TABLE];
        int end = from + count;
        for (int i = from; i < end; i++) {
            float v = Geometry.clip01(img[i] * gain + offset);
            float u = (float) Math.sqrt(v) * TABLE;
            int k = (int) u;
            float a = table[k];
            img[i] = Geometry.clip01(a + (u - k) * (table[k + 1] - a));
        }
    }
}
