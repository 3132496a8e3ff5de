package org.synapseworkbench.ui.viewer.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

class GrayMappingTest {

    @Test
    void levelsFollowTheWindowAndGamma() {
        GrayMapping linear = new GrayMapping(100, 200, 1);
        assertEquals(0, linear.level(50));
        assertEquals(0, linear.level(100));
        assertEquals(128, linear.level(150)); // 0.5 * 255 = 127.5
        assertEquals(255, linear.level(200));
        assertEquals(255, linear.level(1e9));
        assertEquals(0, linear.level(Double.NaN));
        // gamma 2: sqrt(0.25) = 0.5
        assertEquals(128, new GrayMapping(0, 100, 2).level(25));
        assertThrows(IllegalArgumentException.class, () -> new GrayMapping(5, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new GrayMapping(0, 1, 0));
    }

    @Test
    void blocksBecomeOpaqueGreyPixels() {
        Block b = Block.wrap(DataType.UINT8, new byte[] {0, (byte) 128, (byte) 255, 64}, 1, 2, 2);
        int[] argb = new int[4];
        GrayMapping.uint8().map(b, argb);
        assertArrayEquals(new int[] {0xFF000000, 0xFF808080, 0xFFFFFFFF, 0xFF404040}, argb);
        new GrayMapping(64, 128, 1).map(b, argb);
        assertArrayEquals(new int[] {0xFF000000, 0xFFFFFFFF, 0xFFFFFFFF, 0xFF000000}, argb);
        Block f = Block.wrap(DataType.FLOAT32, new float[] {0f, 0.5f, 1f, 2f}, 1, 2, 2);
        new GrayMapping(0, 1, 1).map(f, argb);
        assertArrayEquals(new int[] {0xFF000000, 0xFF808080, 0xFFFFFFFF, 0xFFFFFFFF}, argb);
    }
}
