package org.synapseworkbench.data;

import java.util.Arrays;

import org.synapseworkbench.data.augment.Crop;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.PaddedImage;
import org.synapseworkbench.volume.ReflectBox;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.volume.Volumes;

/**
 * An image and its label volume, seen as if padded by reflection (numpy's "reflect": the edge voxel is not
 * repeated), from which crops are read on demand. Image values become [0, 1]: uint8 divided by 255, other
 * types min-max scaled over the volume (reference section 6), each section then standardised when asked
 * ({@link PaddedImage}). CREMI's "no cleft" and "ignore" label values
 * become background, so every label is 0 or an id.
 */
public final class TrainingVolume {
    private final PaddedImage image;
    private final Volume label;
    private final int[] pad;

    public TrainingVolume(Volume image, Volume label, int[] pad) {
        this(image, label, pad, false);
    }

    /** @param normalizeSections whether each image section is standardised (DATASET.NORMALIZE_SECTIONS) */
    public TrainingVolume(Volume image, Volume label, int[] pad, boolean normalizeSections) {
        if (image.rank() != 3 || label.rank() != 3) {
            throw new org.synapseworkbench.work.UserException("Training needs 3-d image and label volumes (z, y, x), but "
                    + image.name() + " has shape " + Arrays.toString(image.shape()) + " and " + label.name() + " "
                    + Arrays.toString(label.shape()) + ".");
        }
        Volumes.requireSameShape(image, label);
        this.image = PaddedImage.of(image, pad, normalizeSections);
        this.label = label;
        this.pad = pad.clone();
    }

    public Volume image() {
        return image.volume();
    }

    public Volume label() {
        return label;
    }

    /** Padding on each side, z, y, x. */
    public int[] pad() {
        return pad.clone();
    }

    /** Shape after padding. */
    public int[] paddedShape() {
        return image.paddedShape();
    }

    /** How many crops of {@code size} fit in the padded volume (0 when it is too small). */
    public long positions(int[] size) {
        int[] p = paddedShape();
        long n = 1;
        for (int d = 0; d < 3; d++) {
            n *= Math.max(0, p[d] - size[d] + 1);
        }
        return n;
    }

    /** The crop of {@code size} at {@code start} in padded coordinates. */
    public Crop crop(int[] start, int[] size) {
        ReflectBox box = ReflectBox.of(start, size, pad, label.shape());
        float[] values = image.read(box, size);
        Block lab = label.read(box.lo(), box.extent());
        long[] ids = new long[values.length];
        long[] longs = lab.type().bytes() == 8 ? lab.longs() : null;
        int o = 0;
        for (int z = 0; z < size[0]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[2]; x++, o++) {
                    int i = box.source(z, y, x);
                    long id = longs != null ? longs[i] : lab.getLong(i);
                    ids[o] = Cremi.objectOrZero(id);
                }
            }
        }
        return new Crop(size, values, ids);
    }
}
