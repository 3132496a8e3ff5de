package org.synapseworkbench.ui;

import org.synapseworkbench.volume.Block;

/**
 * Maps image values to opaque grey ARGB pixels: values at or below {@code low} are black, at or above {@code high}
 * white, in between linear, then raised to {@code 1 / gamma} (gamma above 1 brightens the mid-tones).
 */
record GrayMapping(double low, double high, double gamma) {

    GrayMapping {
        if (!(high > low) || !(gamma > 0)) {
            throw new IllegalArgumentException("contrast window " + low + ".." + high + " or gamma " + gamma + " is invalid");
        }
    }

    /** The full range of 8-bit images, linear. */
    static GrayMapping uint8() {
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

    /** Fills {@code argb} with the pixels of the voxels of {@code values} that {@code s} picks. */
    void map(Block values, Sampling s, int[] argb) {
        if (s.isIdentity()) {
            map(values, argb);
            return;
        }
        int[] rows = s.rows();
        int[] cols = s.cols();
        int w = cols.length;
        if (values.type() == org.synapseworkbench.volume.DataType.UINT8) {
            int[] table = new int[256];
            for (int v = 0; v < 256; v++) {
                table[v] = grey(level(v));
            }
            byte[] b = values.bytes();
            for (int i = 0; i < rows.length; i++) {
                int row = rows[i] * s.width();
                for (int j = 0; j < w; j++) {
                    argb[i * w + j] = table[b[row + cols[j]] & 0xFF];
                }
            }
            return;
        }
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i] * s.width();
            for (int j = 0; j < w; j++) {
                argb[i * w + j] = grey(level(values.getDouble(row + cols[j])));
            }
        }
    }

    /** Fills {@code argb} (row-major, as long as the block) with the pixels of a block's values. */
    void map(Block values, int[] argb) {
        int n = values.size();
        if (argb.length < n) {
            throw new IllegalArgumentException("pixel buffer of " + argb.length + " for " + n + " values");
        }
        if (values.type() == org.synapseworkbench.volume.DataType.UINT8 && low == 0 && high == 255 && gamma == 1) {
            byte[] b = values.bytes();
            for (int i = 0; i < n; i++) {
                argb[i] = grey(b[i] & 0xFF);
            }
            return;
        }
        int[] table = null;
        if (values.type() == org.synapseworkbench.volume.DataType.UINT8) {
            table = new int[256];
            for (int v = 0; v < 256; v++) {
                table[v] = grey(level(v));
            }
            byte[] b = values.bytes();
            for (int i = 0; i < n; i++) {
                argb[i] = table[b[i] & 0xFF];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            argb[i] = grey(level(values.getDouble(i)));
        }
    }

    private static int grey(int level) {
        return 0xFF000000 | level << 16 | level << 8 | level;
    }
}
