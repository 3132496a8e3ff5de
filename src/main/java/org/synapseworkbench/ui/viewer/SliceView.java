package org.synapseworkbench.ui.viewer;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.render.FrameComposer;
import org.synapseworkbench.ui.viewer.render.FrameListener;
import org.synapseworkbench.ui.viewer.render.GrayMapping;
import org.synapseworkbench.ui.viewer.render.RenderQueue;
import org.synapseworkbench.ui.viewer.render.Sampling;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Volume;

/**
 * A plane of an image volume, drawn into a {@link WritableImage} that shares its
 * pixels with a {@link PixelBuffer}. Only the part of the section inside the view is read (through the volumes'
 * chunk caches, on a render thread), and a frame has at most one pixel per screen pixel: zoomed out, every step-th
 * voxel is shown; zoomed in, one pixel per voxel, scaled up by the image view. The plane is an xy section at
 * {@link #zProperty()} = z (axis {@link #XY}), or an xz plane at y or a yz plane at x (rows are z, drawn as high as
 * the voxels are thick in nm, so anisotropic volumes keep their proportions).
 * <p>
 * Where the plane sits (zoom, pan, the voxels in view) is the {@link Viewport}'s job. Still longer than 400 lines on
 * purpose: asking for frames on the render thread, copying finished ones into the pixel buffer and placing them share
 * one ticket protocol, easier to check and to keep race-free in one class.
 */
public final class SliceView extends Region {
    /** Plane axes: the volume axis held fixed (z, y or x). */
    public static final int XY = 0;
    static final int XZ = 1;
    static final int YZ = 2;
    private final int axis;
    private final IntegerProperty z = new SimpleIntegerProperty(this, "z", 0);
    private final ReadOnlyObjectWrapper<WritableImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ImageView view = new ImageView();
    private final Crosshair cross = new Crosshair();
    private final Ring ring = new Ring();
    /** The voxel (row, column) the review ring is around and its radius in voxels, or null. */
    private double[] ringAt;
    /** The voxel (row, column) the crosshair goes through, or null. */
    private int[] crosshair;
    private Volume volume;
    private GrayMapping mapping = GrayMapping.uint8();
    private PixelBuffer<IntBuffer> pixels;
    private int[] argb;
    /** The voxels of the frame on screen: {y0, x0, height, width} of the section; null before the first frame. */
    private int[] shownRegion;
    /** The region and step last asked for ({y0, x0, height, width, step x 1e6}), to draw only when they change. */
    private long[] askedGeometry;
    private final ObservableList<LabelLayer> layers = FXCollections.observableArrayList();
    /** Kept: the read-only view listens to {@link #layers} only weakly, so a view made per call would go quiet. */
    private final ObservableList<LabelLayer> layersReadOnly = FXCollections.unmodifiableObservableList(layers);
    /** Where the plane sits in this view: fitted, or zoomed and moved. */
    private final Viewport viewport = new Viewport(new Viewport.Area() {
        @Override
        public double width() {
            return getWidth();
        }

        @Override
        public double height() {
            return getHeight();
        }

        @Override
        public int rows() {
            return volume == null ? 0 : SliceView.this.rows();
        }

        @Override
        public int cols() {
            return volume == null ? 0 : SliceView.this.cols();
        }

        @Override
        public double aspect() {
            return SliceView.this.aspect();
        }
    });
    private final AtomicLong requested = new AtomicLong();
    /** The ticket of the frame on screen; written on the JavaFX thread. */
    private volatile long drawn;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    /** Redraws when a layer is shown, hidden, faded, outlined or thresholded. */
    private final ChangeListener<Object> redraw = (obs, was, now) -> draw();
    private final AtomicLong framesShown = new AtomicLong();
    /** Whether a frame of the current volume was shown yet. */
    private boolean shownSinceVolume;
    /** Hears of frames composed and shown (the viewer benchmark), or null. */
    private volatile FrameListener frameListener;
    /**
     * A frame that takes longer than this (chunks not cached) is shown as far as it is read, again every such
     * interval, the part not read yet as a placeholder.
     */
    private static final long PARTIAL_AFTER_NANOS = 30_000_000L;

    /** Reads and composes this view's frames on the render thread. */
    private final FrameComposer composer = new FrameComposer();
    /** Frame buffers the JavaFX thread has copied out, for the render thread to fill again. */
    private final ConcurrentLinkedQueue<int[]> spareFrames = new ConcurrentLinkedQueue<>();

    /** This view's work for the {@link RenderQueue}: the xy section's first; {@code last} after all asked so far. */
    private void render(Runnable work, boolean last) {
        RenderQueue.submit(last ? RenderQueue.LAST : axis == XY ? RenderQueue.SECTION : RenderQueue.PLANES, work);
    }

    SliceView() {
        this(XY);
    }

    /** A view of planes across {@code axis} ({@link #XY}, {@link #XZ} or {@link #YZ}). */
    SliceView(int axis) {
        this.axis = axis;
        getChildren().add(view);
        getChildren().addAll(cross.nodes());
        getChildren().add(ring.node());
        setStyle("-fx-background-color: #1e1e1e;");
        setMinSize(64, 64);
        view.setPreserveRatio(false);
        view.setManaged(false);
        view.setSmooth(false);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        z.addListener((obs, was, now) -> {
            draw();
            placeCrosshair(); // the ring shows on its planes only
        });
    }

    /** Shows {@code v} (3-d, or 4-d with the first channel shown) from its first section, without the old layers. */
    void setVolume(Volume v) {
        volume = v;
        layers.forEach(this::unfollow);
        layers.clear();
        viewport.fit();
        shownRegion = null;
        askedGeometry = null;
        pixels = null; // the next frame gets a new image, even of the same size
        shownSinceVolume = false;
        view.setImage(null);
        if (z.get() != 0) {
            z.set(0);
        } else {
            draw();
        }
    }

    public Volume volume() {
        return volume;
    }

    /** The section index shown, clamped to the volume by {@link #step}. */
    public IntegerProperty zProperty() {
        return z;
    }

    /** The drawn section (for tests and snapshots). */
    ReadOnlyObjectProperty<WritableImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** The voxel (z, y, x) under a point in this view's coordinates, or null outside the image. */
    public int[] voxelAt(double localX, double localY) {
        int[] rc = viewport.rowColAt(localX, localY);
        return rc == null ? null : voxel(rc[0], rc[1]);
    }

    /** The voxel (z, y, x) at (row, column) of the plane shown. */
    int[] voxel(int row, int col) {
        return switch (axis) {
            case XY -> new int[] {z.get(), row, col};
            case XZ -> new int[] {row, z.get(), col};
            default -> new int[] {row, col, z.get()};
        };
    }

    /** The centre of the voxel at (row, column) of the plane (y, x for xy) in this view's coordinates. */
    public Point2D centreOf(int row, int col) {
        double[] at = viewport.centreOf(row, col);
        return new Point2D(at[0], at[1]);
    }

    /** The voxel (row, column) the crosshair goes through, or null. */
    int[] crosshair() {
        return crosshair == null ? null : crosshair.clone();
    }

    /** Draws the crosshair through the voxel at (row, column) of the plane, or hides it (null). */
    void setCrosshair(int[] rowCol) {
        crosshair = rowCol;
        placeCrosshair();
    }

    /** Rings the voxel at (row, column) with a radius in voxels on planes {@code lo..hi}, or hides the ring (null). */
    public void setRing(int[] rowCol, double radius, int lo, int hi) {
        ringAt = rowCol == null ? null : new double[] {rowCol[0], rowCol[1], radius, lo, hi};
        placeCrosshair();
    }

    private void placeCrosshair() {
        cross.place(crosshair != null && volume != null ? centreOf(crosshair[0], crosshair[1]) : null, getWidth(), getHeight());
        boolean ringed = ringAt != null && volume != null && z.get() >= ringAt[3] && z.get() <= ringAt[4];
        ring.place(ringed ? centreOf((int) ringAt[0], (int) ringAt[1]) : null, ringed ? ringAt[2] * viewport.scale() : 0);
    }

    /** Rows of the plane: y for xy, z otherwise. */
    private int rows() {
        int[] s = volume.spatialShape();
        return axis == XY ? s[1] : s[0];
    }

    /** Columns of the plane: x for xy and xz, y for yz. */
    private int cols() {
        int[] s = volume.spatialShape();
        return axis == YZ ? s[1] : s[2];
    }

    /** Planes along the axis. */
    private int planes() {
        return volume.spatialShape()[axis];
    }

    /** How much taller a row is drawn than a column is wide: the voxel's size in nm along them. */
    private double aspect() {
        if (axis == XY || volume == null) {
            return 1;
        }
        double[] nm = volume.resolution();
        int colAxis = axis == YZ ? 1 : 2;
        return nm[0] > 0 && nm[colAxis] > 0 ? nm[0] / nm[colAxis] : 1;
    }

    /** Moves {@code delta} sections, staying inside the volume. */
    void step(int delta) {
        if (volume == null) {
            return;
        }
        int last = planes() - 1;
        z.set(Math.max(0, Math.min(last, z.get() + delta)));
    }

    /** Adds a label layer over the image (same z, y, x shape); it redraws when shown, hidden or faded. */
    void addLayer(LabelLayer layer) {
        if (volume != null && !Arrays.equals(layer.labels().spatialShape(), volume.spatialShape())) {
            throw new IllegalArgumentException(layer.labels().name() + " has shape "
                    + Arrays.toString(layer.labels().spatialShape()) + ", the image "
                    + Arrays.toString(volume.spatialShape()) + "; open labels of the same volume.");
        }
        layers.add(layer);
        layer.visibleProperty().addListener(redraw);
        layer.opacityProperty().addListener(redraw);
        layer.outlineProperty().addListener(redraw);
        layer.thresholdProperty().addListener(redraw);
        layer.kindProperty().addListener(redraw);
        draw();
    }

    /** Takes a layer off the image. */
    void removeLayer(LabelLayer layer) {
        if (layers.remove(layer)) {
            unfollow(layer);
            draw();
        }
    }

    private void unfollow(LabelLayer layer) {
        layer.visibleProperty().removeListener(redraw);
        layer.opacityProperty().removeListener(redraw);
        layer.outlineProperty().removeListener(redraw);
        layer.thresholdProperty().removeListener(redraw);
        layer.kindProperty().removeListener(redraw);
    }

    /** Runs {@code r} on the render thread after the draws asked so far (to close volumes they may still read). */
    public void afterPendingDraws(Runnable r) {
        render(r, true);
    }

    public List<LabelLayer> layers() {
        return List.copyOf(layers);
    }

    /** The layers, to follow additions and removals (read only). */
    ObservableList<LabelLayer> layerList() {
        return layersReadOnly;
    }

    void setMapping(GrayMapping m) {
        mapping = m;
        mappingShown.set(m);
        draw();
    }

    /** The grey mapping drawn with, for pictures of the image drawn elsewhere to follow. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<GrayMapping> mappingShown =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(GrayMapping.uint8());

    javafx.beans.property.ReadOnlyObjectProperty<GrayMapping> mappingProperty() {
        return mappingShown.getReadOnlyProperty();
    }

    GrayMapping mapping() {
        return mapping;
    }

    /** Reads the image's section on the render thread, never on the JavaFX thread (for statistics). */
    CompletableFuture<Block> readSection(int zi) {
        Volume v = volume;
        if (v == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no image is open"));
        }
        int[] whole = {0, 0, rows(), cols()}; // on the JavaFX thread, which owns the volume field
        int plane = axis;
        return CompletableFuture.supplyAsync(() -> region(v, plane, zi, whole), work -> render(work, false));
    }

    /**
     * The region {row0, col0, rows, cols} of plane {@code index} across {@code axis} (first channel of a 4-d volume);
     * its elements are row-major (rows x cols) in every orientation.
     */
    private static Block region(Volume v, int axis, int index, int[] region) {
        int r = v.rank();
        int o = r - 3;
        int[] start = new int[r];
        int[] size = new int[r];
        if (r == 4) {
            size[0] = 1;
        }
        // the volume axes of rows and columns: (y, x) for xy, (z, x) for xz, (z, y) for yz
        int rowAxis = axis == XY ? 1 : 0;
        int colAxis = axis == YZ ? 1 : 2;
        start[o + axis] = index;
        size[o + axis] = 1;
        start[o + rowAxis] = region[0];
        size[o + rowAxis] = region[2];
        start[o + colAxis] = region[1];
        size[o + colAxis] = region[3];
        return v.read(start, size);
    }

    /**
     * Asks for the current section to be drawn (also after a layer's labels changed). The section and the layers are
     * read and composed on a render thread (through the volumes' chunk caches), so the window never waits for the
     * disk; the frame is copied into the pixel buffer on the JavaFX thread, unless a newer request came meanwhile.
     */
    public void draw() {
        if (volume == null) {
            return;
        }
        int[] region = visibleRegion();
        if (region == null) {
            return; // not laid out yet, or the section is outside the view
        }
        double colStep = Math.max(1, 1 / viewport.scale());
        double rowStep = Math.max(1, 1 / viewport.rowScale());
        askedGeometry = geometry(region, rowStep, colStep);
        long ticket = requested.incrementAndGet();
        Volume v = volume;
        int zi = Math.max(0, Math.min(planes() - 1, z.get()));
        int plane = axis;
        GrayMapping m = mapping;
        // probabilities under labels; polarity before clefts: a cleft stays red where it lies between pre and post
        List<LabelLayer> shown = new ArrayList<>();
        List<LabelLayer.Style> styles = new ArrayList<>(); // read here: the View tab changes them on this thread
        List<LabelLayer> stacked = new ArrayList<>(layers);
        stacked.sort(java.util.Comparator.comparingInt(l -> l.kind().stackOrder())); // stable: same kinds keep their order
        for (LabelLayer layer : stacked) {
            if (layer.visibleProperty().get()) {
                shown.add(layer);
                styles.add(layer.style());
            }
        }
        Sampling sampling = Sampling.of(region[2], region[3], rowStep, colStep);
        long asked = System.nanoTime();
        render(() -> {
            if (requested.get() != ticket) {
                return; // superseded before it started
            }
            int n = sampling.frameWidth() * sampling.frameHeight();
            int[] spare = spareFrames.poll();
            int[] frame = spare != null && spare.length == n ? spare : new int[n];
            try {
                long[] lastShown = {asked};
                boolean done = composer.compose(v, plane, zi, region, sampling, m, shown, styles, frame,
                        () -> requested.get() != ticket, () -> {
                    // chunks not cached make this frame slow: show what is read so far, every PARTIAL_AFTER_NANOS
                    long now = System.nanoTime();
                    if (now - lastShown[0] > PARTIAL_AFTER_NANOS) {
                        lastShown[0] = now;
                        int[] partial = frame.clone();
                        Platform.runLater(() -> show(ticket, region, sampling, partial, false));
                    }
                });
                if (!done) {
                    spareFrames.offer(frame);
                    return; // a newer frame was asked for while this one was read
                }
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    if (requested.get() == ticket) {
                        loading.set(false);
                        problem.set("Cannot draw plane " + (zi + 1) + " of " + v.name() + ": " + e.getMessage());
                    }
                });
                return;
            }
            Platform.runLater(() -> show(ticket, region, sampling, frame, true));
        }, false);
    }

    private static long[] geometry(int[] region, double rowStep, double colStep) {
        return new long[] {region[0], region[1], region[2], region[3], Math.round(rowStep * 1e6), Math.round(colStep * 1e6)};
    }

    /** The voxels of the section inside the view, {y0, x0, height, width}, or null when none are. */
    public int[] visibleRegion() {
        return viewport.visibleRegion();
    }

    /**
     * Copies a composed frame into the pixel buffer (JavaFX thread) unless a newer one was asked for meanwhile; a
     * frame of another size gets a new buffer. {@code complete} is false for the image alone, shown while the label
     * layers are still being read.
     */
    private void show(long ticket, int[] region, Sampling sampling, int[] frame, boolean complete) {
        if (requested.get() != ticket || volume == null) {
            spareFrames.offer(frame);
            return;
        }
        int w = sampling.frameWidth();
        int h = sampling.frameHeight();
        if (pixels == null || pixels.getWidth() != w || pixels.getHeight() != h) {
            argb = new int[w * h];
            pixels = new PixelBuffer<>(w, h, IntBuffer.wrap(argb), PixelFormat.getIntArgbPreInstance());
            WritableImage img = new WritableImage(pixels);
            image.set(img);
            view.setImage(img);
        }
        System.arraycopy(frame, 0, argb, 0, frame.length);
        if (complete) {
            spareFrames.offer(frame);
        }
        pixels.updateBuffer(b -> null);
        shownRegion = region;
        placeImage();
        boolean first = !shownSinceVolume;
        shownSinceVolume = true;
        framesShown.incrementAndGet();
        loading.set(!complete);
        FrameListener l = frameListener;
        if (l != null) { // before the ticket: whoever sees the ticket sees what the listener heard
            l.shown(System.nanoTime(), complete, first);
        }
        if (complete) {
            drawn = ticket;
        }
        problem.set(null);
    }

    /** Frames copied to the screen so far, partial ones included (for benchmarks). */
    public long framesShown() {
        return framesShown.get();
    }

    /** True while the frame on screen is partial: parts of the image or its label layers are still being read. */
    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Makes {@code l} (null for none) hear of the frames this view composes and shows. */
    public void setFrameListener(FrameListener l) {
        frameListener = l;
        composer.setListener(l);
    }

    /** Whether the last requested frame is on screen (for tests and benchmarks). */
    public boolean upToDate() {
        return drawn == requested.get();
    }

    /** Why the last frame could not be drawn, or null. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Fitted and centred on a dark background (the start, and after {@link #fit}), or at the zoom and position that
     * {@link #zoomAt} and {@link #pan} set. The frame on screen is placed over its voxels at once; a new frame is asked
     * for when the visible part of the section or the sampling step changed.
     */
    @Override
    protected void layoutChildren() {
        placeImage();
        int[] region = visibleRegion();
        if (region != null && !Arrays.equals(askedGeometry, geometry(region, Math.max(1, 1 / viewport.rowScale()),
                Math.max(1, 1 / viewport.scale())))) {
            draw();
        }
    }

    /** Puts the image view over the voxels of the frame it shows, at the current zoom and position. */
    private void placeImage() {
        placeCrosshair();
        if (shownRegion == null || volume == null) {
            return;
        }
        double scale = viewport.scale();
        double rowScale = viewport.rowScale();
        double x = viewport.originX() + shownRegion[1] * scale;
        double y = viewport.originY() + shownRegion[0] * rowScale;
        // zoomed out, a frame has a pixel per screen pixel: unscaled at whole pixels, software rendering copies it
        boolean wholeX = scale <= 1 && view.getImage() != null; // (4 times faster than resampling it)
        boolean wholeY = rowScale <= 1 && view.getImage() != null;
        view.setFitWidth(wholeX ? view.getImage().getWidth() : shownRegion[3] * scale);
        view.setFitHeight(wholeY ? view.getImage().getHeight() : shownRegion[2] * rowScale);
        view.relocate(wholeX ? Math.round(x) : x, wholeY ? Math.round(y) : y);
    }

    /** Screen pixels per voxel now. */
    double scale() {
        return viewport.scale();
    }

    /** Zooms by {@code factor} (1/64 to 64 pixels per voxel) keeping the point (x, y) of this view where it is. */
    void zoomAt(double factor, double x, double y) {
        viewport.zoomAt(factor, x, y);
        layoutChildren();
    }

    /** One screen pixel per voxel, around the middle of the view. */
    void oneToOne() {
        zoomAt(1 / scale(), getWidth() / 2, getHeight() / 2);
    }

    /** Back to the whole section fitted into the view. */
    public void fit() {
        viewport.fit();
        layoutChildren();
    }

    /** Moves the image by (dx, dy) screen pixels. */
    void pan(double dx, double dy) {
        viewport.pan(dx, dy);
        layoutChildren();
    }

    @Override
    protected double computePrefWidth(double height) {
        return volume == null ? 512 : cols();
    }

    @Override
    protected double computePrefHeight(double width) {
        return volume == null ? 512 : rows() * aspect();
    }
}
