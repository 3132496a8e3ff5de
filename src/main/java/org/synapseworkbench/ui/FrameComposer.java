package org.synapseworkbench.ui;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Volume;

/**
 * Composes the frames of one plane view on the render thread: reads only the voxels a frame shows of the image and
 * of each label layer, straight from their chunks, maps the image to grey and blends the layers over it.
 */
final class FrameComposer {
    /**
     * The last block read of each volume, refilled for the next frame: a frame of uint64 labels is megabytes, too
     * much to allocate for every frame.
     */
    private final Map<Volume, Block> blocks = new WeakHashMap<>();

    /**
     * Reads the voxels of plane {@code zi} that {@code sampling} picks from {@code region} of the image and the layers
     * (only those, straight from the chunks) and composes the frame's pixels; gives up (false) before the next layer
     * once {@code superseded}.
     */
    boolean compose(Volume v, int axis, int zi, int[] region, Sampling sampling, GrayMapping m,
            List<LabelLayer> shown, List<LabelLayer.Style> styles, int[] frame,
            BooleanSupplier superseded, Runnable imageDone) {
        int[] rows = shifted(sampling.rows(), region[0]);
        int[] cols = shifted(sampling.cols(), region[1]);
        Sampling pixels = Sampling.identity(rows.length, cols.length);
        long t0 = System.nanoTime();
        Block image = sampled(v, axis, zi, rows, cols);
        long t1 = System.nanoTime();
        m.map(image, pixels, frame);
        long t2 = System.nanoTime();
        imageDone.run();
        long read = 0;
        long blend = 0;
        for (int i = 0; i < shown.size(); i++) {
            if (superseded.getAsBoolean()) {
                return false;
            }
            LabelLayer layer = shown.get(i);
            long a = System.nanoTime();
            Block labels = sampled(layer.labels(), axis, zi, rows, cols);
            long b = System.nanoTime();
            layer.blend(labels, pixels, frame, styles.get(i));
            read += b - a;
            blend += System.nanoTime() - b;
        }
        LAST_MILLIS.set(new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, read / 1e6, blend / 1e6});
        return true;
    }

    private static int[] shifted(int[] positions, int by) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = positions[i] + by;
        }
        return out;
    }

    /** The sampled voxels of a volume's plane, into the block this view read of it last time (render thread only). */
    private Block sampled(Volume v, int axis, int index, int[] rows, int[] cols) {
        Block b = v.readSampled(axis, index, rows, cols, blocks.get(v));
        blocks.put(v, b);
        return b;
    }

    /** Milliseconds of the last composition: image read, image map, layers read, layers blend (for benchmarks). */
    static final AtomicReference<double[]> LAST_MILLIS = new AtomicReference<>();

}
