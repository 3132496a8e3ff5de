package org.synapseworkbench.volume;

import java.util.Arrays;

import org.synapseworkbench.work.UserException;

/**
 * An image volume (z, y, x) seen as if padded by reflection, read box by box as values in [0, 1]: uint8 divided
 * by 255, other types min-max scaled over the volume (reference section 6). Only the voxels a box needs are read.
 */
public final class PaddedImage {
    private final Volume image;
    private final int[] pad;
    private final double offset;
    private final double scale;

    public PaddedImage(Volume image, int[] pad) {
        if (image.rank() != 3) {
            throw new UserException("An image volume is 3-d (z, y, x), but " + image.name() + " has shape "
                    + Arrays.toString(image.shape()) + "; choose its image dataset.");
        }
        this.image = image;
        this.pad = pad.clone();
        if (image.type() == DataType.UINT8) {
            offset = 0;
            scale = 1 / 255.0;
        } else {
            VolumeStatistics stats = VolumeStatistics.of(image, 0);
            offset = stats.min;
            scale = stats.max > stats.min ? 1 / (stats.max - stats.min) : 0;
        }
    }

    public Volume volume() {
        return image;
    }

    public int[] pad() {
        return pad.clone();
    }

    /** Shape after padding. */
    public int[] paddedShape() {
        int[] s = image.shape();
        return new int[] {s[0] + 2 * pad[0], s[1] + 2 * pad[1], s[2] + 2 * pad[2]};
    }

    /** The box of {@code size} at {@code start} (padded coordinates) as values in [0, 1], z, y, x order. */
    public float[] read(int[] start, int[] size) {
        return read(ReflectBox.of(start, size, pad, image.shape()), size);
    }

    /** The box described by {@code box} (made for this image's pad and shape). */
    public float[] read(ReflectBox box, int[] size) {
        Block img = image.read(box.lo(), box.extent());
        float[] values = new float[size[0] * size[1] * size[2]];
        byte[] bytes = img.type() == DataType.UINT8 ? img.bytes() : null;
        int o = 0;
        for (int z = 0; z < size[0]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[2]; x++, o++) {
                    int i = box.source(z, y, x);
                    values[o] = (float) (bytes != null ? (bytes[i] & 0xFF) * scale : (img.getDouble(i) - offset) * scale);
                }
            }
        }
        return values;
    }
}
