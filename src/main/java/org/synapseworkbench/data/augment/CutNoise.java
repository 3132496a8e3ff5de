package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * PyTC's {@code CutNoise} (uniform mode), image only: a random cuboid of LENGTH_RATIO x the crop in z, y and x
 * (all of z for a single slice) gets noise from U(-SCALE, SCALE) added per voxel, then is clipped to [0, 1].
 * Size unchanged. Draws: the cuboid's 3 starts, then one per voxel of the cuboid (z, y, x order).
 */
public final class CutNoise extends BaseAugmentation {
    public static final String NAME = "CUTNOISE";

    private final double lengthRatio;
    private final double scale;

    public CutNoise(double p, double lengthRatio, double scale) {
        super(NAME, p);
        if (!(lengthRatio > 0 && lengthRatio <= 1) || !(scale >= 0)) {
            throw new IllegalArgumentException("cut-noise needs 0 < LENGTH_RATIO <= 1 and SCALE >= 0, got "
                    + lengthRatio + ", " + scale);
        }
        this.lengthRatio = lengthRatio;
        this.scale = scale;
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        int[] b = Geometry.cuboid(crop.shape(), lengthRatio, rng);
        float[] img = crop.image();
        for (int z = b[0]; z < b[0] + b[1]; z++) {
            for (int y = b[2]; y < b[2] + b[3]; y++) {
                int i = crop.index(z, y, b[4]);
                for (int x = 0; x < b[5]; x++, i++) {
                    img[i] = Geometry.clip01((float) (img[i] + (2 * rng.nextDouble() - 1) * scale));
                }
            }
        }
        return crop;
    }
}
