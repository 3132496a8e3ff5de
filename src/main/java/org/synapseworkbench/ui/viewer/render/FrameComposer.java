package org.synapseworkbench.ui.viewer.render;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;

import org.synapseworkbench.proofread.EditedLabels;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Volume;

/**
 * Composes the frames of one plane view on the render thread: reads only the voxels a frame shows of the image and
 * of each label layer, straight from their chunks, maps the image to grey and blends the layers over it. The image
 * is read one row of chunks at a time, so a view of chunks not yet cached can be shown as they come, with a
 * placeholder where they have not.
 */
public final class FrameComposer {
    /**
     * The last block read of each volume, refilled for the next frame: a frame of uint64 labels is megabytes, too
     * much to allocate for every frame.
     */
    private final Map<Volume, Block> blocks = new WeakHashMap<>();
    /**
     * The last frame's image part, mapped to grey, and what it shows: a frame of the same plane, voxels and mapping
     * (after a brush stroke, say) starts from it instead of reading and mapping the image again. Render thread only.
     */
    private int[] grey;
    private Volume greyOf;
    private int greyAxis;
    private int greyPlane;
    private GrayMapping greyMapping;
    private int[] greyRows;
    private int[] greyCols;
    /** Where the image is not read yet: a grey a little lighter than the view's background. */
    static final int PLACEHOLDER = 0xFF2E2E2E;

    /**
     * Reads the voxels of plane {@code zi} that {@code sampling} picks from {@code region} of the image and the layers
     * (only those, straight from the chunks) and composes the frame's pixels; gives up (false) once
     * {@code superseded}. {@code progress} runs after each row of image chunks and each layer but the last, with the
     * frame as far as it is (the rest {@link #PLACEHOLDER}), for the caller to show it when that takes long.
     */
    public boolean compose(Volume v, int axis, int zi, int[] region, Sampling sampling, GrayMapping m,
            List<LabelLayer> shown, List<LabelLayer.Style> styles, int[] frame,
            BooleanSupplier superseded, Runnable progress) {
        int[] rows = shifted(sampling.rows(), region[0]);
        int[] cols = shifted(sampling.cols(), region[1]);
        long t0 = System.nanoTime();
        long map = 0;
        boolean sameImage = grey != null && greyOf == v && greyAxis == axis && greyPlane == zi && m.equals(greyMapping)
                && grey.length == frame.length && Arrays.equals(greyRows, rows) && Arrays.equals(greyCols, cols);
        if (sameImage) { // only labels changed (a brush stroke): the image part is as it was
            System.arraycopy(grey, 0, frame, 0, frame.length);
        } else {
            Arrays.fill(frame, PLACEHOLDER);
        }
        Source src = sameImage ? null : source(v, axis, zi, rows, cols);
        int rowChunk = sameImage ? 1 : src.volume.chunkShape()[v.rank() - 3 + (axis == 0 ? 1 : 0)]; // axis 0: xy
        for (int i0 = sameImage ? rows.length : 0; i0 < rows.length;) {
            int i1 = i0 + 1;
            while (i1 < rows.length && src.rows[i1] / rowChunk == src.rows[i0] / rowChunk) {
                i1++;
            }
            Block band = src.volume.readSampled(axis, src.plane, Arrays.copyOfRange(src.rows, i0, i1), src.cols, null);
            long a = System.nanoTime();
            m.map(band, frame, i0 * cols.length);
            map += System.nanoTime() - a;
            i0 = i1;
            if (superseded.getAsBoolean()) {
                return false;
            }
            if (i0 < rows.length || !shown.isEmpty()) {
                progress.run();
            }
        }
        if (!sameImage) {
            grey = grey != null && grey.length == frame.length ? grey : new int[frame.length];
            System.arraycopy(frame, 0, grey, 0, frame.length);
            greyOf = v;
            greyAxis = axis;
            greyPlane = zi;
            greyMapping = m;
            greyRows = rows;
            greyCols = cols;
        }
        long t1 = System.nanoTime();
        long read = 0;
        long blend = 0;
        for (int i = 0; i < shown.size(); i++) {
            if (superseded.getAsBoolean()) {
                return false;
            }
            if (i > 0) {
                progress.run();
            }
            LabelLayer layer = shown.get(i);
            long a = System.nanoTime();
            Block labels = sampled(layer.labels(), axis, zi, rows, cols);
            long b = System.nanoTime();
            Positions corrected = edited.get(layer.labels());
            layer.blend(labels, cols.length, frame, styles.get(i), corrected == null ? null : corrected.at,
                    corrected == null ? 0 : corrected.count);
            read += b - a;
            blend += System.nanoTime() - b;
        }
        FrameListener l = listener;
        if (l != null) {
            l.composed(new FrameListener.Timing(t0, System.nanoTime(), (t1 - t0 - map) / 1e6, map / 1e6, read / 1e6,
                    blend / 1e6));
        }
        return true;
    }

    /** Where a frame's image voxels are read: a volume, and the plane, rows and columns in it. */
    private record Source(Volume volume, int plane, int[] rows, int[] cols) {
    }

    /**
     * The coarsest level of the image's pyramid ({@link Volume#coarser()}) that still has a voxel for every pixel
     * (its factors no larger than the frame's steps between sampled voxels), with the frame's positions in it: a view
     * zoomed out reads a level's few chunks instead of every chunk of the full volume. The full volume when none fits.
     */
    static Source source(Volume v, int axis, int zi, int[] rows, int[] cols) {
        List<Volume.Level> levels = v.coarser();
        if (levels.isEmpty()) {
            return new Source(v, zi, rows, cols);
        }
        int planeAxis = axis; // of (z, y, x)
        int rowAxis = axis == 0 ? 1 : 0;
        int colAxis = axis == 2 ? 1 : 2;
        double rowStep = rows.length > 1 ? (double) (rows[rows.length - 1] - rows[0]) / (rows.length - 1) : 1;
        double colStep = cols.length > 1 ? (double) (cols[cols.length - 1] - cols[0]) / (cols.length - 1) : 1;
        Volume.Level best = null;
        for (Volume.Level l : levels) {
            int[] f = l.factors();
            if (f[rowAxis] <= rowStep + 1e-9 && f[colAxis] <= colStep + 1e-9) {
                best = l;
            }
        }
        if (best == null) {
            return new Source(v, zi, rows, cols);
        }
        int[] f = best.factors();
        int[] shape = best.volume().spatialShape();
        return new Source(best.volume(), Math.min(zi / f[planeAxis], shape[planeAxis] - 1),
                scaled(rows, f[rowAxis], shape[rowAxis]), scaled(cols, f[colAxis], shape[colAxis]));
    }

    private static int[] scaled(int[] positions, int factor, int size) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(positions[i] / factor, size - 1);
        }
        return out;
    }

    private static int[] shifted(int[] positions, int by) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = positions[i] + by;
        }
        return out;
    }

    /**
     * The sampled voxels of a volume's plane, into the block this view read of it last time (render thread only); the
     * block as it is when the volume, at the same version, was read at the same place last time (a brush stroke in
     * another layer, say).
     */
    private Block sampled(Volume v, int axis, int index, int[] rows, int[] cols) {
        Read last = lastRead.get(v);
        Block kept = blocks.get(v);
        if (last != null && kept != null && last.matches(axis, index, rows, cols, v.version())) {
            return kept;
        }
        long version = v.version(); // before reading: an edit meanwhile makes the next frame read again
        Block b;
        if (v instanceof EditedLabels e) { // the corrections are found in the same pass over the edits
            Positions corrected = edited.computeIfAbsent(v, k -> new Positions());
            corrected.count = 0;
            b = e.readSampled(axis, index, rows, cols, kept, corrected);
        } else { // zoomed out, from a coarser level of the labels' pyramid (most frequent ids) when they have one
            Source src = source(v, axis, index, rows, cols);
            b = src.volume.readSampled(axis, src.plane, src.rows, src.cols, kept);
        }
        blocks.put(v, b);
        lastRead.put(v, new Read(axis, index, rows, cols, version));
        return b;
    }

    /** What was read of a volume into its block. */
    private record Read(int axis, int index, int[] rows, int[] cols, long version) {
        boolean matches(int a, int i, int[] r, int[] c, long v) {
            return a == axis && i == index && v == version && Arrays.equals(r, rows) && Arrays.equals(c, cols);
        }
    }

    private final Map<Volume, Read> lastRead = new WeakHashMap<>();
    /** Where the last block read of corrected labels differs from the file: places in the block. */
    private final Map<Volume, Positions> edited = new WeakHashMap<>();

    /** A growing list of places in a block. */
    private static final class Positions implements java.util.function.IntConsumer {
        int[] at = new int[64];
        int count;

        @Override
        public void accept(int p) {
            if (count == at.length) {
                at = Arrays.copyOf(at, 2 * count);
            }
            at[count++] = p;
        }
    }

    /** Hears of each composition's timing, or null. */
    private volatile FrameListener listener;

    public void setListener(FrameListener l) {
        listener = l;
    }

}
