package org.synapseworkbench.data;

import java.util.Arrays;

import org.synapseworkbench.data.augment.Crop;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.volume.VolumeStatistics;
import org.synapseworkbench.volume.Volumes;

/**
 * An image and its label volume, seen as if padded by reflection (numpy's "reflect": the edge voxel is not
 * repeated), from which crops are read on demand. Image values become [0, 1]: uint8 divided by 255, other
 * types min-max scaled over the volume (reference section 6). CREMI's "no cleft" and "ignore" label values
 * become background, so every label is 0 or an id.
 */
public final class TrainingVolume {
    private final Volume image;
    private final Volume label;
    private final int[] pad;
    private final double offset;
    private final double scale;

    public TrainingVolume(Volume image, Volume label, int[] pad) {
        if (image.rank() != 3 || label.rank() != 3) {
            throw new org.synapseworkbench.UserException("Training needs 3-d image and label volumes (z, y, x), but "
                    + image.name() + " has shape " + Arrays.toString(image.shape()) + " and " + label.name() + " "
                    + Arrays.toString(label.shape()) + ".");
        }
        Volumes.requireSameShape(image, label);
        this.image = image;
        this.label = label;
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

    public Volume image() {
        return image;
    }

    public Volume label() {
        return label;
    }

    /** Shape after padding. */
    public int[] paddedShape() {
        int[] s = image.shape();
        return new int[] {s[0] + 2 * pad[0], s[1] + 2 * pad[1], s[2] + 2 * pad[2]};
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
        int[][] index = new int[3][];
        int[] lo = new int[3];
        int[] extent = new int[3];
        int[] shape = image.shape();
        for (int d = 0; d < 3; d++) {
            index[d] = new int[size[d]];
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int k = 0; k < size[d]; k++) {
                int i = reflect(start[d] + k - pad[d], shape[d]);
                index[d][k] = i;
                min = Math.min(min, i);
                max = Math.max(max, i);
            }
            lo[d] = min;
            extent[d] = max - min + 1;
        }
        Block img = image.read(lo, extent);
        Block lab = label.read(lo, extent);
        int n = size[0] * size[1] * size[2];
        float[] values = new float[n];
        long[] ids = new long[n];
        byte[] bytes = img.type() == DataType.UINT8 ? img.bytes() : null;
        long[] longs = lab.type().bytes() == 8 ? lab.longs() : null;
        int o = 0;
        for (int z = 0; z < size[0]; z++) {
            int zi = index[0][z] - lo[0];
            for (int y = 0; y < size[1]; y++) {
                int row = (zi * extent[1] + index[1][y] - lo[1]) * extent[2] - lo[2];
                for (int x = 0; x < size[2]; x++, o++) {
                    int i = row + index[2][x];
                    values[o] = (float) (bytes != null ? (bytes[i] & 0xFF) * scale : (img.getDouble(i) - offset) * scale);
                    long id = longs != null ? longs[i] : lab.getLong(i);
                    ids[o] = id == Cremi.NO_CLEFT || id == Cremi.IGNORE ? 0 : id;
                }
            }
        }
        return new Crop(size, values, ids);
    }

    /** numpy's reflect padding index for position {@code i} of an axis of length {@code n}. */
    public static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
