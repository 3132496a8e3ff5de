package org.synapseworkbench.tensorboard;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Objects;

/** Turns float slices into 8-bit gray images for {@link EventFileWriter#image}. */
public final class GrayImages {
    private GrayImages() {
    }

    /** Same as {@link #fromFloats(float[], int, int, int, float, float)} with offset 0. */
    public static BufferedImage fromFloats(float[] data, int height, int width, float min, float max) {
        return fromFloats(data, 0, height, width, min, max);
    }

    /**
     * Maps a row-major {@code height x width} slice starting at {@code offset} linearly so that {@code min}
     * is black (0) and {@code max} white (255); values outside are clamped, NaN is black. If
     * {@code min == max}, values above it are white and the rest black.
     */
    public static BufferedImage fromFloats(float[] data, int offset, int height, int width, float min, float max) {
        Objects.requireNonNull(data, "data");
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("Image size must be positive, got " + height + " x " + width);
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("min must not exceed max, got min " + min + ", max " + max);
        }
        Objects.checkFromIndexSize(offset, Math.multiplyExact(height, width), data.length);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = img.getRaster();
        int[] row = new int[width];
        double scale = max > min ? 255.0 / ((double) max - min) : 0;
        for (int y = 0; y < height; y++) {
            int base = offset + y * width;
            for (int x = 0; x < width; x++) {
                row[x] = toByte(data[base + x], min, max, scale);
            }
            raster.setSamples(0, y, width, 1, 0, row);
        }
        return img;
    }

    private static int toByte(float v, float min, float max, double scale) {
        if (Float.isNaN(v) || v <= min) {
            return 0;
        }
        if (v >= max) {
            return 255;
        }
        return (int) Math.round((v - (double) min) * scale);
    }
}
