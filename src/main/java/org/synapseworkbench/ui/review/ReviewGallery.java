package org.synapseworkbench.ui.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

import impl.org.controlsfx.skin.GridViewSkin;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

import org.synapseworkbench.proofread.ReviewQueue;
import org.synapseworkbench.ui.action.Action;
import org.synapseworkbench.ui.task.FxBatches;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.render.GrayMapping;
import org.synapseworkbench.ui.viewer.render.RenderQueue;
import org.synapseworkbench.ui.viewer.render.TileComposer;
import org.synapseworkbench.volume.Volume;

/**
 * The review queue as a gallery in place of the planes: a tile per item, in the table's order and filter, each the xy
 * section through the item's centre (optionally the xz plane below) with its number, kind and verdict, framed in the
 * verdict's colour. Only tiles on screen are drawn (the grid makes cells for the visible rows only; a tile scrolled
 * away before its turn on the render thread is skipped), and the last few hundred are kept, so thousands of items
 * scroll as fast as a handful. A click chooses a tile (the table follows), the review's keys decide it, the arrows
 * move between tiles, and Enter or a double click shows the item in the planes.
 */
public final class ReviewGallery {
    /** A tile's side on screen, in pixels. */
    static final int TILE = 128;
    private static final int KEPT = 400;
    private static final int CAPTION = 38;
    private final WorkbenchWindow window;
    private final ReviewTable table;
    private final Supplier<ReviewQueue> queue;
    private final IntConsumer open;
    private final GridView<Integer> grid = new GridView<>();
    private final CheckBox withXz = new CheckBox("xz plane below");
    private final Label heading = new Label();
    private final BorderPane node = new BorderPane();
    /** The render thread's composer. */
    private final TileComposer composer = new TileComposer();
    private final FxBatches fx = new FxBatches();
    /** The tiles drawn, the most recently shown last. JavaFX thread. */
    private final Map<Integer, Pictures> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Pictures> eldest) {
            return size() > KEPT;
        }
    };
    /** The cells and the item each shows. JavaFX thread. */
    private final Map<TileCell, Integer> cells = new WeakHashMap<>();
    /** The items the cells show now, for the render thread to skip the others. */
    private volatile Set<Integer> onScreen = Set.of();
    /** Items asked of the render thread and not drawn yet. JavaFX thread. */
    private final Set<Integer> asked = new HashSet<>();
    /** Changes when what the tiles show changes (contrast, layers, the xz option): older tiles are dropped. */
    private final AtomicInteger generation = new AtomicInteger();
    /** Tiles composed since the gallery was made (for tests: only those on screen are). */
    private final AtomicInteger composed = new AtomicInteger();

    /** A drawn tile: its pictures as images, and the xz picture's height on screen. */
    private record Pictures(Image xy, Image xz, double xzHeight, double xyWidth, double xyHeight) {
    }

    /**
     * @param table the review's table: its rows are the gallery's tiles, its selection the tile chosen
     * @param open shows an item in the planes (the gallery closes)
     */
    ReviewGallery(WorkbenchWindow window, ReviewTable table, Supplier<ReviewQueue> queue, IntConsumer open) {
        this.window = window;
        this.table = table;
        this.queue = queue;
        this.open = open;
        grid.setId("review-gallery");
        grid.setItems(table.view().getItems());
        grid.setCellWidth(TILE + 8);
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(g -> new TileCell());
        grid.setFocusTraversable(true);
        grid.setStyle("-fx-background-color: #1e1e1e;");
        layoutCells();
        withXz.setOnAction(e -> {
            layoutCells();
            redraw();
        });
        Button back = new Button("Planes (" + Action.REVIEW_GALLERY.keyText() + ")");
        back.setOnAction(e -> open.accept(table.current()));
        heading.setId("review-gallery-heading");
        Label hint = new Label("Click a tile to choose it; C, X, U decide it; the arrows move; Enter or a double click "
                + "shows it in the planes.");
        hint.setWrapText(true);
        FlowPane top = new FlowPane(12, 4, heading, withXz, back, hint);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 8, 4, 8));
        hint.prefWidthProperty().bind(top.widthProperty().subtract(24));
        node.setTop(top);
        node.setCenter(grid);
        table.view().getItems().addListener((javafx.collections.ListChangeListener<Integer>) c -> updateHeading());
        window.mappingProperty().addListener((obs, was, now) -> {
            if (!window.planesShown()) {
                redraw(); // the contrast changed on the View tab: the tiles follow
            }
        });
        updateHeading();
    }

    /**
     * Once the grid is laid out (cells are updated while rows are placed): notes the items on screen and asks for the
     * tiles they lack.
     */
    private void sync() {
        if (syncQueued) {
            return;
        }
        syncQueued = true;
        javafx.application.Platform.runLater(() -> {
            syncQueued = false;
            onScreen = shown();
            cells.keySet().stream().filter(TileCell::attached).forEach(TileCell::request);
        });
    }

    private boolean syncQueued;

    /** The items of the cells on screen. */
    private Set<Integer> shown() {
        Set<Integer> items = new HashSet<>();
        cells.forEach((cell, item) -> {
            if (cell.attached()) {
                items.add(item);
            }
        });
        return Set.copyOf(items);
    }

    /** The gallery, to show in place of the planes. */
    BorderPane node() {
        return node;
    }

    public GridView<Integer> grid() {
        return grid;
    }

    /** Tiles composed so far. */
    public int composed() {
        return composed.get();
    }

    private void layoutCells() {
        grid.setCellHeight(TILE * (withXz.isSelected() ? 2 : 1) + CAPTION + 8);
    }

    /** Draws every tile anew (the contrast, the layers or the corrections changed); only those on screen now. */
    void redraw() {
        generation.incrementAndGet();
        kept.clear();
        asked.clear();
        sync();
        updateHeading();
    }

    /** After a decision or a new choice: the frames and captions, and the chosen tile in view. */
    void refresh() {
        cells.keySet().forEach(TileCell::decorate);
        int row = table.selectedRow();
        if (row >= 0 && grid.getSkin() instanceof GridViewSkin<?> skin && grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(row / Math.max(1, skin.computeMaxCellsInRow())); // only as far as it takes
        }
        updateHeading();
    }

    private void updateHeading() {
        int n = table.view().getItems().size();
        heading.setText(queue.get() == null ? "No items yet: press Find in the Review tab."
                : n + " item" + (n == 1 ? "" : "s") + " shown, in the table's order");
    }

    /** The gallery's own keys while it is shown: the arrows move the choice. */
    boolean key(KeyEvent e) {
        if (node.getScene() == null || window.planesShown() || !Action.GALLERY_MOVE.matches(e) || queue.get() == null) {
            return false;
        }
        int perRow = grid.getSkin() instanceof GridViewSkin<?> skin ? Math.max(1, skin.computeMaxCellsInRow()) : 1;
        KeyCode k = e.getCode();
        int delta = k == KeyCode.LEFT ? -1 : k == KeyCode.RIGHT ? 1 : k == KeyCode.UP ? -perRow : perRow;
        int rows = table.view().getItems().size();
        int at = table.selectedRow();
        int to = at < 0 ? 0 : Math.max(0, Math.min(rows - 1, at + delta));
        if (rows > 0 && to != at) {
            table.select(to);
        }
        return true;
    }

    /** One tile: pictures, caption, and a frame in the colour of its verdict. */
    private final class TileCell extends GridCell<Integer> {
        private final ImageView xy = new ImageView();
        private final ImageView xz = new ImageView();
        private final Label caption = new Label();
        private final VBox box = new VBox(2, xy, xz, caption);

        TileCell() {
            xy.setSmooth(false);
            xz.setSmooth(false);
            xz.setPreserveRatio(false);
            caption.setWrapText(true);
            caption.setTextAlignment(TextAlignment.CENTER);
            caption.setMaxWidth(TILE);
            caption.setStyle("-fx-text-fill: #e8e8e8; -fx-font-size: 11px;");
            box.setAlignment(Pos.TOP_CENTER);
            box.setPadding(new Insets(2));
            setOnMouseClicked(e -> {
                Integer item = getItem();
                if (item == null) {
                    return;
                }
                grid.requestFocus();
                int row = table.view().getItems().indexOf(item);
                if (row >= 0 && row != table.selectedRow()) {
                    table.select(row);
                }
                if (e.getClickCount() == 2) {
                    open.accept(item);
                }
            });
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                cells.remove(this);
                setGraphic(null);
            } else {
                cells.put(this, item);
                setGraphic(box);
                show(kept.get(item));
            }
            decorate();
            sync();
        }

        /**
         * Whether the cell is on screen: the grid drops cells of a row that shrank without emptying them, and keeps
         * rows scrolled away hidden for later.
         */
        boolean attached() {
            return getParent() != null && getParent().isVisible() && getParent().getParent() != null;
        }

        /** The tile's pictures: kept ones at once, others asked of the render thread. */
        void request() {
            Integer item = getItem();
            if (item == null || isEmpty()) {
                return;
            }
            Pictures p = kept.get(item);
            show(p);
            if (p == null && asked.add(item)) {
                draw(item);
            }
        }

        void show(Pictures p) {
            xy.setImage(p == null ? null : p.xy());
            xy.setFitWidth(p == null ? TILE : p.xyWidth());
            xy.setFitHeight(p == null ? TILE : p.xyHeight());
            xz.setImage(p == null ? null : p.xz());
            xz.setVisible(withXz.isSelected());
            xz.setManaged(withXz.isSelected());
            if (p != null && p.xz() != null) {
                xz.setFitWidth(p.xyWidth());
                xz.setFitHeight(p.xzHeight());
            }
        }

        /** The caption and the frame: number, kind, verdict; the chosen tile on a light ground. */
        void decorate() {
            Integer item = getItem();
            ReviewQueue q = queue.get();
            if (item == null || isEmpty() || q == null || item >= q.size()) {
                setStyle("");
                return;
            }
            ReviewQueue.Item it = q.items().get(item);
            ReviewQueue.Verdict v = q.verdict(item);
            caption.setText("#" + (item + 1) + " " + it.kind().label() + "\n" + v.label());
            boolean chosen = item == table.current();
            setStyle("-fx-border-color: " + colour(v.status()) + "; -fx-border-width: " + (chosen ? 4 : 2)
                    + "; -fx-background-color: " + (chosen ? "#36507a" : "#2a2a2a") + ";");
        }
    }

    /** The frame of a verdict: grey to review, green accepted, red rejected, amber unsure. */
    static String colour(ReviewQueue.Status s) {
        return switch (s) {
            case TO_REVIEW -> "#8a8a8a";
            case ACCEPTED -> "#39b54a";
            case REJECTED -> "#e53935";
            case UNSURE -> "#f0a000";
        };
    }

    /** Composes an item's tile on the render thread, unless it left the screen first; shows it where it is shown. */
    private void draw(int item) {
        Volume image = window.state().image();
        ReviewQueue q = queue.get();
        if (image == null || q == null || item >= q.size()) {
            asked.remove(item);
            return;
        }
        ReviewQueue.Item it = q.items().get(item);
        GrayMapping mapping = window.mapping();
        List<LabelLayer> layers = new ArrayList<>();
        List<LabelLayer.Style> styles = new ArrayList<>();
        for (LabelLayer l : window.state().layers()) {
            if (l.visibleProperty().get()) {
                layers.add(l);
                styles.add(l.style());
            }
        }
        boolean xzToo = withXz.isSelected();
        int drawnFor = generation.get();
        RenderQueue.submit(RenderQueue.TILES, () -> {
            java.util.function.BooleanSupplier gone = () -> generation.get() != drawnFor || !onScreen.contains(item);
            TileComposer.Tile t = gone.getAsBoolean() ? null : composer.compose(image, it.centre(), it.min(), it.max(),
                    TILE, mapping, layers, styles, xzToo, gone);
            if (t != null) {
                composed.incrementAndGet();
            }
            fx.post(() -> {
                asked.remove(item);
                if (t == null || generation.get() != drawnFor) {
                    return;
                }
                Pictures p = pictures(t);
                kept.put(item, p);
                cells.forEach((cell, shown) -> {
                    if (shown == item) {
                        cell.show(p);
                    }
                });
            });
        });
    }

    private static Pictures pictures(TileComposer.Tile t) {
        double scale = Math.min((double) TILE / t.xy().width(), (double) TILE / t.xy().height());
        Image xz = t.xz() == null ? null : image(t.xz());
        double xzHeight = t.xz() == null ? 0 : Math.min(TILE, t.xz().height() * t.xzRowScale() * scale);
        return new Pictures(image(t.xy()), xz, xzHeight, t.xy().width() * scale, t.xy().height() * scale);
    }

    private static Image image(TileComposer.Picture p) {
        WritableImage im = new WritableImage(p.width(), p.height());
        im.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0, p.width());
        return im;
    }
}
