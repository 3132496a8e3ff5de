package org.synapseworkbench.post;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

class Polarity2InstanceTest {
    /** One plane of 2 x 20: channel values from strings, '#' = 200, '+' = 128, '.' = 10 (127 is the cut). */
    private static Block map(String[] pre, String[] post, String[] union) {
        String[][] channels = {pre, post, union};
        Block b = Block.zeros(DataType.UINT8, 3, 1, 2, 20);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 20; x++) {
                    char ch = channels[c][y].charAt(x);
                    b.setLong(b.index(c, 0, y, x), ch == '#' ? 200 : ch == '+' ? 128 : 10);
                }
            }
        }
        return b;
    }

    private static final Block MAP = map(
            new String[] {"..###.........###...", "..###.........###..#"},
            new String[] {".....+##............", ".....###............"},
            new String[] {"..######......###..#", "..######......###..#"});

    private static final Polarity2Instance.Options OPTIONS = new Polarity2Instance.Options(false, 0.5, 2, new int[] {1, 5, 5});

    @Test
    void preAndPostOfOneSynapseGetOddAndEvenIds() {
        Block seg = Polarity2Instance.instances(MAP, OPTIONS);
        // synapse 1: pre x 2..4, post x 5..7; synapse 2 (x 14..16, pre only) lies 6 voxels away, beyond the 5 x 5 box;
        // the single pre voxel at (1, 19) is under the minimum size 2 and dropped.
        long[] expected = {
            0, 0, 1, 1, 1, 2, 2, 2, 0, 0, 0, 0, 0, 0, 3, 3, 3, 0, 0, 0,
            0, 0, 1, 1, 1, 2, 2, 2, 0, 0, 0, 0, 0, 0, 3, 3, 3, 0, 0, 0};
        assertArrayEquals(expected, seg.longs());
        assertEquals(DataType.UINT64, seg.type());
    }

    @Test
    void aWiderDilationJoinsNearbySidesIntoOneSynapse() {
        Block seg = Polarity2Instance.instances(MAP, new Polarity2Instance.Options(false, 0.5, 2, new int[] {1, 1, 9}));
        assertEquals(1, seg.longs()[2]);
        assertEquals(2, seg.longs()[5]);
        assertEquals(1, seg.longs()[14]); // within reach now: the pre of synapse 1
    }

    @Test
    void semanticOutputMarksPreOneAndPostTwo() {
        byte[] sem = Polarity2Instance.semantic(MAP, OPTIONS).bytes();
        assertEquals(1, sem[3]);
        assertEquals(2, sem[6]);
        assertEquals(1, sem[15]);
        assertEquals(0, sem[20 + 19]);
    }

    /**
     * The larger side rule: a union voxel whose side channels both stay under the threshold still gets a side, and
     * where both pass, the larger wins rather than post.
     */
    @Test
    void largerSideRuleGivesEveryUnionVoxelTheLargerChannel() {
        Block b = Block.zeros(DataType.UINT8, 3, 1, 1, 5);
        int[][] values = {{100, 60, 200}, {200, 150, 200}, {150, 200, 200}, {90, 90, 200}, {200, 10, 100}}; // pre, post, union
        for (int x = 0; x < 5; x++) {
            for (int c = 0; c < 3; c++) {
                b.setLong(b.index(c, 0, 0, x), values[x][c]);
            }
        }
        Polarity2Instance.Options pytc = new Polarity2Instance.Options(false, 0.5, 1, new int[] {1, 1, 1});
        // PyTC: x 0 under the threshold in both side channels has no side, x 1 passes both and goes to post
        assertArrayEquals(new long[] {0, 2, 2, 0, 0}, Polarity2Instance.instances(b, pytc).longs());
        Polarity2Instance.Options larger = pytc.withSides(Polarity2Instance.SideRule.LARGER);
        // x 0 and x 1 pre, x 2 post, x 3 a tie goes to post; x 4 lies outside the union
        assertArrayEquals(new long[] {1, 1, 2, 2, 0}, Polarity2Instance.instances(b, larger).longs());
    }

    @Test
    void exclusiveClassesTakeTheLargestChannel() {
        Block b = Block.zeros(DataType.UINT8, 3, 1, 1, 4);
        int[][] values = {{200, 10, 10}, {10, 200, 100}, {10, 90, 200}, {50, 50, 50}}; // (bg, pre, post) per voxel
        for (int x = 0; x < 4; x++) {
            for (int c = 0; c < 3; c++) {
                b.setLong(b.index(c, 0, 0, x), values[x][c]);
            }
        }
        Block seg = Polarity2Instance.instances(b, new Polarity2Instance.Options(true, 0.5, 1, new int[] {1, 1, 1}));
        assertArrayEquals(new long[] {0, 1, 2, 0}, seg.longs()); // the tie at x 3 goes to background, as argmax
    }

    @Test
    void facingMendsPreBehindThePostSideOfAChannelMap() {
        // one section of 14 x 6: pre channel in rows 1-5 and 9-12, post in rows 6-8, union over both; the pre
        // centroid (row 57 / 9 = 6.3) lies above the post centroid (row 7), so rows 9-12 lie behind the post side:
        // rows 9-11 (1 to 3 voxels from it) become post, row 12 background
        Block b = Block.zeros(DataType.UINT8, 3, 1, 14, 6);
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < 6; x++) {
                boolean pre = (y >= 1 && y <= 5) || (y >= 9 && y <= 12);
                boolean post = y >= 6 && y <= 8;
                b.setLong(b.index(0, 0, y, x), pre ? 200 : 0);
                b.setLong(b.index(1, 0, y, x), post ? 200 : 0);
                b.setLong(b.index(2, 0, y, x), pre || post ? 200 : 0);
            }
        }
        Polarity2Instance.Options kept = new Polarity2Instance.Options(false, 0.5, 1, new int[] {1, 1, 1});
        long[] all = Polarity2Instance.instances(b, kept).longs();
        long[] facing = Polarity2Instance.instances(b, kept.withFacing(true)).longs();
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < 6; x++) {
                int i = y * 6 + x;
                long expected = y == 0 || y == 13 ? 0 : y >= 6 && y <= 8 ? 2 : 1;
                assertEquals(expected, all[i], "as PyTC at y " + y);
                assertEquals(y >= 9 && y <= 11 ? 2 : y == 12 ? 0 : expected, facing[i], "facing at y " + y);
            }
        }
    }
}
