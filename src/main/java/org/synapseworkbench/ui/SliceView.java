package org.synapseworkbench.ui;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Volume;

/**
 * The xy section of an image volume at {@link #zProperty()}, drawn into a {@link WritableImage} that shares its
 * pixels with a {@link PixelBuffer}. Only the part of the section inside the view is read (through the volumes'
 * chunk caches, on a render thread), and a frame has at most one pixel per screen pixel: zoomed out, every step-th
 * voxel is shown; zoomed in, one pixel per voxel, scaled up by the image view.
 */
final class SliceView extends Region {
    private final IntegerProperty z = new SimpleIntegerProperty(this, "z", 0);
    private final ReadOnlyObjectWrapper<WritableImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ImageView view = new ImageView();
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
    /** Screen pixels per voxel, or 0 to fit the view; and the image's top left corner when not fitted. */
    private double zoom;
    private double originX;
    private double originY;
    private final AtomicLong requested = new AtomicLong();
    /** The ticket of the frame on screen; written on the JavaFX thread. */
    private volatile long drawn;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    /** Redraws when a layer is shown, hidden, faded, outlined or thresholded. */
    private final ChangeListener<Object> redraw = (obs, was, now) -> draw();
    private final AtomicLong framesShown = new AtomicLong();
    /** When the image alone takes longer than this (a cold chunk cache), it is shown before its layers are read. */
    private static final long PARTIAL_AFTER_NANOS = 30_000_000L;

    /**
     * The last section block read of each volume, refilled for the next section (render thread only): a 1250 x 1250
     * uint64 section is 12.5 MB, too much to allocate for every frame.
     */
    private static final Map<Volume, Block> SECTIONS = new WeakHashMap<>();
    /** Frame buffers the JavaFX thread has copied out, for the render thread to fill again. */
    private final ConcurrentLinkedQueue<int[]> spareFrames = new ConcurrentLinkedQueue<>();

    /** One thread draws for every view: sections are read from disk there, never on the JavaFX thread. */
    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "slice-renderer");
        t.setDaemon(true);
        return t;
    });

    SliceView() {
        getChildren().add(view);
        setStyle("-fx-background-color: #1e1e1e;");
        setMinSize(64, 64);
        view.setPreserveRatio(false);
        view.setManaged(false);
        view.setSmooth(false);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        z.addListener((obs, was, now) -> draw());
    }

    /** Shows {@code v} (3-d, or 4-d with the first channel shown) from its first section, without the old layers. */
    void setVolume(Volume v) {
        volume = v;
        layers.forEach(this::unfollow);
        layers.clear();
        zoom = 0;
        shownRegion = null;
        askedGeometry = null;
        view.setImage(null);
        if (z.get() != 0) {
            z.set(0);
        } else {
            draw();
        }
    }

    Volume volume() {
        return volume;
    }

    /** The section index shown, clamped to the volume by {@link #step}. */
    IntegerProperty zProperty() {
        return z;
    }

    /** The drawn section (for tests and snapshots). */
    ReadOnlyObjectProperty<WritableImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** The voxel (z, y, x) under a point in this view's coordinates, or null outside the image. */
    int[] voxelAt(double localX, double localY) {
        if (volume == null) {
            return null;
        }
        int[] s = volume.spatialShape();
        double scale = scale();
        if (!(scale > 0)) {
            return null;
        }
        double x = (localX - originX()) / scale;
        double y = (localY - originY()) / scale;
        if (x < 0 || y < 0 || x >= s[2] || y >= s[1]) {
            return null;
        }
        return new int[] {z.get(), (int) y, (int) x};
    }

    /** The centre of voxel (y, x) of the shown section in this view's coordinates. */
    Point2D centreOf(int y, int x) {
        double scale = scale();
        return new Point2D(originX() + (x + 0.5) * scale, originY() + (y + 0.5) * scale);
    }

    /** Moves {@code delta} sections, staying inside the volume. */
    void step(int delta) {
        if (volume == null) {
            return;
        }
        int last = volume.spatialShape()[0] - 1;
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

    /**
     * Runs {@code r} on the render thread after the draws asked for so far (to close volumes they may still read).
     */
    void afterPendingDraws(Runnable r) {
        RENDERER.execute(r);
    }

    List<LabelLayer> layers() {
        return List.copyOf(layers);
    }

    /** The layers, to follow additions and removals (read only). */
    ObservableList<LabelLayer> layerList() {
        return layersReadOnly;
    }

    void setMapping(GrayMapping m) {
        mapping = m;
        draw();
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
        return CompletableFuture.supplyAsync(() -> section(v, zi, false), RENDERER);
    }

    /** Section {@code zi} of a volume (first channel of a 4-d volume), shape (1, y, x). */
    private static Block section(Volume v, int zi, boolean reuse) {
        int[] s = v.spatialShape();
        return region(v, zi, new int[] {0, 0, s[1], s[2]}, reuse);
    }

    /** The region {y0, x0, height, width} of section {@code zi} (first channel of a 4-d volume), shape (1, h, w). */
    private static Block region(Volume v, int zi, int[] region, boolean reuse) {
        int r = v.rank();
        int[] start = new int[r];
        int[] size = new int[r];
        if (r == 4) {
            size[0] = 1;
        }
        start[r - 3] = zi;
        size[r - 3] = 1;
        start[r - 2] = region[0];
        start[r - 1] = region[1];
        size[r - 2] = region[2];
        size[r - 1] = region[3];
        if (reuse) { // only on the render thread, and only for blocks used before the next frame
            Block b = v.read(start, size, SECTIONS.get(v));
            SECTIONS.put(v, b);
            return b;
        }
        return v.read(start, size);
    }

    /**
     * Asks for the current section to be drawn. The section and the layers are read and composed on a render
     * thread (through the volumes' chunk caches), so the window never waits for the disk; the frame is copied into
     * the pixel buffer on the JavaFX thread, unless a newer request came meanwhile. Until then the previous frame
     * stays on screen.
     */
    private void draw() {
        if (volume == null) {
            return;
        }
        int[] region = visibleRegion();
        if (region == null) {
            return; // not laid out yet, or the section is outside the view
        }
        double step = Math.max(1, 1 / scale());
        askedGeometry = geometry(region, step);
        long ticket = requested.incrementAndGet();
        Volume v = volume;
        int zi = Math.max(0, Math.min(v.spatialShape()[0] - 1, z.get()));
        GrayMapping m = mapping;
        // probabilities under labels; polarity before clefts: a cleft stays red where it lies between pre and post
        List<LabelLayer> shown = new ArrayList<>();
        for (LabelLayer.Kind kind : List.of(LabelLayer.Kind.PROBABILITY, LabelLayer.Kind.INSTANCES, LabelLayer.Kind.POLARITY,
                LabelLayer.Kind.CLEFTS)) {
            for (LabelLayer layer : layers) {
                if (layer.kind() == kind && layer.visibleProperty().get()) {
                    shown.add(layer);
                }
            }
        }
        Sampling sampling = Sampling.of(region[2], region[3], step);
        long asked = System.nanoTime();
        RENDERER.execute(() -> {
            if (requested.get() != ticket) {
                return; // superseded before it started
            }
            int n = sampling.frameWidth() * sampling.frameHeight();
            int[] spare = spareFrames.poll();
            int[] frame = spare != null && spare.length == n ? spare : new int[n];
            try {
                compose(v, zi, region, sampling, m, shown, frame, () -> {
                    // the image alone took long (its chunks were not cached, so the labels' likely are not either):
                    // show it now and the labels when they are read
                    if (!shown.isEmpty() && System.nanoTime() - asked > PARTIAL_AFTER_NANOS) {
                        int[] partial = frame.clone();
                        Platform.runLater(() -> show(ticket, region, sampling, partial, false));
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    if (requested.get() == ticket) {
                        loading.set(false);
                        problem.set("Cannot draw section " + (zi + 1) + " of " + v.name() + ": " + e.getMessage());
                    }
                });
                return;
            }
            Platform.runLater(() -> show(ticket, region, sampling, frame, true));
        });
    }

    private static long[] geometry(int[] region, double step) {
        return new long[] {region[0], region[1], region[2], region[3], Math.round(step * 1e6)};
    }

    /** The voxels of the section inside the view, {y0, x0, height, width}, or null when none are. */
    private int[] visibleRegion() {
        if (volume == null || !(getWidth() > 0) || !(getHeight() > 0)) {
            return null;
        }
        int[] s = volume.spatialShape();
        double scale = scale();
        double ox = originX();
        double oy = originY();
        int x0 = (int) Math.max(0, Math.floor(-ox / scale));
        int y0 = (int) Math.max(0, Math.floor(-oy / scale));
        int x1 = (int) Math.min(s[2], Math.ceil((getWidth() - ox) / scale));
        int y1 = (int) Math.min(s[1], Math.ceil((getHeight() - oy) / scale));
        return x1 > x0 && y1 > y0 ? new int[] {y0, x0, y1 - y0, x1 - x0} : null;
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
        framesShown.incrementAndGet();
        loading.set(!complete);
        if (complete) {
            drawn = ticket;
        }
        problem.set(null);
    }

    /** Reads the region of section {@code zi} of the image and the layers and composes the frame's pixels. */
    private static void compose(Volume v, int zi, int[] region, Sampling sampling, GrayMapping m, List<LabelLayer> shown,
            int[] frame, Runnable imageDone) {
        long t0 = System.nanoTime();
        Block image = region(v, zi, region, true);
        long t1 = System.nanoTime();
        m.map(image, sampling, frame);
        long t2 = System.nanoTime();
        imageDone.run();
        long read = 0;
        long blend = 0;
        for (LabelLayer layer : shown) {
            long a = System.nanoTime();
            Block labels = region(layer.labels(), zi, region, true);
            long b = System.nanoTime();
            layer.blend(labels, sampling, frame);
            read += b - a;
            blend += System.nanoTime() - b;
        }
        LAST_COMPOSE_MILLIS.set(new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, read / 1e6, blend / 1e6});
    }

    /** Milliseconds of the last composition: image read, image map, layers read, layers blend (for benchmarks). */
    static final AtomicReference<double[]> LAST_COMPOSE_MILLIS = new AtomicReference<>();

    /** Frames copied to the screen so far, partial ones included (for benchmarks). */
    long framesShown() {
        return framesShown.get();
    }

    /** True while the image is shown without its label layers, which are still being read. */
    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether the last requested frame is on screen (for tests and benchmarks). */
    boolean upToDate() {
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
        if (region != null && !Arrays.equals(askedGeometry, geometry(region, Math.max(1, 1 / scale())))) {
            draw();
        }
    }

    /** Puts the image view over the voxels of the frame it shows, at the current zoom and position. */
    private void placeImage() {
        if (shownRegion == null || volume == null) {
            return;
        }
        double scale = scale();
        view.setFitWidth(shownRegion[3] * scale);
        view.setFitHeight(shownRegion[2] * scale);
        view.relocate(originX() + shownRegion[1] * scale, originY() + shownRegion[0] * scale);
    }

    /** Screen pixels per voxel now. */
    double scale() {
        if (volume == null) {
            return 1;
        }
        if (zoom > 0) {
            return zoom;
        }
        int[] s = volume.spatialShape();
        double fit = Math.min(getWidth() / s[2], getHeight() / s[1]);
        return fit > 0 ? fit : 1;
    }

    /** Where voxel (0, 0)'s corner is in this view, x. */
    private double originX() {
        return zoom > 0 ? originX : (getWidth() - volume.spatialShape()[2] * scale()) / 2;
    }

    /** Where voxel (0, 0)'s corner is in this view, y. */
    private double originY() {
        return zoom > 0 ? originY : (getHeight() - volume.spatialShape()[1] * scale()) / 2;
    }

    /** Zooms by {@code factor} (1/64 to 64 pixels per voxel) keeping the point (x, y) of this view where it is. */
    void zoomAt(double factor, double x, double y) {
        if (volume == null) {
            return;
        }
        double now = scale();
        double next = Math.max(1.0 / 64, Math.min(64, now * factor));
        double ox = originX();
        double oy = originY();
        originX = x - (x - ox) * next / now;
        originY = y - (y - oy) * next / now;
        zoom = next;
        layoutChildren();
    }

    /** One screen pixel per voxel, around the middle of the view. */
    void oneToOne() {
        zoomAt(1 / scale(), getWidth() / 2, getHeight() / 2);
    }

    /** Back to the whole section fitted into the view. */
    void fit() {
        zoom = 0;
        layoutChildren();
    }

    /** Moves the image by (dx, dy) screen pixels. */
    void pan(double dx, double dy) {
        if (volume == null) {
            return;
        }
        if (zoom <= 0) {
            double ox = originX();
            double oy = originY();
            zoom = scale();
            originX = ox;
            originY = oy;
        }
        originX += dx;
        originY += dy;
        layoutChildren();
    }

    @Override
    protected double computePrefWidth(double height) {
        return volume == null ? 512 : volume.spatialShape()[2];
    }

    @Override
    protected double computePrefHeight(double width) {
        return volume == null ? 512 : volume.spatialShape()[1];
    }
}
