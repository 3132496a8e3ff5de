package org.synapseworkbench.ui.viewer.render;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.volume.Volume;

/**
 * The small pictures of a review gallery, composed like the viewer's frames (the image mapped to grey, the layers
 * blended over it in their styles) on the render thread: the xy section through an item's centre, a square around its
 * box, and optionally the xz plane through the centre below it, as deep in nm as the square is wide.
 */
public final class TileComposer {
    /** The smallest square around an item, in voxels: a few voxels' synapse still shows its neighbourhood. */
    static final int MIN_SIDE = 32;
    private final FrameComposer composer = new FrameComposer();

    /** One picture: opaque ARGB pixels, row-major, {@code width} x {@code height}. */
    public record Picture(int[] argb, int width, int height) {
    }

    /**
     * An item's tile: its xy section, and its xz plane (null when not asked for) whose rows are {@code xzRowScale}
     * times as tall as a pixel of the section in nm.
     */
    public record Tile(Picture xy, Picture xz, double xzRowScale) {
    }

    /** The side, in voxels, of the square shown around a box {@code min .. max} (inclusive, z y x). */
    static int side(int[] min, int[] max) {
        int extent = Math.max(max[1] - min[1], max[2] - min[2]) + 1;
        return Math.max(MIN_SIDE, (int) Math.ceil(extent * 1.5) + 8);
    }

    /** The first of {@code length} positions centred at {@code centre}, kept within {@code 0 .. size - 1}. */
    static int start(int centre, int length, int size) {
        return Math.max(0, Math.min(size - length, centre - length / 2));
    }

    /**
     * Composes the tile of the item centred at {@code centre} with box {@code min .. max}, at most {@code pixels}
     * wide; null once {@code superseded} (the tile is no longer on screen).
     */
    public Tile compose(Volume image, int[] centre, int[] min, int[] max, int pixels, GrayMapping mapping,
            List<LabelLayer> layers, List<LabelLayer.Style> styles, boolean withXz, BooleanSupplier superseded) {
        int[] shape = image.shape();
        int o = image.rank() - 3;
        int depth = shape[o];
        int height = shape[o + 1];
        int width = shape[o + 2];
        int side = side(min, max);
        int sideY = Math.min(side, height);
        int sideX = Math.min(side, width);
        double step = Math.max(1, (double) Math.max(sideY, sideX) / pixels);
        int y0 = start(centre[1], sideY, height);
        int x0 = start(centre[2], sideX, width);
        Sampling section = Sampling.of(sideY, sideX, step);
        int[] xy = new int[section.frameWidth() * section.frameHeight()];
        if (!composer.compose(image, 0, centre[0], new int[] {y0, x0}, section, mapping, layers, styles, xy,
                superseded, () -> { })) {
            return null;
        }
        Picture top = new Picture(xy, section.frameWidth(), section.frameHeight());
        if (!withXz) {
            return new Tile(top, null, 0);
        }
        double[] nm = image.resolution();
        double rowScale = nm[0] / nm[2] / step; // a section's height in pixels of the xy picture
        int rowsZ = Math.min(depth, Math.max(max[0] - min[0] + 3, (int) Math.round(sideX * nm[2] / nm[0])));
        int z0 = start(centre[0], rowsZ, depth);
        Sampling plane = Sampling.of(rowsZ, sideX, 1, step);
        int[] xz = new int[plane.frameWidth() * plane.frameHeight()];
        if (!composer.compose(image, 1, centre[1], new int[] {z0, x0}, plane, mapping, layers, styles, xz,
                superseded, () -> { })) {
            return null;
        }
        return new Tile(top, new Picture(xz, plane.frameWidth(), plane.frameHeight()), rowScale);
    }
}
