package org.synapseworkbench.post;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The join of pieces across blocks, on one machine: the pieces on shared faces of every block
 * ({@link BlockSummary}) are joined by the touching pairs ({@link FacePairs}) in a union-find, their sizes summed
 * over the blocks they span (small pre, post and cleft instances are dropped by their size in the whole volume), and
 * the instances numbered 1..n block by block: each block's pieces wholly inside it, then the instances whose first
 * piece (lowest block, lowest label) is in it. Memory grows with the pieces on faces, not with the volume.
 */
public final class BlockJoin {
    /** Each block's ids (in block order) and the instances in all. */
    public record Result(List<BlockIds> blocks, long instances) {
    }

    private BlockJoin() {
    }

    /**
     * Joins the blocks.
     *
     * @param summaries every block's summary, blocks 0..n-1 in any order
     * @param pairs the pairs of every block ({@link FacePairs#find}), in any order
     */
    public static Result join(List<BlockSummary> summaries, List<long[][]> pairs, BlockLabelling.Settings s) {
        BlockSummary[] byBlock = new BlockSummary[summaries.size()];
        for (BlockSummary b : summaries) {
            if (b.block() < 0 || b.block() >= byBlock.length || byBlock[(int) b.block()] != null) {
                throw new IllegalArgumentException("block " + b.block() + " is missing, repeated or out of 0.." + (byBlock.length - 1));
            }
            byBlock[(int) b.block()] = b;
        }
        int blocks = byBlock.length;
        int kinds = s.kinds();
        long[][][] values = new long[kinds][][];
        long[] firstId = new long[blocks];
        long instances = 0;
        for (int kind = 0; kind < kinds; kind++) {
            int n = 0;
            for (BlockSummary b : byBlock) {
                n += b.faceLabels()[kind].length;
            }
            long[] keys = new long[n];
            long[] total = new long[n];
            int i = 0;
            for (BlockSummary b : byBlock) {
                for (int j = 0; j < b.faceLabels()[kind].length; j++) {
                    keys[i] = FacePairs.key(b.block(), b.faceLabels()[kind][j]);
                    total[i++] = b.faceSizes()[kind][j];
                }
            }
            UnionFind sets = new UnionFind(n);
            for (long[][] p : pairs) {
                long[] pk = p[kind];
                for (int j = 0; j < pk.length; j += 2) {
                    sets.union(indexOf(keys, pk[j]), indexOf(keys, pk[j + 1]));
                }
            }
            int[] root = new int[n];
            for (i = 0; i < n; i++) {
                root[i] = sets.find(i);
                if (root[i] != i) {
                    total[root[i]] += total[i];
                }
            }
            boolean numbered = kind == s.numbered();
            long[] id = new long[n];
            if (numbered) {
                // the roots are each instance's first piece (union-find keeps the lowest index, keys are in order)
                long[] owned = new long[blocks];
                for (i = 0; i < n; i++) {
                    if (root[i] == i && BlockLabelling.kept(total[i], kind, s)) {
                        id[i] = owned[(int) FacePairs.block(keys[i])]++; // rank among the block's own, for now
                    }
                }
                long next = 1;
                for (int b = 0; b < blocks; b++) {
                    firstId[b] = next;
                    next += byBlock[b].inside() + owned[b];
                }
                instances = next - 1;
                for (i = 0; i < n; i++) {
                    if (root[i] == i && BlockLabelling.kept(total[i], kind, s)) {
                        int b = (int) FacePairs.block(keys[i]);
                        id[i] += firstId[b] + byBlock[b].inside();
                    }
                }
            }
            values[kind] = new long[blocks][];
            i = 0;
            for (int b = 0; b < blocks; b++) {
                long[] v = new long[byBlock[b].faceLabels()[kind].length];
                for (int j = 0; j < v.length; j++, i++) {
                    boolean keep = BlockLabelling.kept(total[root[i]], kind, s);
                    v[j] = numbered ? (keep ? id[root[i]] : 0) : keep ? 1 : 0;
                }
                values[kind][b] = v;
            }
        }
        List<BlockIds> out = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            long[][] v = new long[kinds][];
            for (int kind = 0; kind < kinds; kind++) {
                v[kind] = values[kind][b];
            }
            out.add(new BlockIds(b, firstId[b], byBlock[b].faceLabels(), v));
        }
        return new Result(out, instances);
    }

    private static int indexOf(long[] keys, long key) {
        int i = Arrays.binarySearch(keys, key);
        if (i < 0) {
            throw new IllegalArgumentException("piece " + FacePairs.block(key) + ":" + (int) key + " touches another block "
                    + "but its block did not list it on a shared face");
        }
        return i;
    }
}
