package org.synapseworkbench.ui;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
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
    /** Screen pixels per voxel, or 0 to fit the view; and the image's top left corner when not fitted. */
    private double zoom;
    private double originX;
    private double originY;
    private final AtomicLong requested = new AtomicLong();
    /** The ticket of the frame on screen; written on the JavaFX thread. */
    private volatile long drawn;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

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
        layer.visibleProperty().addListener((obs, was, now) -> draw());
        layer.opacityProperty().addListener((obs, was, now) -> draw());
        layer.outlineProperty().addListener((obs, was, now) -> draw());
        layer.thresholdProperty().addListener((obs, was, now) -> draw());
        draw();
    }

    /** Takes a layer off the image. */
    void removeLayer(LabelLayer layer) {
        if (layers.remove(layer)) {
            draw();
        }
    }

    List<LabelLayer> layers() {
        return List.copyOf(layers);
    }

    /** The layers, to follow additions and removals (read only). */
    ObservableList<LabelLayer> layerList() {
        return FXCollections.unmodifiableObservableList(layers);
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
        return CompletableFuture.supplyAsync(() -> section(v, zi), RENDERER);
    }

    /** Section {@code zi} of the image (first channel of a 4-d volume), shape (1, y, x). */
    private static Block section(Volume v, int zi) {
        int[] start = new int[v.rank()];
        int[] size = v.shape().clone();
        start[v.rank() - 3] = zi;
        size[v.rank() - 3] = 1;
        if (v.rank() == 4) {
            size[0] = 1;
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
        RENDERER.execute(() -> {
            if (requested.get() != ticket) {
                return; // superseded before it started
            }
            int[] frame = new int[target.length];
            try {
                compose(v, zi, m, shown, frame);
            } catch (RuntimeException e) {
                Platform.runLater(() -> problem.set("Cannot draw section " + (zi + 1) + " of " + v.name() + ": " + e.getMessage()));
                return;
            }
            Platform.runLater(() -> {
                if (requested.get() != ticket || pixels != buffer) {
                    return;
                }
                System.arraycopy(frame, 0, target, 0, frame.length);
                buffer.updateBuffer(b -> null);
                drawn = ticket;
                problem.set(null);
            });
        });
    }

    /** Reads section {@code zi} of the image and the layers and composes the pixels. */
    private static void compose(Volume v, int zi, GrayMapping m, List<LabelLayer> shown, int[] frame) {
        m.map(section(v, zi), frame);
        for (LabelLayer layer : shown) {
            layer.blend(layer.labels().readSection(zi), frame);
        }
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
