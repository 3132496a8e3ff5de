package org.synapseworkbench.post;

import java.util.Arrays;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

/**
 * PyTC's {@code polarity2instance}: pre- and post-synaptic masks from a 3-channel probability map, and synapse
 * instances where synapse n has pre id 2n-1 and post id 2n.
 * <ol>
 * <li>Masks: channel c above the threshold (uint8 maps: above int(255 x thres)); exclusive maps ("1-1": background,
 * pre, post) take the channel of highest value instead (the first on ties) and the union is "not background".
 * <li>pre = mask0 and union, post = mask1 and union; 6-connected pieces under {@code minSize} voxels removed. With
 * {@link SideRule#LARGER} (not PyTC's) every union voxel takes the side whose channel is larger instead. With
 * {@link Options#facing} (not PyTC's) pre voxels lying behind the post side are mended first: post next to it, else
 * background ({@link FacingSides}).
 * <li>Semantic output: 1 for pre, 2 for post (post wins where both).
 * <li>Instances: the union dilated by a (1, 5, 5) box, cut into 6-connected components 1..n; a pre voxel of
 * component n gets 2n-1, a post voxel 2n (post wins where both).
 * </ol>
 */
public final class Polarity2Instance {
    /** The union's dilation before cutting it into synapses, (z, y, x) voxels. */
    public static final int[] DEFAULT_DILATION = {1, 5, 5};

    /** How a voxel of the union (pre, post, union channels) gets its side. */
    public enum SideRule {
        /** PyTC's: pre where the pre channel passes the threshold, post where the post channel does, post where both. */
        THRESHOLDS,
        /**
         * The union says where a synapse is, the side channels only which side: every union voxel takes the larger of
         * the pre and post channels (post on ties). A side channel less sure than the union leaves no hole in it.
         */
        LARGER;

        /** The rule a command line names: thresholds or larger. */
        public static SideRule of(String name) {
            return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "thresholds" -> THRESHOLDS;
                case "larger" -> LARGER;
                default -> throw new IllegalArgumentException("--sides " + name + " is not thresholds or larger.");
            };
        }
    }

    /**
     * Settings of the conversion.
     *
     * @param exclusive the map holds exclusive classes (background, pre, post) rather than pre, post, union channels
     * @param threshold probability above which a voxel is in a mask (PyTC's thres, 0.5)
     * @param minSize pieces of pre or post smaller than this are dropped (PyTC's thres_small, 128)
     * @param dilation box that joins the pre and post of one synapse (1, 5, 5)
     * @param sides how union voxels get their side (exclusive maps take the largest class whatever this says)
     * @param facing mend the pre voxels that lie behind the post side ({@link FacingSides}; PyTC keeps them)
     */
    public record Options(boolean exclusive, double threshold, int minSize, int[] dilation, SideRule sides, boolean facing) {
        /** PyTC's side rule. */
        public Options(boolean exclusive, double threshold, int minSize, int[] dilation) {
            this(exclusive, threshold, minSize, dilation, SideRule.THRESHOLDS);
        }

        /** Every pre voxel kept, as PyTC. */
        public Options(boolean exclusive, double threshold, int minSize, int[] dilation, SideRule sides) {
            this(exclusive, threshold, minSize, dilation, sides, false);
        }

        public static Options defaults() {
            return new Options(false, 0.5, 128, DEFAULT_DILATION);
        }

        public Options withSides(SideRule rule) {
            return new Options(exclusive, threshold, minSize, dilation, rule, facing);
        }

        public Options withFacing(boolean drop) {
            return new Options(exclusive, threshold, minSize, dilation, sides, drop);
        }
    }

    /** The pre and post masks after steps 1 and 2, and the union of step 1. */
    public record Masks(boolean[] pre, boolean[] post, boolean[] union, int[] shape) {
    }

    private Polarity2Instance() {
    }

    /** Steps 1 and 2 on a (3, z, y, x) probability map. */
    public static Masks masks(Block probabilities, Options options) {
        Masks m = sides(probabilities, options);
        boolean[] pre = ConnectedComponents.label(m.pre, m.shape, 6).withoutSmall(options.minSize).mask();
        boolean[] post = ConnectedComponents.label(m.post, m.shape, 6).withoutSmall(options.minSize).mask();
        return new Masks(pre, post, m.union, m.shape);
    }

    /**
     * Step 1 and the sides of step 2 before small pieces are dropped (pre = mask0 and union, post = mask1 and union;
     * with {@link Options#facing} the pre voxels behind the post side mended).
     */
    public static Masks sides(Block probabilities, Options options) {
        if (probabilities.rank() != 4 || probabilities.dim(0) != 3) {
            throw new IllegalArgumentException("polarity needs a map of 3 channels (c, z, y, x), not " + probabilities);
        }
        int[] shape = Arrays.copyOfRange(probabilities.shape(), 1, 4);
        int n = shape[0] * shape[1] * shape[2];
        boolean[][] m = new boolean[3][n];
        if (options.exclusive) {
            for (int i = 0; i < n; i++) {
                double b = probabilities.getDouble(i);
                double pre = probabilities.getDouble(n + i);
                double post = probabilities.getDouble(2 * n + i);
                int k = pre > b ? (post > pre ? 2 : 1) : (post > b ? 2 : 0);
                m[0][i] = k == 1;
                m[1][i] = k == 2;
                m[2][i] = k != 0;
            }
        } else {
            boolean bytes = probabilities.type() == DataType.UINT8;
            double t = bytes ? Math.floor(255.0 * options.threshold) : options.threshold;
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < n; i++) {
                    m[c][i] = probabilities.getDouble(c * n + i) > t;
                }
            }
        }
        boolean[] pre = new boolean[n];
        boolean[] post = new boolean[n];
        boolean larger = !options.exclusive && options.sides == SideRule.LARGER;
        for (int i = 0; i < n; i++) {
            if (larger) {
                boolean preWins = probabilities.getDouble(i) > probabilities.getDouble(n + i);
                pre[i] = m[2][i] && preWins;
                post[i] = m[2][i] && !preWins;
            } else {
                pre[i] = m[0][i] && m[2][i];
                post[i] = m[1][i] && m[2][i];
            }
        }
        if (options.facing) {
            FacingSides.mend(pre, post, m[2], shape);
        }
        return new Masks(pre, post, m[2], shape);
    }

    /**
     * The probability of a synapse whatever its side, (z, y, x) of the map's type (uint8 or float32): the union
     * channel, or for exclusive classes 1 - background.
     */
    public static Block synapseProbability(Block probabilities, boolean exclusive) {
        int[] s = probabilities.shape();
        int n = s[1] * s[2] * s[3];
        boolean bytes = probabilities.type() == DataType.UINT8;
        Block out = Block.zeros(bytes ? DataType.UINT8 : DataType.FLOAT32, s[1], s[2], s[3]);
        double one = bytes ? 255 : 1;
        for (int i = 0; i < n; i++) {
            out.setDouble(i, exclusive ? one - probabilities.getDouble(i) : probabilities.getDouble(2 * n + i));
        }
        return out;
    }

    /** Semantic labels (uint8, z, y, x): 0 background, 1 pre, 2 post. */
    public static Block semantic(Block probabilities, Options options) {
        Masks m = masks(probabilities, options);
        Block out = Block.zeros(DataType.UINT8, m.shape);
        byte[] v = out.bytes();
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (m.post[i] ? 2 : m.pre[i] ? 1 : 0);
        }
        return out;
    }

    /** Synapse instances (uint64, z, y, x): 0 background, 2n-1 pre and 2n post of synapse n. */
    public static Block instances(Block probabilities, Options options) {
        Masks m = masks(probabilities, options);
        boolean[] foreground = Dilation.box(m.union, m.shape, options.dilation);
        int[] cc = ConnectedComponents.label(foreground, m.shape, 6).labels();
        Block out = Block.zeros(DataType.UINT64, m.shape);
        long[] v = out.longs();
        for (int i = 0; i < v.length; i++) {
            v[i] = m.post[i] ? 2L * cc[i] : m.pre[i] ? 2L * cc[i] - 1 : 0;
        }
        return out;
    }
}
