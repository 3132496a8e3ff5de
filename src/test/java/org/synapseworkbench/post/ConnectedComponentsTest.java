package org.synapseworkbench.post;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
    @Test
    void cornerAndEdgeNeighboursJoinOnlyWith26() {
        boolean[] corner = new boolean[8];
        corner[0] = true; // (0, 0, 0)
        corner[7] = true; // (1, 1, 1)
        assertEquals(2, ConnectedComponents.label(corner, new int[] {2, 2, 2}, 6).count());
        assertEquals(1, ConnectedComponents.label(corner, new int[] {2, 2, 2}, 26).count());
        boolean[] edge = new boolean[8];
        edge[0] = true; // (0, 0, 0)
        edge[3] = true; // (0, 1, 1)
        assertEquals(2, ConnectedComponents.label(edge, new int[] {2, 2, 2}, 6).count());
        assertEquals(1, ConnectedComponents.label(edge, new int[] {2, 2, 2}, 26).count());
    }

    @Test
    void aUShapeIsOneComponentNumberedByItsFirstVoxel() {
        int[] shape = {1, 4, 5};
        boolean[] m = mask(shape,
                "#.#.#",
                "#.#..",
                "###..",
                "....#");
        Components c = ConnectedComponents.label(m, shape, 6);
        assertEquals(3, c.count());
        assertArrayEquals(new int[] {
            1, 0, 1, 0, 2,
            1, 0, 1, 0, 0,
            1, 1, 1, 0, 0,
            0, 0, 0, 0, 3}, c.labels());
        assertArrayEquals(new long[] {0, 7, 1, 1}, c.sizes());
        Components big = c.withoutSmall(2);
        assertEquals(1, big.count());
        assertEquals(7, big.sizes()[1]);
        assertEquals(0, big.labels()[4]);
    }

    @Test
    void equalsAFloodFillOnRandomMasks() {
        Random r = new Random(3);
        int[][] shapes = {{6, 7, 8}, {1, 30, 30}, {20, 3, 1}, {9, 17, 23}};
        for (int[] shape : shapes) {
            for (int connectivity : new int[] {6, 26}) {
                for (double density : new double[] {0.1, 0.3, 0.6}) {
                    boolean[] m = new boolean[shape[0] * shape[1] * shape[2]];
                    for (int i = 0; i < m.length; i++) {
                        m[i] = r.nextDouble() < density;
                    }
                    Components c = ConnectedComponents.label(m, shape, connectivity);
                    int[] expected = floodFill(m, shape, connectivity);
                    assertArrayEquals(expected, c.labels(), "shape " + shape[0] + "x" + shape[1] + "x" + shape[2]
                            + ", connectivity " + connectivity + ", density " + density);
                }
            }
        }
    }

    /** Labels in raster order of first voxel by breadth-first flood fill, the slow obvious way. */
    static int[] floodFill(boolean[] m, int[] shape, int connectivity) {
        int[] labels = new int[m.length];
        int n = 0;
        int plane = shape[1] * shape[2];
        for (int i = 0; i < m.length; i++) {
            if (!m[i] || labels[i] != 0) {
                continue;
            }
            labels[i] = ++n;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(i);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                int z = v / plane;
                int y = v / shape[2] % shape[1];
                int x = v % shape[2];
                for (int dz = -1; dz <= 1; dz++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int steps = Math.abs(dz) + Math.abs(dy) + Math.abs(dx);
                            if (steps == 0 || connectivity == 6 && steps > 1) {
                                continue;
                            }
                            int zz = z + dz;
                            int yy = y + dy;
                            int xx = x + dx;
                            if (zz < 0 || yy < 0 || xx < 0 || zz >= shape[0] || yy >= shape[1] || xx >= shape[2]) {
                                continue;
                            }
                            int w = zz * plane + yy * shape[2] + xx;
                            if (m[w] && labels[w] == 0) {
                                labels[w] = n;
                                queue.add(w);
                            }
                        }
                    }
                }
            }
        }
        return labels;
    }

    static boolean[] mask(int[] shape, String... rows) {
        boolean[] m = new boolean[shape[0] * shape[1] * shape[2]];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                m[y * shape[2] + x] = rows[y].charAt(x) == '#';
            }
        }
        return m;
    }
}
