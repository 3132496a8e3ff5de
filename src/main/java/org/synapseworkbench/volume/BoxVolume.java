package org.synapseworkbench.volume;

import java.util.Arrays;

/**
 * A volume of a given (z, y, x) shape that is zero except inside one box, which holds a block: a prediction of the
 * part of an image on screen, shown over the whole image without a full-size copy.
 */
public final class BoxVolume implements Volume {
    private final String name;
    private final int[] shape;
    private final int[] origin;
    private final Block block;
    private final double[] resolution;

    /**
     * @param shape the whole volume (z, y, x)
     * @param origin where the block's first voxel lies (z, y, x)
     * @param block the voxels of the box, rank 3, inside the volume
     */
    public BoxVolume(String name, int[] shape, int[] origin, Block block, double[] resolution) {
        if (shape.length != 3 || origin.length != 3 || block.rank() != 3) {
            throw new IllegalArgumentException("a box volume has rank 3");
        }
        for (int a = 0; a < 3; a++) {
            if (origin[a] < 0 || origin[a] + block.dim(a) > shape[a]) {
                throw new IllegalArgumentException("a box of " + Arrays.toString(block.shape()) + " at "
                        + Arrays.toString(origin) + " does not fit in " + Arrays.toString(shape));
            }
        }
        this.name = name;
        this.shape = shape.clone();
        this.origin = origin.clone();
        this.block = block;
        this.resolution = resolution.clone();
    }

    /** Where the box starts (z, y, x). */
    public int[] origin() {
        return origin.clone();
    }

    /** The box's voxels (not a copy). */
    public Block block() {
        return block;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public DataType type() {
        return block.type();
    }

    @Override
    public int[] chunkShape() {
        return block.shape();
    }

    @Override
    public double[] resolution() {
        return resolution.clone();
    }

    @Override
    public boolean resolutionStored() {
        return true;
    }

    @Override
    public double[] offset() {
        return new double[3];
    }

    @Override
    public Block read(int[] start, int[] size) {
        return read(start, size, null);
    }

    @Override
    public Block read(int[] start, int[] size, Block reuse) {
        Volume.checkBox(this, start, size);
        Block out = Block.reusing(reuse, type(), size);
        if (out == reuse) {
            out.fill(0);
        }
        int[] from = new int[3];
        int[] to = new int[3];
        int[] len = new int[3];
        for (int a = 0; a < 3; a++) {
            int lo = Math.max(start[a], origin[a]);
            int hi = Math.min(start[a] + size[a], origin[a] + block.dim(a));
            if (hi <= lo) {
                return out;
            }
            from[a] = lo - origin[a];
            to[a] = lo - start[a];
            len[a] = hi - lo;
        }
        out.copyFrom(block, from, to, len);
        return out;
    }
}
