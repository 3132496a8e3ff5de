package org.synapseworkbench.workflow;

import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Volume;

/**
 * A probability map seen as the probability of a synapse whatever its side, (z, y, x), read lazily box by box: a 3-d
 * map as it is; of a map with channels, 1 - background when its {@code channels} attribute says exclusive classes
 * (TARGET_OPT "1-1"), the union channel of a 3-channel map (pre, post, union), else the first channel (clefts). The
 * Review tab's search reads maps through it, so a map opened from a file is searched as the Predict tab's "synapse
 * probability" layer would be.
 */
public final class SynapseProbabilityView implements Volume {
    private final Volume map;
    private final int channel;
    private final boolean complement;

    private SynapseProbabilityView(Volume map, int channel, boolean complement) {
        this.map = map;
        this.channel = channel;
        this.complement = complement;
    }

    /** {@code map} itself when it has no channel axis, else the view of its synapse probability. */
    public static Volume of(Volume map) {
        if (map.rank() != 4) {
            return map;
        }
        if (TargetKind.ofMap(map) == TargetKind.POLARITY_CLASSES) {
            return new SynapseProbabilityView(map, 0, true);
        }
        return new SynapseProbabilityView(map, map.channels() == 3 ? 2 : 0, false);
    }

    @Override
    public String name() {
        return map.name();
    }

    @Override
    public int[] shape() {
        return map.spatialShape();
    }

    @Override
    public DataType type() {
        return map.type();
    }

    @Override
    public int[] chunkShape() {
        int[] c = map.chunkShape();
        return new int[] {c[1], c[2], c[3]};
    }

    @Override
    public double[] resolution() {
        return map.resolution();
    }

    @Override
    public boolean resolutionStored() {
        return map.resolutionStored();
    }

    @Override
    public double[] offset() {
        return map.offset();
    }

    @Override
    public long version() {
        return map.version();
    }

    @Override
    public Block read(int[] start, int[] size) {
        Block b = map.read(new int[] {channel, start[0], start[1], start[2]}, new int[] {1, size[0], size[1], size[2]})
                .leading(size);
        return complement ? complemented(b, Block.zeros(b.type(), size)) : b;
    }

    /** A plane of channel 0 the map's own way (a chunked map copies only the sampled voxels); of others, from a box. */
    @Override
    public Block readSampled(int axis, int index, int[] rows, int[] cols, Block reuse) {
        if (channel != 0) {
            return Volume.super.readSampled(axis, index, rows, cols, reuse);
        }
        Block b = map.readSampled(axis, index, rows, cols, reuse);
        return complement ? complemented(b, b) : b;
    }

    /** {@code out} (same type and size as {@code in}, may be it) filled with 1 - p of {@code in}, in its type's scale. */
    private static Block complemented(Block in, Block out) {
        double one = switch (in.type()) {
            case UINT8 -> 255;
            case UINT16 -> 65535;
            default -> 1;
        };
        int n = in.size();
        for (int i = 0; i < n; i++) {
            out.setDouble(i, one - in.getDouble(i));
        }
        return out;
    }
}
