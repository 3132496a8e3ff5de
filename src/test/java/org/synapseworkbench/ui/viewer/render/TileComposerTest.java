package org.synapseworkbench.ui.viewer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;

/** The review gallery's tiles, pixel by pixel: where the square sits, how it is sampled, the xz plane below. */
class TileComposerTest {
    /** 10 x 100 x 200 voxels of 40 x 4 x 4 nm, voxel (z, y, x) = (10 z + y + x) mod 256. */
    private static InMemoryVolume image() {
        Block b = Block.zeros(DataType.UINT8, 10, 100, 200);
        for (int z = 0; z < 10; z++) {
            for (int y = 0; y < 100; y++) {
                for (int x = 0; x < 200; x++) {
                    b.setLong(b.index(z, y, x), (10 * z + y + x) % 256);
                }
            }
        }
        return new InMemoryVolume("image", b, new double[] {40, 4, 4});
    }

    private static int grey(int level) {
        return 0xFF000000 | level << 16 | level << 8 | level;
    }

    @Test
    void aSmallItemShowsA32VoxelSquareAroundItsCentreOneVoxelPerPixel() {
        TileComposer.Tile t = new TileComposer().compose(image(), new int[] {5, 50, 100}, new int[] {5, 48, 98},
                new int[] {5, 52, 102}, 128, GrayMapping.uint8(), List.of(), List.of(), false, () -> false);
        assertEquals(32, t.xy().width());
        assertEquals(32, t.xy().height());
        assertEquals(grey(50 + 34 + 84), t.xy().argb()[0], "the square starts 16 voxels before the centre");
        assertEquals(grey(50 + 50 + 100), t.xy().argb()[16 * 32 + 16], "the centre in the middle");
        assertNull(t.xz());
    }

    @Test
    void aTileStaysInsideTheVolumeAndABigItemIsSampledDownToTheTile() {
        TileComposer c = new TileComposer();
        TileComposer.Tile edge = c.compose(image(), new int[] {0, 2, 198}, new int[] {0, 2, 198}, new int[] {0, 2, 198},
                128, GrayMapping.uint8(), List.of(), List.of(), false, () -> false);
        assertEquals(grey(0 + 168), edge.xy().argb()[0], "y from 0, x from 200 - 32");
        // 200 voxels wide: a square of 308 is cut to the volume's 100 x 200, every 1.5625th voxel into 128 pixels
        TileComposer.Tile big = c.compose(image(), new int[] {1, 50, 100}, new int[] {1, 40, 0}, new int[] {1, 60, 199},
                128, GrayMapping.uint8(), List.of(), List.of(), false, () -> false);
        assertEquals(128, big.xy().width());
        assertEquals(64, big.xy().height());
        assertEquals(grey(10 + 3 + 3), big.xy().argb()[2 * 128 + 2], "pixel (2, 2) is voxel (3, 3): floor(2 x 1.5625)");
    }

    @Test
    void layersAreBlendedAndTheXzPlaneIsAsDeepInNmAsTheSquareIsWide() {
        Block ids = Block.zeros(DataType.UINT64, 10, 100, 200);
        ids.setLong(ids.index(5, 50, 100), 3);
        LabelLayer clefts = new LabelLayer("clefts", new InMemoryVolume("c", ids, new double[] {40, 4, 4}), LayerKind.CLEFTS);
        LabelLayer.Style style = new LabelLayer.Style(LayerKind.CLEFTS, 0.5, 0, false);
        TileComposer.Tile t = new TileComposer().compose(image(), new int[] {5, 50, 100}, new int[] {5, 50, 100},
                new int[] {5, 50, 100}, 128, GrayMapping.uint8(), List.of(clefts), List.of(style), true, () -> false);
        assertEquals(LabelLayer.mix(grey(200), LabelLayer.RED, 0.5), t.xy().argb()[16 * 32 + 16], "the cleft, red");
        assertEquals(grey(201), t.xy().argb()[16 * 32 + 17]);
        // 32 voxels of 4 nm across: 128 nm, about 3 sections of 40 nm, centred on section 5 (4, 5, 6)
        assertEquals(32, t.xz().width());
        assertEquals(3, t.xz().height());
        assertEquals(10.0, t.xzRowScale(), 1e-12, "a section is ten pixels of the xy picture tall");
        assertEquals(grey(40 + 50 + 84), t.xz().argb()[0], "row 0 is section 4 at y 50");
        assertEquals(LabelLayer.mix(grey(200), LabelLayer.RED, 0.5), t.xz().argb()[32 + 16], "the cleft on section 5");
    }

    @Test
    void aTileLeftBeforeItsTurnIsNotDrawn() {
        assertNull(new TileComposer().compose(image(), new int[] {5, 50, 100}, new int[] {5, 50, 100},
                new int[] {5, 50, 100}, 128, GrayMapping.uint8(), List.of(), List.of(), true, () -> true));
    }
}
