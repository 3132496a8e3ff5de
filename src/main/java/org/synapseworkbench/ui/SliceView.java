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
 * pixels with a {@link PixelBuffer}. Only the section shown is read from the volume, on a render thread.
 */
final class SliceView extends Region {
    private final IntegerProperty z = new SimpleIntegerProperty(this, "z", 0);
    private final ReadOnlyObjectWrapper<WritableImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ImageView view = new ImageView();
    private Volume volume;
    private GrayMapping mapping = GrayMapping.uint8();
    private PixelBuffer<IntBuffer> pixels;
    private int[] argb;
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
        view.setPreserveRatio(true);
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
        int[] s = v.spatialShape();
        argb = new int[s[1] * s[2]];
        pixels = new PixelBuffer<>(s[2], s[1], IntBuffer.wrap(argb), PixelFormat.getIntArgbPreInstance());
        WritableImage img = new WritableImage(pixels);
        image.set(img);
        view.setImage(img);
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
        double x = (localX - view.getLayoutX()) / scale;
        double y = (localY - view.getLayoutY()) / scale;
        if (x < 0 || y < 0 || x >= s[2] || y >= s[1]) {
            return null;
        }
        return new int[] {z.get(), (int) y, (int) x};
    }

    /** The centre of voxel (y, x) of the shown section in this view's coordinates. */
    Point2D centreOf(int y, int x) {
        double scale = scale();
        return new Point2D(view.getLayoutX() + (x + 0.5) * scale, view.getLayoutY() + (y + 0.5) * scale);
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
        int[] start = new int[v.rank()];
        int[] size = v.shape().clone();
        start[v.rank() - 3] = zi;
        size[v.rank() - 3] = 1;
        if (v.rank() == 4) {
            size[0] = 1;
        }
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
        long ticket = requested.incrementAndGet();
        Volume v = volume;
        int zi = Math.max(0, Math.min(v.spatialShape()[0] - 1, z.get()));
        GrayMapping m = mapping;
        // probabilities under labels; polarity before clefts: a cleft stays red where it lies between pre and post
        List<LabelLayer> shown = new ArrayList<>();
        for (LabelLayer.Kind kind : List.of(LabelLayer.Kind.PROBABILITY, LabelLayer.Kind.POLARITY, LabelLayer.Kind.CLEFTS)) {
            for (LabelLayer layer : layers) {
                if (layer.kind() == kind && layer.visibleProperty().get()) {
                    shown.add(layer);
                }
            }
        }
        int[] target = argb;
        PixelBuffer<IntBuffer> buffer = pixels;
        long asked = System.nanoTime();
        RENDERER.execute(() -> {
            if (requested.get() != ticket) {
                return; // superseded before it started
            }
            int[] spare = spareFrames.poll();
            int[] frame = spare != null && spare.length == target.length ? spare : new int[target.length];
            try {
                compose(v, zi, m, shown, frame, () -> {
                    // the image alone took long (its chunks were not cached, so the labels' likely are not either):
                    // show it now and the labels when they are read
                    if (!shown.isEmpty() && System.nanoTime() - asked > PARTIAL_AFTER_NANOS) {
                        int[] partial = frame.clone();
                        Platform.runLater(() -> show(ticket, buffer, target, partial, false));
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
            Platform.runLater(() -> show(ticket, buffer, target, frame, true));
        });
    }

    /**
     * Copies a composed frame into the pixel buffer (JavaFX thread) unless a newer one was asked for meanwhile;
     * {@code complete} is false for the image alone, shown while the label layers are still being read.
     */
    private void show(long ticket, PixelBuffer<IntBuffer> buffer, int[] target, int[] frame, boolean complete) {
        if (requested.get() != ticket || pixels != buffer) {
            spareFrames.offer(frame);
            return;
        }
        System.arraycopy(frame, 0, target, 0, frame.length);
        if (complete) {
            spareFrames.offer(frame);
        }
        buffer.updateBuffer(b -> null);
        framesShown.incrementAndGet();
        loading.set(!complete);
        if (complete) {
            drawn = ticket;
        }
        problem.set(null);
    }

    /** Reads section {@code zi} of the image and the layers and composes the pixels. */
    private static void compose(Volume v, int zi, GrayMapping m, List<LabelLayer> shown, int[] frame, Runnable imageDone) {
        long t0 = System.nanoTime();
        Block image = section(v, zi, true);
        long t1 = System.nanoTime();
        m.map(image, frame);
        long t2 = System.nanoTime();
        imageDone.run();
        long read = 0;
        long blend = 0;
        for (LabelLayer layer : shown) {
            long a = System.nanoTime();
            Block labels = section(layer.labels(), zi, true);
            long b = System.nanoTime();
            layer.blend(labels, frame);
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
     * {@link #zoomAt} and {@link #pan} set.
     */
    @Override
    protected void layoutChildren() {
        if (zoom <= 0 || volume == null) {
            view.setFitWidth(getWidth());
            view.setFitHeight(getHeight());
            var bounds = view.getLayoutBounds();
            view.relocate((getWidth() - bounds.getWidth()) / 2, (getHeight() - bounds.getHeight()) / 2);
            return;
        }
        int[] s = volume.spatialShape();
        view.setFitWidth(s[2] * zoom);
        view.setFitHeight(s[1] * zoom);
        view.relocate(originX, originY);
    }

    /** Screen pixels per voxel now. */
    double scale() {
        return volume == null ? 1 : view.getLayoutBounds().getWidth() / volume.spatialShape()[2];
    }

    /** Zooms by {@code factor} (1/64 to 64 pixels per voxel) keeping the point (x, y) of this view where it is. */
    void zoomAt(double factor, double x, double y) {
        double now = scale();
        double next = Math.max(1.0 / 64, Math.min(64, now * factor));
        originX = x - (x - view.getLayoutX()) * next / now;
        originY = y - (y - view.getLayoutY()) * next / now;
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
        if (zoom <= 0) {
            zoom = scale();
            originX = view.getLayoutX();
            originY = view.getLayoutY();
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
