package org.synapseworkbench.post;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import org.synapseworkbench.volume.Grid;

/**
 * Pieces of neighbouring blocks that touch: for each voxel on a shared face of a block, its neighbours (6 or 26, as
 * the kind's connectivity) across that face in blocks of higher number, looked up in those blocks' face planes
 * ({@link BlockLabelling.Pieces#faces()}). Every touching pair of blocks, across a face, an edge or a corner, is thus
 * seen once, from its lower-numbered block.
 */
public final class FacePairs {
    private FacePairs() {
    }

    /** The key of piece {@code label} of block {@code block}: unique in the volume, ordered by block, then label. */
    public static long key(long block, int label) {
        return block << 32 | label;
    }

    /** The block of a piece's key. */
    public static long block(long key) {
        return key >>> 32;
    }

    /**
     * The touching pieces of block {@code k} and its higher-numbered neighbours, per kind: pairs of keys, flattened
     * ({@code a0, b0, a1, b1, ...}), each pair once.
     *
     * @param faces the face planes of a block by number (called for {@code k} and its neighbours)
     */
    public static long[][] find(Grid blocks, long k, LongFunction<int[][][]> faces, BlockLabelling.Settings s) {
        int[] g = blocks.position(k);
        int[][] box = blocks.box(g);
        int[] lo = box[0];
        int[] size = box[1];
        int[] shape = blocks.shape();
        boolean[] shared = BlockLabelling.sharedFaces(blocks, g);
        int[][][] own = faces.apply(k);
        Map<Long, int[][][]> near = new HashMap<>();
        long[][] pairs = new long[s.kinds()][];
        for (int kind = 0; kind < s.kinds(); kind++) {
            int[][] offsets = offsets(s.connectivity(kind));
            Set<Pair> found = new LinkedHashSet<>();
            for (int a = 0; a < 3; a++) {
                int u = a == 0 ? 1 : 0;
                int v = a == 2 ? 1 : 2;
                for (int side = 0; side < 2; side++) {
                    if (!shared[2 * a + side]) {
                        continue;
                    }
                    int step = side == 0 ? -1 : 1;
                    int[] plane = own[kind][2 * a + side];
                    int[] p = new int[3];
                    int[] q = new int[3];
                    p[a] = lo[a] + (side == 0 ? 0 : size[a] - 1);
                    for (int i = 0; i < size[u]; i++) {
                        for (int j = 0; j < size[v]; j++) {
                            int label = plane[i * size[v] + j];
                            if (label == 0) {
                                continue;
                            }
                            p[u] = lo[u] + i;
                            p[v] = lo[v] + j;
                            for (int[] o : offsets) {
                                if (o[a] != step) {
                                    continue;
                                }
                                boolean inside = true;
                                for (int b = 0; b < 3; b++) {
                                    q[b] = p[b] + o[b];
                                    inside &= q[b] >= 0 && q[b] < shape[b];
                                }
                                if (!inside) {
                                    continue;
                                }
                                int[] gq = {q[0] / blocks.cell()[0], q[1] / blocks.cell()[1], q[2] / blocks.cell()[2]};
                                long other = blocks.index(gq);
                                if (other <= k) {
                                    continue;
                                }
                                int[][] otherBox = blocks.box(gq);
                                int[] otherFace = near.computeIfAbsent(other, faces::apply)[kind][2 * a + 1 - side];
                                int w = otherBox[1][v];
                                int b = otherFace[(q[u] - otherBox[0][u]) * w + q[v] - otherBox[0][v]];
                                if (b != 0) {
                                    found.add(new Pair(key(k, label), key(other, b)));
                                }
                            }
                        }
                    }
                }
            }
            pairs[kind] = new long[2 * found.size()];
            int n = 0;
            for (Pair pair : found) {
                pairs[kind][n++] = pair.a;
                pairs[kind][n++] = pair.b;
            }
        }
        return pairs;
    }

    private record Pair(long a, long b) {
    }

    /** The neighbour offsets of a connectivity: 6 (faces) or 26 (and edges and corners). */
    static int[][] offsets(int connectivity) {
        int[][] out = new int[connectivity][];
        int n = 0;
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int moved = Math.abs(dz) + Math.abs(dy) + Math.abs(dx);
                    if (moved != 0 && (connectivity == 26 || moved == 1)) {
                        out[n++] = new int[] {dz, dy, dx};
                    }
                }
            }
        }
        return out;
    }
}
