package org.synapseworkbench.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DilationTest {
    @Test
    void aVoxelGrowsIntoTheBox() {
        int[] shape = {3, 7, 7};
        boolean[] m = new boolean[3 * 49];
        m[49 + 3 * 7 + 3] = true; // (1, 3, 3)
        boolean[] d = Dilation.box(m, shape, new int[] {1, 5, 5});
        int count = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i]) {
                count++;
                int z = i / 49;
                int y = i / 7 % 7;
                int x = i % 7;
                assertTrue(z == 1 && Math.abs(y - 3) <= 2 && Math.abs(x - 3) <= 2, "voxel " + z + "," + y + "," + x);
            }
        }
        assertEquals(25, count);
        assertEquals(3 * 3 * 3, countOf(Dilation.box(m, shape, new int[] {3, 3, 3})));
    }

    @Test
    void anEvenBoxReachesFurtherBack() {
        boolean[] m = new boolean[10];
        m[5] = true;
        boolean[] d = Dilation.box(m, new int[] {1, 1, 10}, new int[] {1, 1, 4});
        for (int x = 0; x < 10; x++) {
            assertEquals(x >= 3 && x <= 6, d[x], "x " + x);
        }
    }

    private static int countOf(boolean[] m) {
        int n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
