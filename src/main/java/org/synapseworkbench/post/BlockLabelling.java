package org.synapseworkbench.post;

import java.io.Serializable;
import java.util.Arrays;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Grid;

/**
 * Post-processing of a probability map cut into blocks, for maps too large for one machine: each block is labelled
 * alone ({@link #label}: its masks, from the map read with {@link Settings#halo()} around it so that the polarity
 * dilation is the whole volume's, cut into connected components within the block); {@link FacePairs} finds the pieces
 * that touch across the faces between blocks; {@link BlockJoin} joins them and numbers the instances; {@link #labels}
 * writes a block's final ids. The result is the partition {@code postprocess} makes of the whole volume: clefts as
 * {@link CleftInstances#of}, synapses as {@link Polarity2Instance#instances} (pre 2n-1, post 2n).
 * <p>
 * Ids are numbered block by block (blocks in C order; in a block, first its pieces wholly inside it in raster order of
 * their first voxel, then those that continue into later blocks): on a single block they are {@code postprocess}'s.
 */
public final class BlockLabelling {
    /** Kinds of pieces of polarity: pre sides, post sides, synapses (the dilated union). Clefts are kind 0 alone. */
    public static final int PRE = 0;
    public static final int POST = 1;
    public static final int SYNAPSES = 2;

    /**
     * What the map is cut into.
     *
     * @param polarity a 3-channel polarity map into synapses; else channel 0 into clefts
     * @param threshold probability above which a voxel counts
     * @param connectivity clefts: 6 or 26 (polarity: 6, as PyTC)
     * @param minSize clefts, and pre and post pieces, smaller than this are dropped
     * @param exclusive polarity map of exclusive classes (background, pre, post)
     * @param dilation polarity: the box that joins pre and post of one synapse
     * @param sides polarity: how union voxels get their side
     * @param facing polarity: mend the pre voxels behind the post side ({@link FacingSides})
     */
    public record Settings(boolean polarity, double threshold, int connectivity, int minSize, boolean exclusive,
            int[] dilation, Polarity2Instance.SideRule sides, boolean facing) implements Serializable {
        public static Settings cleft(double threshold, int connectivity, int minSize) {
            return new Settings(false, threshold, connectivity, minSize, false, new int[] {1, 1, 1},
                    Polarity2Instance.SideRule.THRESHOLDS, false);
        }

        public static Settings polarity(Polarity2Instance.Options o) {
            return new Settings(true, o.threshold(), 6, o.minSize(), o.exclusive(), o.dilation().clone(), o.sides(),
                    o.facing());
        }

        /** Kinds of pieces: 1 (clefts) or 3 (pre, post, synapses). */
        public int kinds() {
            return polarity ? 3 : 1;
        }

        int connectivity(int kind) {
            return polarity ? 6 : connectivity;
        }

        /** Whether pieces of this kind under {@link #minSize} voxels (in the whole volume) are dropped. */
        public boolean sized(int kind) {
            return !polarity || kind != SYNAPSES;
        }

        /** The kind whose pieces are numbered: clefts, or the synapses of polarity. */
        public int numbered() {
            return polarity ? SYNAPSES : 0;
        }

        /**
         * Voxels of the map needed beyond a block on each side (z, y, x): the dilation's reach, and in y and x the
         * facing rule's besides.
         */
        public int[] halo() {
            int plane = facing ? FacingSides.HALO : 0;
            return polarity ? new int[] {dilation[0] / 2, dilation[1] / 2 + plane, dilation[2] / 2 + plane} : new int[3];
        }

        Polarity2Instance.Options polarityOptions() {
            return new Polarity2Instance.Options(exclusive, threshold, minSize, dilation, sides, facing);
        }
    }

    /**
     * One block's connected components, per kind, within the block's box.
     *
     * @param start the box's first voxel in the volume
     * @param size the box's shape
     */
    public record Pieces(Components[] kinds, int[] start, int[] size) {
        /**
         * The labels on the box's faces: {@code [kind][2 * axis + side]} (side 0 the low face), each plane over the other
         * two axes in their order (row-major).
         */
        public int[][][] faces() {
            int[][][] f = new int[kinds.length][6][];
            for (int k = 0; k < kinds.length; k++) {
                for (int a = 0; a < 3; a++) {
                    for (int side = 0; side < 2; side++) {
                        f[k][2 * a + side] = plane(kinds[k].labels(), a, side == 0 ? 0 : size[a] - 1);
                    }
                }
            }
            return f;
        }

        private int[] plane(int[] labels, int axis, int at) {
            int u = axis == 0 ? 1 : 0;
            int v = axis == 2 ? 1 : 2;
            int[] out = new int[size[u] * size[v]];
            int[] p = new int[3];
            p[axis] = at;
            for (int i = 0; i < size[u]; i++) {
                for (int j = 0; j < size[v]; j++) {
                    p[u] = i;
                    p[v] = j;
                    out[i * size[v] + j] = labels[(p[0] * size[1] + p[1]) * size[2] + p[2]];
                }
            }
            return out;
        }

        /** Per kind, which labels lie on a face the block shares with another ({@code shared[2 * axis + side]}). */
        boolean[][] onSharedFaces(boolean[] shared) {
            int[][][] f = faces();
            boolean[][] on = new boolean[kinds.length][];
            for (int k = 0; k < kinds.length; k++) {
                on[k] = new boolean[kinds[k].count() + 1];
                for (int face = 0; face < 6; face++) {
                    if (shared[face]) {
                        for (int l : f[k][face]) {
                            on[k][l] = true;
                        }
                    }
                }
                on[k][0] = false;
            }
            return on;
        }

        /** What the join needs of this block, block number {@code block}. */
        public BlockSummary summary(long block, boolean[] shared, Settings s) {
            boolean[][] on = onSharedFaces(shared);
            int[][] labels = new int[kinds.length][];
            long[][] sizes = new long[kinds.length][];
            for (int k = 0; k < kinds.length; k++) {
                labels[k] = indices(on[k]);
                sizes[k] = new long[labels[k].length];
                for (int i = 0; i < labels[k].length; i++) {
                    sizes[k][i] = kinds[k].sizes()[labels[k][i]];
                }
            }
            int n = s.numbered();
            long inside = 0;
            for (int l = 1; l <= kinds[n].count(); l++) {
                if (!on[n][l] && kept(kinds[n].sizes()[l], n, s)) {
                    inside++;
                }
            }
            return new BlockSummary(block, labels, sizes, inside);
        }
    }

    private BlockLabelling() {
    }

    /** Which faces of the block at grid position {@code g} border another block: {@code [2 * axis + side]}. */
    public static boolean[] sharedFaces(Grid blocks, int[] g) {
        int[] n = blocks.counts();
        boolean[] shared = new boolean[6];
        for (int a = 0; a < 3; a++) {
            shared[2 * a] = g[a] > 0;
            shared[2 * a + 1] = g[a] < n[a] - 1;
        }
        return shared;
    }

    /**
     * Where to read the map for the box ({@code start}, {@code size}) of a volume of {@code shape}: the box widened by
     * the halo, cut to the volume. Returns start, then size.
     */
    public static int[][] region(int[] shape, int[] start, int[] size, Settings s) {
        int[] halo = s.halo();
        int[] from = new int[3];
        int[] extent = new int[3];
        for (int a = 0; a < 3; a++) {
            from[a] = Math.max(0, start[a] - halo[a]);
            extent[a] = Math.min(shape[a], start[a] + size[a] + halo[a]) - from[a];
        }
        return new int[][] {from, extent};
    }

    /**
     * The pieces of the box ({@code start}, {@code size}) from {@code map}, the part of the probability map
     * ((c, z, y, x), or (z, y, x) for clefts) that {@link #region} names, starting at {@code mapStart}.
     */
    public static Pieces label(Block map, int[] mapStart, int[] start, int[] size, Settings s) {
        int[] shape = CleftInstances.spatialShape(map);
        int[] offset = new int[3];
        for (int a = 0; a < 3; a++) {
            offset[a] = start[a] - mapStart[a];
            if (offset[a] < 0 || offset[a] + size[a] > shape[a]) {
                throw new IllegalArgumentException("the map read from " + Arrays.toString(mapStart) + " of " + Arrays.toString(shape)
                        + " does not hold the box " + Arrays.toString(start) + " of " + Arrays.toString(size));
            }
        }
        if (!s.polarity()) {
            boolean[] m = crop(CleftInstances.mask(map, s.threshold()), shape, offset, size);
            return new Pieces(new Components[] {ConnectedComponents.label(m, size, s.connectivity())}, start.clone(), size.clone());
        }
        Polarity2Instance.Masks sides = Polarity2Instance.sides(map, s.polarityOptions());
        boolean[] synapses = Dilation.box(sides.union(), shape, s.dilation());
        Components[] c = new Components[3];
        c[PRE] = ConnectedComponents.label(crop(sides.pre(), shape, offset, size), size, 6);
        c[POST] = ConnectedComponents.label(crop(sides.post(), shape, offset, size), size, 6);
        c[SYNAPSES] = ConnectedComponents.label(crop(synapses, shape, offset, size), size, 6);
        return new Pieces(c, start.clone(), size.clone());
    }

    /**
     * The block's final labels (uint64, z, y, x; background 0): the pieces of {@code p}, a block whose faces
     * {@code shared} border others, numbered as the join decided ({@code ids}).
     */
    public static Block labels(Pieces p, boolean[] shared, BlockIds ids, Settings s) {
        boolean[][] on = p.onSharedFaces(shared);
        long[][] value = new long[p.kinds().length][];
        for (int k = 0; k < value.length; k++) {
            Components c = p.kinds()[k];
            int[] faceLabels = ids.faceLabels()[k];
            long[] faceValues = ids.faceValues()[k];
            value[k] = new long[c.count() + 1];
            for (int i = 0; i < faceLabels.length; i++) {
                if (!on[k][faceLabels[i]]) {
                    throw new IllegalStateException("the block's pieces differ from those joined (label " + faceLabels[i] + ")");
                }
                value[k][faceLabels[i]] = faceValues[i];
            }
            long next = ids.firstId();
            for (int l = 1; l <= c.count(); l++) {
                if (!on[k][l]) {
                    boolean keep = kept(c.sizes()[l], k, s);
                    value[k][l] = k == s.numbered() ? (keep ? next++ : 0) : keep ? 1 : 0;
                }
            }
        }
        Block out = Block.zeros(DataType.UINT64, p.size());
        long[] v = out.longs();
        if (!s.polarity()) {
            int[] labels = p.kinds()[0].labels();
            for (int i = 0; i < v.length; i++) {
                v[i] = value[0][labels[i]];
            }
            return out;
        }
        int[] pre = p.kinds()[PRE].labels();
        int[] post = p.kinds()[POST].labels();
        int[] syn = p.kinds()[SYNAPSES].labels();
        for (int i = 0; i < v.length; i++) {
            long n = value[SYNAPSES][syn[i]];
            v[i] = value[POST][post[i]] != 0 ? 2 * n : value[PRE][pre[i]] != 0 ? 2 * n - 1 : 0;
        }
        return out;
    }

    static boolean kept(long size, int kind, Settings s) {
        return !s.sized(kind) || size >= s.minSize();
    }

    private static int[] indices(boolean[] set) {
        int n = 0;
        for (boolean b : set) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < set.length; i++) {
            if (set[i]) {
                out[n++] = i;
            }
        }
        return out;
    }

    /** The box ({@code offset}, {@code size}) of a (z, y, x) mask of {@code shape}. */
    static boolean[] crop(boolean[] m, int[] shape, int[] offset, int[] size) {
        if (Arrays.equals(shape, size)) {
            return m;
        }
        boolean[] out = new boolean[size[0] * size[1] * size[2]];
        for (int z = 0; z < size[0]; z++) {
            for (int y = 0; y < size[1]; y++) {
                System.arraycopy(m, ((z + offset[0]) * shape[1] + y + offset[1]) * shape[2] + offset[2], out,
                        (z * size[1] + y) * size[2], size[2]);
            }
        }
        return out;
    }
}
