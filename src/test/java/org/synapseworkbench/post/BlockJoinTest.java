package org.synapseworkbench.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Grid;

/**
 * Post-processing block by block ({@link BlockLabelling}, {@link FacePairs}, {@link BlockJoin}, run here one block
 * after another) against {@code postprocess} on the whole volume: the same partition, pairs of pre and post kept.
 */
class BlockJoinTest {
    /** Every step of the block-wise post-processing, block after block; returns the assembled labels. */
    static Block blockwise(Block map, Grid blocks, BlockLabelling.Settings s) {
        int[] shape = blocks.shape();
        Map<Long, int[][][]> faces = new HashMap<>();
        List<BlockSummary> summaries = new ArrayList<>();
        Map<Long, BlockLabelling.Pieces> pieces = new HashMap<>();
        for (long k = 0; k < blocks.count(); k++) {
            int[] g = blocks.position(k);
            int[][] box = blocks.box(g);
            int[][] region = BlockLabelling.region(shape, box[0], box[1], s);
            BlockLabelling.Pieces p = BlockLabelling.label(read(map, region), region[0], box[0], box[1], s);
            pieces.put(k, p);
            faces.put(k, p.faces());
            summaries.add(p.summary(k, BlockLabelling.sharedFaces(blocks, g), s));
        }
        List<long[][]> pairs = new ArrayList<>();
        for (long k = blocks.count() - 1; k >= 0; k--) {
            pairs.add(FacePairs.find(blocks, k, faces::get, s));
        }
        BlockJoin.Result joined = BlockJoin.join(summaries, pairs, s);
        Block out = Block.zeros(DataType.UINT64, shape);
        for (BlockIds ids : joined.blocks()) {
            int[] g = blocks.position(ids.block());
            int[][] box = blocks.box(g);
            Block b = BlockLabelling.labels(pieces.get(ids.block()), BlockLabelling.sharedFaces(blocks, g), ids, s);
            out.copyFrom(b, new int[3], box[0], box[1]);
        }
        return out;
    }

    private static Block read(Block map, int[][] region) {
        int c = map.dim(0);
        Block b = Block.zeros(map.type(), c, region[1][0], region[1][1], region[1][2]);
        b.copyFrom(map, new int[] {0, region[0][0], region[0][1], region[0][2]}, new int[4],
                new int[] {c, region[1][0], region[1][1], region[1][2]});
        return b;
    }

    @Test
    void voxelsTouchingAcrossACornerAreOneCleftWith26NeighboursAndTwoWith6() {
        Block map = Block.zeros(DataType.UINT8, 1, 2, 2, 2);
        map.setLong(map.index(0, 0, 0, 0), 255);
        map.setLong(map.index(0, 1, 1, 1), 255);
        Grid blocks = new Grid(new int[] {2, 2, 2}, new int[] {1, 1, 1});
        Block joined = blockwise(map, blocks, BlockLabelling.Settings.cleft(0.5, 26, 2));
        assertEquals(1, joined.getLong(0), "two voxels, one cleft of size 2 across 8 blocks");
        assertEquals(1, joined.getLong(7));
        Block apart = blockwise(map, blocks, BlockLabelling.Settings.cleft(0.5, 6, 1));
        assertEquals(1, apart.getLong(0));
        assertEquals(2, apart.getLong(7), "the second cleft numbered in the last block");
        Block dropped = blockwise(map, blocks, BlockLabelling.Settings.cleft(0.5, 6, 2));
        assertEquals(0, dropped.getLong(0), "each alone is under 2 voxels");
        assertEquals(0, dropped.getLong(7));
    }

    @Test
    void aSingleBlockNumbersAsPostprocess() {
        Block map = TestMaps.randomPolarity(new Random(3), new int[] {8, 30, 30}, 6, false);
        BlockLabelling.Settings s = BlockLabelling.Settings.polarity(new Polarity2Instance.Options(false, 0.5, 12, new int[] {1, 5, 5}));
        Block whole = Polarity2Instance.instances(map, s.polarityOptions());
        assertTrue(whole.contentEquals(blockwise(map, new Grid(new int[] {8, 30, 30}, new int[] {8, 30, 30}), s)));
    }

    @Test
    void cleftsAcrossBlockFacesEdgesAndCornersAreThoseOfTheWholeVolume() {
        for (int seed = 0; seed < 6; seed++) {
            int[] shape = {11, 37, 41};
            Block map = TestMaps.randomClefts(new Random(seed), shape, 25);
            Grid blocks = new Grid(shape, new int[] {4, 16, 16});
            for (int connectivity : new int[] {6, 26}) {
                Block whole = CleftInstances.toBlock(CleftInstances.of(map, 0.5, connectivity, 10), 0);
                int n = TestMaps.assertSamePartition(whole, blockwise(map, blocks, BlockLabelling.Settings.cleft(0.5, connectivity, 10)));
                assertTrue(n > 5, "seed " + seed + ": " + n + " clefts");
            }
        }
    }

    @Test
    void synapsesAcrossBlocksAreThoseOfTheWholeVolumeWithPreAndPostPaired() {
        for (int seed = 0; seed < 8; seed++) {
            boolean exclusive = seed % 2 == 1;
            int[] shape = {9, 64, 57};
            Block map = TestMaps.randomPolarity(new Random(seed), shape, 14, exclusive);
            BlockLabelling.Settings s = BlockLabelling.Settings.polarity(new Polarity2Instance.Options(exclusive, 0.5, 8,
                    seed < 3 ? new int[] {1, 5, 5} : new int[] {2, 4, 3},
                    seed >= 6 ? Polarity2Instance.SideRule.LARGER : Polarity2Instance.SideRule.THRESHOLDS));
            Block whole = Polarity2Instance.instances(map, s.polarityOptions());
            Block joined = blockwise(map, new Grid(shape, new int[] {3, 11, 16}), s);
            int ids = TestMaps.assertSamePartition(whole, joined);
            int synapses = TestMaps.assertSamePartition(TestMaps.synapses(whole), TestMaps.synapses(joined));
            for (int i = 0; i < whole.size(); i++) {
                assertEquals(whole.getLong(i) % 2, joined.getLong(i) % 2, "pre and post differ at voxel " + i);
            }
            assertTrue(synapses > 3 && ids > synapses, "seed " + seed + ": " + synapses + " synapses, " + ids + " sides");
        }
    }

    @Test
    void facingAcrossBlocksIsThatOfTheWholeVolume() {
        int[] shape = {4, 150, 170};
        int mended = 0;
        for (int seed = 0; seed < 4; seed++) {
            boolean exclusive = seed % 2 == 0;
            Block map = TestMaps.randomPolarity(new Random(seed), shape, 60, exclusive);
            Polarity2Instance.Options o = new Polarity2Instance.Options(exclusive, 0.5, 4, new int[] {1, 5, 5},
                    Polarity2Instance.SideRule.THRESHOLDS, true);
            BlockLabelling.Settings s = BlockLabelling.Settings.polarity(o);
            Block whole = Polarity2Instance.instances(map, o);
            Block kept = Polarity2Instance.instances(map, o.withFacing(false));
            for (int i = 0; i < whole.size(); i++) {
                mended += kept.getLong(i) % 2 == 1 && whole.getLong(i) % 2 == 0 ? 1 : 0;
            }
            // blocks much smaller than the rule's reach: each block's decisions rest on the halo read around it
            Block joined = blockwise(map, new Grid(shape, new int[] {2, 40, 45}), s);
            TestMaps.assertSamePartition(whole, joined);
            for (int i = 0; i < whole.size(); i++) {
                assertEquals(whole.getLong(i) % 2, joined.getLong(i) % 2, "seed " + seed + ": pre and post differ at voxel " + i);
                assertEquals(whole.getLong(i) == 0, joined.getLong(i) == 0, "seed " + seed + ": background differs at voxel " + i);
            }
        }
        assertTrue(mended > 20, mended + " pre voxels mended");
    }
}
