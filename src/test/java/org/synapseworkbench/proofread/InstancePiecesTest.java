package org.synapseworkbench.proofread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.UserException;

/** Pieces of labels by 26-connectivity, across the 32-voxel cubes they are read in, and the largest id. */
class InstancePiecesTest {
    private static final int D = 3;
    private static final int H = 40;
    private static final int W = 70;

    private static long at(int z, int y, int x) {
        return ((long) z * H + y) * W + x;
    }

    /**
     * Id 5: a row along x at (1, 20, 10..60), crossing cube borders, with a diagonal step to (2, 21, 61); a second,
     * separate piece of id 5 at (0, 5, 5). Ids 3 and 4 (pre and post of synapse 2) touch at (1, 30, 40) / (1, 30, 41).
     */
    private static InMemoryVolume labels(long background) {
        long[] v = new long[D * H * W];
        Arrays.fill(v, background);
        for (int x = 10; x <= 60; x++) {
            v[(int) at(1, 20, x)] = 5;
        }
        v[(int) at(2, 21, 61)] = 5;
        v[(int) at(0, 5, 5)] = 5;
        v[(int) at(1, 30, 40)] = 3;
        v[(int) at(1, 30, 41)] = 4;
        return new InMemoryVolume("labels", Block.wrap(DataType.UINT64, v, D, H, W), new double[] {40, 4, 4});
    }

    @Test
    void followsAPieceAcrossCubesAndDiagonalsButNotToASeparatePieceOfTheSameId() {
        long[] piece = InstancePieces.piece(labels(0), new int[] {1, 20, 33}, id -> id == 5, 1000);
        long[] expected = LongStream.concat(LongStream.rangeClosed(10, 60).map(x -> at(1, 20, (int) x)),
                LongStream.of(at(2, 21, 61))).sorted().toArray();
        assertArrayEquals(expected, piece);
        assertArrayEquals(new long[] {at(0, 5, 5)}, InstancePieces.piece(labels(0), new int[] {0, 5, 5}, id -> id == 5, 1000));
    }

    @Test
    void aSynapsesPreAndPostAreOnePieceWhenBothAreAccepted() {
        long[] synapse = InstancePieces.piece(labels(0), new int[] {1, 30, 41},
                id -> SynapseIds.synapse(id) == 2 && id != 0, 1000);
        assertArrayEquals(new long[] {at(1, 30, 40), at(1, 30, 41)}, synapse);
        assertArrayEquals(new long[] {at(1, 30, 41)}, InstancePieces.piece(labels(0), new int[] {1, 30, 41}, id -> id == 4, 1000));
        assertArrayEquals(new long[] {at(1, 30, 40)}, InstancePieces.withIds(labels(0), synapse, SynapseIds::isPre));
    }

    @Test
    void backgroundGivesNothingAndAnOversizedPieceASentence() {
        assertEquals(0, InstancePieces.piece(labels(0), new int[] {0, 0, 0}, id -> id == 5, 1000).length);
        UserException e = assertThrows(UserException.class,
                () -> InstancePieces.piece(labels(0), new int[] {0, 0, 0}, id -> id == 0, 500));
        assertTrue(e.getMessage().contains("more than 500 voxels"), e.getMessage());
    }

    @Test
    void theLargestIdLeavesOutCremisBackground() {
        assertEquals(5, InstancePieces.largestId(labels(Cremi.NO_CLEFT), new Cancellation()));
        assertEquals(5, InstancePieces.largestId(labels(0), new Cancellation()));
        Cancellation c = new Cancellation();
        c.cancel();
        assertThrows(Cancellation.CancelledException.class, () -> InstancePieces.largestId(labels(0), c));
    }
}
