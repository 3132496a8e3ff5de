package org.synapseworkbench.ui.viewer.render;

import org.synapseworkbench.volume.Block;

/**
 * Maps image values to opaque grey ARGB pixels: values at or below {@code low} are black, at or above {@code high}
 * white, in between linear, then raised to {@code 1 / gamma} (gamma above 1 brightens the mid-tones).
 */
public record GrayMapping(double low, double high, double gamma) {

    public GrayMapping {
        if (!(high > low) || !(gamma > 0)) {
            throw new IllegalArgumentException("contrast window " + low + ".." + high + " or gamma " + gamma + " is invalid");
        }
    }

    /** The full range of 8-bit images, linear. */
    public static GrayMapping uint8() {
        return new GrayMapping(0, 255, 1);
    }

    /** The grey level 0..255 of a value. */
    int level(double value) {
        double t = (value - low) / (high - low);
        if (!(t > 0)) {
            return 0;
        }
        if (t >= 1) {
            return 255;
        }
        if (gamma != 1) {
            t = Math.pow(t, 1 / gamma);
        }
        return (int) Math.round(t * 255);
    }

    /** Fills {@code argb} (row-major, as long as the block) with the pixels of a block's values. */
    void map(Block values, int[] argb) {
        map(values, argb, 0);
    }

    /** Writes the pixels of a block's values into {@code argb} from {@code at} on (a band of rows of a frame). */
    void map(Block values, int[] argb, int at) {
        int n = values.size();
        if (argb.length < at + n) {
            throw new IllegalArgumentException("pixel buffer of " + argb.length + " for " + n + " values");
        }
        if (values.type() == org.synapseworkbench.volume.DataType.UINT8 && low == 0 && high == 255 && gamma == 1) {
            byte[] b = values.bytes();
            for (int i = 0; i < n; i++) {
                argb[at + i] = grey(b[i] & 0xFF);
            }
            return;
        }
        if (values.type() == org.synapseworkbench.volume.DataType.UINT8) {
            int[] table = new int[256];
            for (int v = 0; v < 256; v++) {
                table[v] = grey(level(v));
            }
            byte[] b = values.bytes();
            for (int i = 0; i < n; i++) {
                argb[at + i] = table[b[i] & 0xFF];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            argb[at + i] = grey(level(values.getDouble(i)));
        }
    }

    private static int grey(int level) {
        return 0xFF000000 | level << 16 | level << 8 | level;
    }
}
