package org.synapseworkbench.ui.viewer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.ui.viewer.SliceView;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.Volume;

/** Frames are composed from the sampled voxels, the image a row of chunks at a time with a placeholder for the rest. */
class FrameComposerTest {
    /** A 2 x 12 x 6 uint8 volume, voxel (z, y, x) = 100 z + 6 y + x, stored in chunks of 1 x 4 x 6. */
    private static Volume chunked() {
        byte[] v = new byte[2 * 12 * 6];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (i / 72 * 100 + i % 72);
        }
        InMemoryVolume memory = new InMemoryVolume("ramp", Block.wrap(DataType.UINT8, v, 2, 12, 6), new double[] {40, 4, 4});
        return new Volume() {
            @Override public String name() { return memory.name(); }
            @Override public int[] shape() { return memory.shape(); }
            @Override public DataType type() { return memory.type(); }
            @Override public int[] chunkShape() { return new int[] {1, 4, 6}; }
            @Override public double[] resolution() { return memory.resolution(); }
            @Override public boolean resolutionStored() { return true; }
            @Override public double[] offset() { return memory.offset(); }
            @Override public Block read(int[] start, int[] size) { return memory.read(start, size); }
        };
    }

    @Test
    void theImageComesRowOfChunksByRowAndTheRestIsAPlaceholder() {
        List<int[]> seen = new ArrayList<>();
        int[] frame = new int[6 * 6];
        // section 1, every second row (0, 2, ..., 10) and every column: rows 0-2 of the frame lie in chunk row 0
        Sampling every2nd = Sampling.of(12, 6, 2, 1);
        int[] shown = new int[1];
        boolean done = new FrameComposer().compose(chunked(), SliceView.XY, 1, new int[] {0, 0, 12, 6}, every2nd,
                GrayMapping.uint8(), List.of(), List.of(), frame, () -> false, () -> seen.add(frame.clone()));
        assertTrue(done);
        assertEquals(2, seen.size(), "after the first two of three rows of chunks");
        int[] first = seen.get(0);
        assertEquals(grey(100 + 0 * 6 + 0), first[0], "row y 0");
        assertEquals(grey(100 + 2 * 6 + 5), first[6 + 5], "row y 2, column 5");
        assertEquals(FrameComposer.PLACEHOLDER, first[2 * 6], "row y 4 (the next chunk row) is not read yet");
        assertEquals(grey(100 + 4 * 6), seen.get(1)[2 * 6]);
        assertEquals(FrameComposer.PLACEHOLDER, seen.get(1)[4 * 6]);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(grey(100 + 2 * i * 6 + j), frame[i * 6 + j], "frame pixel " + i + ", " + j);
            }
        }
        assertFalse(new FrameComposer().compose(chunked(), SliceView.XY, 1, new int[] {0, 0, 12, 6}, every2nd,
                GrayMapping.uint8(), List.of(), List.of(), frame, () -> true, () -> shown[0]++), "superseded: given up");
        assertEquals(0, shown[0]);
    }

    /**
     * The ramp with a coarser level of half its y and x, holding 200 + 10 y + x at level voxel (z, y, x): a frame that
     * samples every second row and column or more reads the level, one that needs every voxel reads the full volume.
     */
    @Test
    void aZoomedOutFrameReadsTheCoarsestLevelThatStillFillsEveryPixel() {
        byte[] c = new byte[2 * 6 * 3];
        for (int i = 0; i < c.length; i++) {
            c[i] = (byte) (200 + i % 18 / 3 * 10 + i % 3);
        }
        Volume level = new InMemoryVolume("half", Block.wrap(DataType.UINT8, c, 2, 6, 3), new double[] {40, 8, 8});
        Volume pyramid = withHalf(chunked(), level);
        int[] frame = new int[6 * 3];
        new FrameComposer().compose(pyramid, SliceView.XY, 1, new int[] {0, 0}, Sampling.of(12, 6, 2, 2),
                GrayMapping.uint8(), List.of(), List.of(), frame, () -> false, () -> { });
        assertEquals(grey(200 + 2 * 10 + 1), frame[2 * 3 + 1], "frame pixel (2, 1) is level voxel (1, 2, 1)");
        int[] full = new int[6 * 6];
        new FrameComposer().compose(pyramid, SliceView.XY, 1, new int[] {0, 0}, Sampling.of(12, 6, 2, 1),
                GrayMapping.uint8(), List.of(), List.of(), full, () -> false, () -> { });
        assertEquals(grey(100 + 2 * 6 + 1), full[6 + 1], "every column wanted: the full volume");
        int[] xz = new int[2 * 3]; // axis 1: the xz plane
        new FrameComposer().compose(pyramid, 1, 5, new int[] {0, 0}, Sampling.of(2, 6, 1, 2),
                GrayMapping.uint8(), List.of(), List.of(), xz, () -> false, () -> { });
        assertEquals(grey(200 + 2 * 10 + 2), xz[3 + 2], "xz plane at y 5 is level row y 2; column 4 is level x 2");
    }

    /** Labels with a coarser level: zoomed out, the layer is drawn from the level (id 5 there, none at full size). */
    @Test
    void zoomedOutLabelsAreReadFromTheirCoarsestFittingLevel() {
        Block none = Block.zeros(DataType.UINT64, 2, 12, 6);
        Block five = Block.zeros(DataType.UINT64, 2, 6, 3);
        five.fill(5);
        Volume half = new InMemoryVolume("half", five, new double[] {40, 8, 8});
        Volume full = new InMemoryVolume("labels", none, new double[] {40, 4, 4});
        Volume labels = withHalf(full, half);
        org.synapseworkbench.ui.viewer.layer.LabelLayer layer = new org.synapseworkbench.ui.viewer.layer.LabelLayer("c", labels,
                org.synapseworkbench.ui.viewer.layer.LayerKind.CLEFTS);
        int[] zoomed = new int[6 * 3];
        new FrameComposer().compose(chunked(), SliceView.XY, 1, new int[] {0, 0}, Sampling.of(12, 6, 2, 2), GrayMapping.uint8(),
                List.of(layer), List.of(layer.style()), zoomed, () -> false, () -> { });
        int[] plain = new int[6 * 3];
        new FrameComposer().compose(chunked(), SliceView.XY, 1, new int[] {0, 0}, Sampling.of(12, 6, 2, 2), GrayMapping.uint8(),
                List.of(), List.of(), plain, () -> false, () -> { });
        int[] fine = new int[12 * 6];
        new FrameComposer().compose(chunked(), SliceView.XY, 1, new int[] {0, 0}, Sampling.of(12, 6, 1, 1), GrayMapping.uint8(),
                List.of(layer), List.of(layer.style()), fine, () -> false, () -> { });
        int[] fineGrey = new int[12 * 6];
        new FrameComposer().compose(chunked(), SliceView.XY, 1, new int[] {0, 0}, Sampling.of(12, 6, 1, 1), GrayMapping.uint8(),
                List.of(), List.of(), fineGrey, () -> false, () -> { });
        for (int i = 0; i < zoomed.length; i++) {
            assertTrue((zoomed[i] >> 16 & 0xFF) > (plain[i] >> 16 & 0xFF), "pixel " + i + ": the level's cleft, tinted red");
        }
        assertTrue(java.util.Arrays.equals(fine, fineGrey), "every voxel wanted: the full labels, which hold none");
    }

    /** {@code full} with one coarser level, {@code half}, of half its y and x. */
    private static Volume withHalf(Volume full, Volume half) {
        return new Volume() {
            @Override public String name() { return full.name(); }
            @Override public int[] shape() { return full.shape(); }
            @Override public DataType type() { return full.type(); }
            @Override public int[] chunkShape() { return full.chunkShape(); }
            @Override public double[] resolution() { return full.resolution(); }
            @Override public boolean resolutionStored() { return true; }
            @Override public double[] offset() { return full.offset(); }
            @Override public Block read(int[] start, int[] size) { return full.read(start, size); }
            @Override public List<Level> coarser() { return List.of(new Level(half, new int[] {1, 2, 2})); }
        };
    }

    private static int grey(int v) {
        return 0xFF000000 | v << 16 | v << 8 | v;
    }
}
