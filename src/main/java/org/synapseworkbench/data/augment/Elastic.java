package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * PyTC's {@code Elastic} (Simard et al. 2003): two fields of U[-1, 1) noise over the y-x slice, each smoothed by
 * a Gaussian of SIGMA (radius 4 SIGMA) and scaled by ALPHA, displace where every output pixel reads: out(y, x) =
 * in(y + dy, x + dx), the same field for all z. Image bilinear, labels nearest. PyTC fills outside with zeros and
 * asks for a margin of ALPHA + 1; here borders reflect, so no margin is needed and the size is unchanged.
 * Draws: height x width doubles for dx, then as many for dy.
 */
public final class Elastic extends BaseAugmentation {
    public static final String NAME = "ELASTIC";

    private final double alpha;
    private final double sigma;

    public Elastic(double p, double alpha, double sigma) {
        super(NAME, p);
        if (!(alpha >= 0 && sigma >= 0)) {
            throw new IllegalArgumentException("elastic ALPHA and SIGMA must be >= 0, got " + alpha + ", " + sigma);
        }
        this.alpha = alpha;
        this.sigma = sigma;
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        int h = crop.height();
        int w = crop.width();
        int n = h * w;
        float[] dx = new float[n];
        float[] dy = new float[n];
        for (int i = 0; i < n; i++) {
            dx[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < n; i++) {
            dy[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        Geometry.smooth2d(dx, h, w, sigma);
        Geometry.smooth2d(dy, h, w, sigma);
        Geometry.Warp warp = new Geometry.Warp(h, w, h, w);
        int p = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                warp.set(p, y + alpha * dy[p], x + alpha * dx[p]);
                p++;
            }
        }
        return warp.applyAll(crop);
    }
}
