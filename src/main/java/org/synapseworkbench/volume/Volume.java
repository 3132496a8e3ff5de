package org.synapseworkbench.volume;

import java.util.Arrays;

/**
 * A z,y,x volume (optionally with a channel axis first) whose voxels are read on demand, any box at a time.
 * Implementations read lazily, chunk by chunk, so a slice of a huge volume costs only the chunks it touches.
 */
public interface Volume {
    /** A short name for messages, such as {@code sample.h5:volumes/raw}. */
    String name();

    /** Dimensions: (z, y, x) or (c, z, y, x). */
    int[] shape();

    DataType type();

    /** The storage chunk; reads aligned to it touch the fewest chunks. */
    int[] chunkShape();

    /** Voxel size in nm as (z, y, x); CREMI's 40,4,4 when the file stores none (see {@link #resolutionStored()}). */
    double[] resolution();

    /** Whether {@link #resolution()} comes from the data rather than the default. */
    boolean resolutionStored();

    /** Offset of the first voxel in nm as (z, y, x). */
    double[] offset();

    /** Reads the box of the given size at the given start (both in voxels, one entry per axis). */
    Block read(int[] start, int[] size);

    /**
     * As {@link #read(int[], int[])}, writing into {@code reuse} when it has this volume's type and the box's shape
     * and the volume supports it (HDF5 volumes do), so a viewer drawing section after section allocates nothing;
     * returns the block holding the box.
     */
    default Block read(int[] start, int[] size, Block reuse) {
        return read(start, size);
    }

    /**
     * The voxels where {@code rows} cross {@code cols} in plane {@code index} across {@code axis} (0: an xy section,
     * rows y and columns x; 1: an xz plane, rows z, columns x; 2: a yz plane, rows z, columns y), of the first channel
     * of a 4-d volume: a (rows x cols) block, row-major, written into {@code reuse} when it has that type and shape.
     * Rows and columns ascend. A viewer zoomed out reads every step-th voxel this way; volumes that cache chunks
     * (HDF5) copy only those voxels, others read the rows' and columns' bounding box first.
     */
    default Block readSampled(int axis, int index, int[] rows, int[] cols, Block reuse) {
        int r = rank();
        int o = r - 3;
        int rowAxis = o + (axis == 0 ? 1 : 0);
        int colAxis = o + (axis == 2 ? 1 : 2);
        int[] start = new int[r];
        int[] size = new int[r];
        Arrays.fill(size, 1);
        start[o + axis] = index;
        start[rowAxis] = rows[0];
        size[rowAxis] = rows[rows.length - 1] - rows[0] + 1;
        start[colAxis] = cols[0];
        size[colAxis] = cols[cols.length - 1] - cols[0] + 1;
        Block box = read(start, size);
        Block out = Block.reusing(reuse, type(), rows.length, cols.length);
        int w = size[colAxis];
        int[] at = new int[cols.length];
        for (int j = 0; j < cols.length; j++) {
            at[j] = cols[j] - cols[0];
        }
        for (int i = 0; i < rows.length; i++) {
            out.gather(box, (rows[i] - rows[0]) * w, at, 1, i * cols.length);
        }
        return out;
    }

    /**
     * A number that changes whenever the contents change, so that a reader may keep what it read while it stays the
     * same. Volumes that never change return 0.
     */
    default long version() {
        return 0;
    }

    /** (z, y, x) of linear index {@code (z * height + y) * width + x} in a volume of spatial shape {@code shape}. */
    static int[] position(int[] shape, long index) {
        long zy = index / shape[2];
        return new int[] {(int) (zy / shape[1]), (int) (zy % shape[1]), (int) (index % shape[2])};
    }

    default int rank() {
        return shape().length;
    }

    /** Number of channels: the first axis of a 4-d volume, else 1. */
    default int channels() {
        return rank() == 4 ? shape()[0] : 1;
    }

    /** The spatial (z, y, x) part of the shape. */
    default int[] spatialShape() {
        int[] s = shape();
        return Arrays.copyOfRange(s, s.length - 3, s.length);
    }

    /** Total number of elements. */
    default long elementCount() {
        return Block.elementCount(shape());
    }

    /** Reads the whole volume into memory. */
    default Block readAll() {
        return read(new int[rank()], shape());
    }

    /** Reads section z (of every channel for a 4-d volume): shape (1, y, x) or (c, 1, y, x). */
    default Block readSection(int z) {
        int[] s = shape();
        int[] start = new int[s.length];
        int[] size = s.clone();
        start[s.length - 3] = z;
        size[s.length - 3] = 1;
        return read(start, size);
    }

    /**
     * A coarser copy of a volume: voxel (z, y, x) of {@code volume} stands for voxel (z fz, y fy, x fx) of the full
     * one, {@code factors} = (fz, fy, fx).
     */
    record Level(Volume volume, int[] factors) {
    }

    /**
     * Coarser copies of this volume stored beside it (an OME-Zarr image's pyramid), finest first, for a viewer zoomed
     * out to read fewer voxels; none by default.
     */
    default java.util.List<Level> coarser() {
        return java.util.List.of();
    }

    /** Fails with a clear message when a box does not lie inside the volume. */
    static void checkBox(Volume v, int[] start, int[] size) {
        int[] s = v.shape();
        if (start.length != s.length || size.length != s.length) {
            throw new IllegalArgumentException("box of rank " + start.length + " for " + v.name() + " of rank " + s.length);
        }
        for (int a = 0; a < s.length; a++) {
            if (start[a] < 0 || size[a] < 0 || (long) start[a] + size[a] > s[a]) {
                throw new IllegalArgumentException("box at " + Arrays.toString(start) + " of size " + Arrays.toString(size)
                        + " lies outside " + v.name() + " of shape " + Arrays.toString(s));
            }
        }
    }
}
