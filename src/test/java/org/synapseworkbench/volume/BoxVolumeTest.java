package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoxVolumeTest {
    /** A 1 x 2 x 3 box of values 1 ... 6 at (1, 1, 2) of a 3 x 4 x 6 volume. */
    private static BoxVolume volume() {
        Block box = Block.wrap(DataType.UINT8, new byte[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
        return new BoxVolume("box", new int[] {3, 4, 6}, new int[] {1, 1, 2}, box, new double[] {40, 4, 4});
    }

    @Test
    void readsTheBoxWhereItIsAndZeroElsewhere() {
        BoxVolume v = volume();
        assertArrayEquals(new int[] {3, 4, 6}, v.shape());
        Block section = v.read(new int[] {1, 0, 0}, new int[] {1, 4, 6});
        assertArrayEquals(new byte[] {
            0, 0, 0, 0, 0, 0,
            0, 0, 1, 2, 3, 0,
            0, 0, 4, 5, 6, 0,
            0, 0, 0, 0, 0, 0}, section.bytes());
        assertArrayEquals(new byte[6], v.read(new int[] {0, 0, 0}, new int[] {1, 2, 3}).bytes(), "outside the box");
        // a box across the box's corner: rows 2..3, columns 4..5
        assertArrayEquals(new byte[] {6, 0, 0, 0}, v.read(new int[] {1, 2, 4}, new int[] {1, 2, 2}).bytes());
    }

    @Test
    void aReusedBlockIsClearedFirst() {
        BoxVolume v = volume();
        Block reuse = Block.wrap(DataType.UINT8, new byte[] {9, 9, 9, 9}, 1, 2, 2);
        Block got = v.read(new int[] {1, 2, 4}, new int[] {1, 2, 2}, reuse);
        assertSame(reuse, got);
        assertArrayEquals(new byte[] {6, 0, 0, 0}, got.bytes());
    }

    @Test
    void aBoxOutsideTheVolumeIsRefused() {
        Block box = Block.zeros(DataType.UINT8, 1, 2, 3);
        assertThrows(IllegalArgumentException.class,
                () -> new BoxVolume("box", new int[] {3, 4, 6}, new int[] {1, 3, 0}, box, new double[] {40, 4, 4}));
    }
}
