package org.synapseworkbench.proofread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;

/** Brush footprints and paired polarity ids, by hand. */
class BrushAndIdsTest {
    private static final int[] SHAPE = {3, 5, 6};

    private static long i(int z, int y, int x) {
        return ((long) z * SHAPE[1] + y) * SHAPE[2] + x;
    }

    @Test
    void aDabIsADiskClippedToTheVolume() {
        // radius 1 at (2, 2): the plus of five voxels
        assertArrayEquals(new long[] {i(1, 1, 2), i(1, 2, 1), i(1, 2, 2), i(1, 2, 3), i(1, 3, 2)},
                new Brush(1, 1).stroke(SHAPE, 1, new int[] {2, 2}));
        // at the corner only the voxels inside remain
        assertArrayEquals(new long[] {i(0, 0, 0), i(0, 0, 1), i(0, 1, 0)}, new Brush(1, 1).stroke(SHAPE, 0, new int[] {0, 0}));
        // three sections deep on the first section: sections 0 and 1 only
        assertArrayEquals(new long[] {i(0, 4, 5), i(1, 4, 5)}, new Brush(0, 3).stroke(SHAPE, 0, new int[] {4, 5}));
    }

    @Test
    void aStrokeFillsTheGapsBetweenItsPoints() {
        // from (0, 0) to (0, 5) with a single-voxel brush: the whole first row
        assertArrayEquals(new long[] {i(2, 0, 0), i(2, 0, 1), i(2, 0, 2), i(2, 0, 3), i(2, 0, 4), i(2, 0, 5)},
                new Brush(0, 1).stroke(SHAPE, 2, new int[] {0, 0, 0, 5}));
        assertThrows(IllegalArgumentException.class, () -> new Brush(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Brush(1, 1).stroke(SHAPE, 0, new int[] {1}));
    }

    @Test
    void paintingASideKeepsTheSynapsePaired() {
        assertEquals(3, SynapseIds.synapse(5));
        assertEquals(3, SynapseIds.synapse(6));
        assertEquals(6, SynapseIds.partner(5));
        assertEquals(5, SynapseIds.partner(6));
        assertEquals(4, SynapseIds.newSynapse(6), "ids up to 6 (synapse 3) are taken");
        assertEquals(5, SynapseIds.newSynapse(7), "7 is the pre side of synapse 4, so 4 is taken");
        assertEquals(1, SynapseIds.newSynapse(0));
        assertThrows(IllegalArgumentException.class, () -> SynapseIds.partner(0));

        // a new synapse painted into polarity labels: its pre side and post side
        EditedLabels l = new EditedLabels(new InMemoryVolume("polarity", Block.zeros(DataType.UINT64, SHAPE), new double[] {1, 1, 1}));
        long n = SynapseIds.newSynapse(0);
        l.set("pre of synapse " + n, new Brush(0, 1).stroke(SHAPE, 1, new int[] {1, 1}), SynapseIds.pre(n));
        long pre = l.read(new int[] {1, 1, 1}, new int[] {1, 1, 1}).getLong(0);
        l.set("post of synapse " + n, new Brush(0, 1).stroke(SHAPE, 1, new int[] {1, 2}), SynapseIds.partner(pre));
        Block row = l.read(new int[] {1, 1, 0}, new int[] {1, 1, 4});
        assertArrayEquals(new long[] {0, 1, 2, 0}, row.longs(), "ids 1 and 2: synapse 1, pre and post");
    }
}
