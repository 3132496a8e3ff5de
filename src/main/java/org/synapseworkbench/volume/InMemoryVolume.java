package org.synapseworkbench.volume;

/** A volume over a block already in memory (generated data, test data, small results). */
public final class InMemoryVolume implements Volume {
    private final String name;
    private final Block block;
    private final double[] resolution;
    private final double[] offset;

    public InMemoryVolume(String name, Block block, double[] resolution) {
        this(name, block, resolution, new double[3]);
    }

    public InMemoryVolume(String name, Block block, double[] resolution, double[] offset) {
        if (block.rank() != 3 && block.rank() != 4) {
            throw new IllegalArgumentException("a volume has rank 3 or 4, not " + block.rank());
        }
        this.name = name;
        this.block = block;
        this.resolution = resolution.clone();
        this.offset = offset.clone();
    }

    /** The block itself (not a copy). */
    public Block block() {
        return block;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return block.shape();
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
        return offset.clone();
    }

    @Override
    public Block read(int[] start, int[] size) {
        Volume.checkBox(this, start, size);
        Block out = Block.zeros(block.type(), size);
        out.copyFrom(block, start, new int[size.length], size);
        return out;
    }
}
