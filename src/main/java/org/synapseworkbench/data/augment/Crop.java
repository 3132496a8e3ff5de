package org.synapseworkbench.data.augment;

import java.util.Arrays;

/**
 * One training crop while it is being augmented: an image with values in [0, 1] and any number of label
 * volumes of the same shape (ids, moved with nearest-neighbour interpolation). Arrays are z, y, x, row-major.
 * Augmentations change a crop in place or return a new one (for example when they change its size).
 */
public final class Crop {
    private final int[] shape;
    private final float[] image;
    private final long[][] labels;

    public Crop(int[] shape, float[] image, long[]... labels) {
        if (shape.length != 3) {
            throw new IllegalArgumentException("a crop is z, y, x; got " + Arrays.toString(shape));
        }
        long n = (long) shape[0] * shape[1] * shape[2];
        if (image.length != n) {
            throw new IllegalArgumentException("image has " + image.length + " values for shape " + Arrays.toString(shape));
        }
        for (long[] label : labels) {
            if (label.length != n) {
                throw new IllegalArgumentException("label has " + label.length + " values for shape " + Arrays.toString(shape));
            }
        }
        this.shape = shape.clone();
        this.image = image;
        this.labels = labels;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int depth() {
        return shape[0];
    }

    public int height() {
        return shape[1];
    }

    public int width() {
        return shape[2];
    }

    public int voxels() {
        return shape[0] * shape[1] * shape[2];
    }

    /** Index of voxel (z, y, x). */
    public int index(int z, int y, int x) {
        return (z * shape[1] + y) * shape[2] + x;
    }

    public float[] image() {
        return image;
    }

    public int labelCount() {
        return labels.length;
    }

    public long[] label(int i) {
        return labels[i];
    }

    public long[][] labels() {
        return labels;
    }

    /** A deep copy (image and labels). */
    public Crop copy() {
        long[][] labs = new long[labels.length][];
        for (int l = 0; l < labels.length; l++) {
            labs[l] = labels[l].clone();
        }
        return new Crop(shape, image.clone(), labs);
    }

    /** The box of size {@code size} starting at {@code start}, copied. */
    public Crop sub(int[] start, int[] size) {
        for (int d = 0; d < 3; d++) {
            if (start[d] < 0 || size[d] < 0 || start[d] + size[d] > shape[d]) {
                throw new IllegalArgumentException("box " + Arrays.toString(start) + " + " + Arrays.toString(size)
                        + " is outside the crop " + Arrays.toString(shape));
            }
        }
        float[] img = new float[size[0] * size[1] * size[2]];
        long[][] labs = new long[labels.length][img.length];
        int o = 0;
        for (int z = 0; z < size[0]; z++) {
            for (int y = 0; y < size[1]; y++) {
                int from = index(start[0] + z, start[1] + y, start[2]);
                System.arraycopy(image, from, img, o, size[2]);
                for (int l = 0; l < labels.length; l++) {
                    System.arraycopy(labels[l], from, labs[l], o, size[2]);
                }
                o += size[2];
            }
        }
        return new Crop(size, img, labs);
    }

    /** The centred box of the given size (the extra margin split evenly, the odd voxel at the end). */
    public Crop centre(int[] size) {
        int[] start = new int[3];
        for (int d = 0; d < 3; d++) {
            start[d] = (shape[d] - size[d]) / 2;
        }
        return Arrays.equals(size, shape) ? this : sub(start, size);
    }
}
