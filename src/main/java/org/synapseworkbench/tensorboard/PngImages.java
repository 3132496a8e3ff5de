package org.synapseworkbench.tensorboard;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** PNG encoding and TensorFlow colorspace codes for {@code Summary.Image}. */
final class PngImages {
    private PngImages() {
    }

    static byte[] encode(BufferedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", bytes)) {
                throw new IllegalArgumentException("No PNG writer accepts an image of type " + img.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode an image as PNG in memory", e);
        }
        return bytes.toByteArray();
    }

    /** 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA, as in {@code Summary.Image.colorspace}. */
    static int colorspace(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        boolean gray = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        if (gray) {
            return cm.hasAlpha() ? 2 : 1;
        }
        return cm.hasAlpha() ? 4 : 3;
    }
}
