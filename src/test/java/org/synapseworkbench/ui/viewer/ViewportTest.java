package org.synapseworkbench.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A plane of 20 rows x 30 columns, rows twice as tall, in a view of 300 x 200 pixels. */
class ViewportTest {
    private static Viewport.Area area(int rows, int cols) {
        return new Viewport.Area() {
            public double width() {
                return 300;
            }

            public double height() {
                return 200;
            }

            public int rows() {
                return rows;
            }

            public int cols() {
                return cols;
            }

            public double aspect() {
                return 2;
            }
        };
    }

    @Test
    void fittedCentredAndMappedBothWays() {
        Viewport v = new Viewport(area(20, 30));
        // fit: min(300 / 30, 200 / (20 * 2)) = 5 pixels per column, rows 10 tall: 150 x 200, centred at x 75
        assertEquals(5, v.scale());
        assertEquals(10, v.rowScale());
        assertEquals(75, v.originX());
        assertEquals(0, v.originY());
        assertArrayEquals(new int[] {3, 4}, v.rowColAt(75 + 4 * 5 + 1, 3 * 10 + 1));
        assertNull(v.rowColAt(10, 10), "left of the plane");
        assertArrayEquals(new double[] {75 + 4.5 * 5, 35}, v.centreOf(3, 4));
        assertArrayEquals(new int[] {0, 0, 20, 30}, v.visibleRegion());
    }

    @Test
    void zoomKeepsThePointAndPanMoves() {
        Viewport v = new Viewport(area(20, 30));
        v.zoomAt(2, 150, 100); // around the view's middle: voxel column 15, row 10
        assertEquals(10, v.scale());
        assertEquals(150 - (150 - 75) * 2, v.originX());
        assertArrayEquals(new int[] {10, 15}, v.rowColAt(150, 100), "the voxel under the point stays");
        assertArrayEquals(new int[] {5, 0, 10, 30}, v.visibleRegion(), "rows 5 to 14 in view, every column");
        v.pan(-20, 0);
        assertEquals(-20, v.originX());
        v.fit();
        assertEquals(5, v.scale());
        v.zoomAt(1000, 0, 0);
        assertEquals(64, v.scale(), "at most 64 pixels per voxel");
        assertNull(new Viewport(area(0, 0)).visibleRegion(), "no plane, nothing in view");
    }
}
