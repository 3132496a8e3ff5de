package org.synapseworkbench.ui.train;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.synapseworkbench.train.Snapshot;

/** A training snapshot as one grey image: input, target and prediction of a section side by side. */
final class SnapshotImage {
    private SnapshotImage() {
    }

    /** The input is stretched to its own range; target and prediction are probabilities, drawn from 0 to 1. */
    static WritableImage of(Snapshot s) {
        int w = s.width();
        int h = s.height();
        int[] argb = new int[3 * w * h];
        float[][] panels = {s.image(), s.target(), s.prediction()};
        for (int p = 0; p < 3; p++) {
            float[] v = panels[p];
            float lo = Float.MAX_VALUE;
            float hi = -Float.MAX_VALUE;
            for (float f : v) {
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
            }
            if (p > 0) {
                lo = 0;
                hi = 1;
            }
            float scale = hi > lo ? 255f / (hi - lo) : 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int g = Math.max(0, Math.min(255, Math.round((v[y * w + x] - lo) * scale)));
                    argb[y * 3 * w + p * w + x] = 0xFF000000 | g << 16 | g << 8 | g;
                }
            }
        }
        WritableImage image = new WritableImage(3 * w, h);
        image.getPixelWriter().setPixels(0, 0, 3 * w, h, PixelFormat.getIntArgbInstance(), argb, 0, 3 * w);
        return image;
    }
}
