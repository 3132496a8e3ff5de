package org.synapseworkbench.ui.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Screen;

import org.synapseworkbench.ui.action.Action;
import org.synapseworkbench.ui.action.KeyBindings;
import org.synapseworkbench.ui.state.WorkbenchState;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.render.GrayMapping;
import org.synapseworkbench.volume.Volume;

/**
 * The workbench's main view: the xy section of the open image with a section slider and a status line. Sections
 * change by slider, mouse wheel, Page Up/Down and the Up/Down arrow keys; number keys show and hide label layers.
 * Ctrl+wheel zooms around the mouse, + and - around the middle, Ctrl+0 shows one voxel per screen pixel, F fits the
 * section into the view; dragging moves it.
 * <p>
 * Longer than 400 lines on purpose: the layout of the three planes and every route of a mouse or key event between
 * them (crosshairs, focus, panning, the panels' keys) are one piece of interaction, kept where each can see the others.
 */
public final class WorkbenchWindow {
    private final SliceView slice = new SliceView();
    /** The xz plane through the crosshair's y and the yz plane through its x, below the section. */
    private final SliceView xz = new SliceView(SliceView.XZ);
    private final SliceView yz = new SliceView(SliceView.YZ);
    private final ViewPanel view = new ViewPanel(slice, xz, yz);
    private final Slider zSlider = new Slider(0, 0, 0);
    private final Label status = new Label();
    private final Label cursor = new Label();
    /** The mouse position in the section view, or null when the mouse is elsewhere. */
    private Point2D mouse;
    /** Where the last drag event was, while the image is dragged. */
    private Point2D drag;
    private final BorderPane root = new BorderPane();
    private final MenuBar menus = new MenuBar();
    private final SplitPane split = new SplitPane();
    private final TabPane panels = new TabPane();
    private final Scene scene;
    private final WorkbenchState state;
    /** The planes and the status lines below them; the planes give way to another view (the review gallery). */
    private final BorderPane viewer;
    private final SplitPane planes;
    /** The viewer's own keys: sections, zoom, contrast, layers. */
    private final KeyBindings viewerKeys = new KeyBindings()
            .on(Action.NEXT_SECTION, () -> slice.step(1))
            .on(Action.PREVIOUS_SECTION, () -> slice.step(-1))
            .on(Action.ZOOM_IN, () -> slice.zoomAt(1.25, slice.getWidth() / 2, slice.getHeight() / 2))
            .on(Action.ZOOM_OUT, () -> slice.zoomAt(0.8, slice.getWidth() / 2, slice.getHeight() / 2))
            .on(Action.ONE_TO_ONE, slice::oneToOne)
            .on(Action.FIT, slice::fit)
            .on(Action.AUTO_CONTRAST, view::autoContrast)
            .onKey(Action.TOGGLE_LAYER, this::toggleLayer);

    /** A window on {@code image} with a state of its own. */
    public WorkbenchWindow(Volume image) {
        this(new WorkbenchState(), image);
    }

    /** A window that draws what {@code state} holds, opening {@code image} in it. */
    public WorkbenchWindow(WorkbenchState state, Volume image) {
        this.state = state;
        zSlider.setBlockIncrement(1);
        zSlider.setMajorTickUnit(1);
        zSlider.setSnapToTicks(true);
        zSlider.setFocusTraversable(false);
        HBox.setHgrow(zSlider, Priority.ALWAYS);
        slice.setFocusTraversable(true);
        HBox sections = new HBox(8, new Label("z"), zSlider, status);
        sections.setAlignment(Pos.CENTER_LEFT);
        // two lines, always: the voxel and a value per layer overflow one line of a 1280-pixel window once a polarity
        // prediction adds its three probability layers, and a fixed height keeps the views still under a moving mouse
        Text line = new Text("Xg");
        line.setFont(cursor.getFont());
        double twoLines = 2 * Math.ceil(line.getLayoutBounds().getHeight());
        cursor.setWrapText(true);
        cursor.setAlignment(Pos.TOP_LEFT);
        cursor.setMaxWidth(Double.MAX_VALUE);
        cursor.setMinHeight(twoLines);
        cursor.setPrefHeight(twoLines);
        cursor.setMaxHeight(twoLines);
        VBox bottom = new VBox(2, sections, cursor);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        SplitPane ortho = new SplitPane(xz, yz);
        planes = new SplitPane(slice, ortho);
        planes.setOrientation(javafx.geometry.Orientation.VERTICAL);
        planes.setDividerPositions(0.72);
        // one plain fill, no border: the software renderer (no GPU) repaints every ancestor under a changed view, and
        // drew the split panes' bordered backgrounds as scaled images, 15-25 ms a frame behind a 540 x 540 section
        for (SplitPane p : List.of(split, planes, ortho)) {
            p.setStyle("-fx-background-color: -fx-background; -fx-background-insets: 0; -fx-padding: 0;");
        }
        viewer = new BorderPane(planes);
        viewer.setBottom(new LayoutBoundary(bottom)); // the status lines change with every move of the mouse
        viewer.setMinWidth(200);
        panels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        split.getItems().add(viewer);
        root.setTop(menus);
        root.setCenter(split);
        zSlider.valueProperty().addListener((obs, was, now) -> slice.zProperty().set((int) Math.round(now.doubleValue())));
        slice.problemProperty().addListener((obs, was, now) -> updateStatus());
        slice.loadingProperty().addListener((obs, was, now) -> updateStatus());
        slice.zProperty().addListener((obs, was, now) -> {
            zSlider.setValue(now.intValue());
            updateStatus();
            updateCursor();
            updateCrosshairs();
        });
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1280, 0.92 * screen.getWidth()), Math.min(800, 0.9 * screen.getHeight()));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (PanelKeys k : panelKeys) {
                if (!(scene.getFocusOwner() instanceof TextInputControl) && (viewerHasKeys() || within(k.owner()))
                        && k.handler().test(e)) {
                    e.consume();
                    return;
                }
            }
            if (!viewerHasKeys()) {
                return;
            }
            if (viewerKeys.test(e)) {
                e.consume();
            }
        });
        slice.setOnMouseMoved(e -> {
            mouse = new Point2D(e.getX(), e.getY());
            updateCursor();
        });
        slice.setOnMouseExited(e -> {
            mouse = null;
            updateCursor();
        });
        slice.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) {
                return;
            }
            if (e.isControlDown()) {
                slice.zoomAt(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY());
            } else {
                slice.step(e.getDeltaY() < 0 ? 1 : -1);
            }
            e.consume();
        });
        slice.setOnMousePressed(e -> {
            drag = new Point2D(e.getX(), e.getY());
            slice.requestFocus();
        });
        slice.setOnMouseDragged(e -> {
            if (drag != null) {
                slice.pan(e.getX() - drag.getX(), e.getY() - drag.getY());
                drag = new Point2D(e.getX(), e.getY());
                mouse = drag;
                updateCursor();
            }
        });
        slice.setOnMouseReleased(e -> {
            if (e.isStillSincePress()) {
                focusAt(slice, e.getX(), e.getY());
            }
            drag = null;
        });
        for (SliceView o : new SliceView[] {xz, yz}) {
            o.setOnMouseMoved(e -> {
                mouse = null;
                cursor.setText(describe(o.voxelAt(e.getX(), e.getY())));
            });
            o.setOnMouseClicked(e -> {
                if (e.isStillSincePress()) {
                    focusAt(o, e.getX(), e.getY());
                }
            });
            o.addEventHandler(ScrollEvent.SCROLL, e -> {
                if (e.getDeltaY() != 0) {
                    o.step(e.getDeltaY() < 0 ? 1 : -1);
                    updateCrosshairs();
                    e.consume();
                }
            });
        }
        addPanel("View", view.node());
        state.layers().addListener((ListChangeListener<LabelLayer>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::undraw);
                c.getAddedSubList().forEach(this::draw);
            }
        });
        state.imageProperty().addListener((o, was, now) -> {
            if (now != null) {
                show(now);
            }
        });
        open(image);
    }

    /** Shows or hides the layer a digit key names; false when there is no such layer. */
    private boolean toggleLayer(KeyEvent e) {
        int n = Action.layerOf(e);
        if (n < 0 || n >= state.layers().size()) {
            return false;
        }
        BooleanProperty shown = state.layers().get(n).visibleProperty();
        shown.set(!shown.get());
        return true;
    }

    /** What this window draws, and the panels observe. */
    public WorkbenchState state() {
        return state;
    }

    /**
     * Whether a key press is the viewer's: not while a side panel or the menus hold the focus, so fields there get
     * digits, arrows and letters. Clicking the section gives the keys back to the viewer.
     */
    private boolean viewerHasKeys() {
        for (Node n = scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == panels || n == menus || n instanceof TextInputControl) {
                return false;
            }
        }
        return true;
    }

    /** Adds a tab to the side panels beside the section view (which appear with their first tab). */
    public void addPanel(String title, Node content) {
        Tab tab = new Tab(title, new LayoutBoundary(content)); // a panel's updates are laid out within it
        panels.getTabs().add(tab);
        if (!split.getItems().contains(panels)) {
            split.getItems().add(panels);
            split.setDividerPositions(0.6);
        }
    }

    /** Shows {@code other} where the three planes are, or the planes again (null); the status lines stay below. */
    public void showInPlaceOfPlanes(Node other) {
        viewer.setCenter(other == null ? planes : other);
    }

    /** Whether the planes are shown (not a view in their place). */
    public boolean planesShown() {
        return viewer.getCenter() == planes;
    }

    /** The grey mapping the planes draw the image with, for pictures of it drawn elsewhere. */
    public GrayMapping mapping() {
        return slice.mapping();
    }

    /** {@link #mapping()}, to follow as the contrast changes. */
    public javafx.beans.property.ReadOnlyObjectProperty<GrayMapping> mappingProperty() {
        return slice.mappingProperty();
    }

    /** Selects the side tab of this title. */
    public void showPanel(String title) {
        panels.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> panels.getSelectionModel().select(t));
    }

    /** The menu bar; the application fills it. */
    public MenuBar menus() {
        return menus;
    }

    /** Draws a label volume over the image in every plane (adds it to the state's layers); number key n shows or hides the n-th layer. */
    public void addLayer(LabelLayer layer) {
        state.layers().add(layer);
    }

    /** Takes a layer off every plane (and off the state's layers). */
    public void removeLayer(LabelLayer layer) {
        state.layers().remove(layer);
    }

    private void draw(LabelLayer layer) {
        slice.addLayer(layer);
        xz.addLayer(layer);
        yz.addLayer(layer);
    }

    private void undraw(LabelLayer layer) {
        slice.removeLayer(layer);
        xz.removeLayer(layer);
        yz.removeLayer(layer);
    }

    /**
     * Moves the crosshair to the voxel under (x, y) of a plane view: the other planes follow (a click in the section
     * picks the xz and yz planes; a click in those picks the section and the other one).
     */
    private void focusAt(SliceView where, double x, double y) {
        int[] v = where.voxelAt(x, y);
        if (v == null) {
            return;
        }
        slice.zProperty().set(v[0]);
        xz.zProperty().set(v[1]);
        yz.zProperty().set(v[2]);
        updateCrosshairs();
    }

    /** The crosshair through (z, y, x) = (section, xz plane, yz plane) in each view's rows and columns. */
    private record PanelKeys(Node owner, Predicate<KeyEvent> handler) {
    }

    private final List<PanelKeys> panelKeys = new ArrayList<>();

    /**
     * Keys a side panel takes while the viewer or the panel itself has the focus (never from a text field): the
     * handler returns true for a key it used.
     */
    public void addPanelKeys(Node owner, Predicate<KeyEvent> handler) {
        panelKeys.add(new PanelKeys(owner, handler));
    }

    private boolean within(Node owner) {
        for (Node n = scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == owner) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shows voxel {@code at} (z, y, x) in all three views, zoomed so that the box {@code min .. max} around it takes
     * about a third of each view, and rings it on the planes through that box.
     */
    public void goTo(int[] at, int[] min, int[] max) {
        slice.zProperty().set(at[0]);
        xz.zProperty().set(at[1]);
        yz.zProperty().set(at[2]);
        double radius = Math.max(4, Math.max(max[1] - min[1], max[2] - min[2]) / 2.0 + 3);
        centre(slice, at[1], at[2], radius);
        centre(xz, at[0], at[2], radius);
        centre(yz, at[0], at[1], radius);
        // on the planes through the item's box and one more on each side: paging away hides the ring
        slice.setRing(new int[] {at[1], at[2]}, radius, min[0] - 1, max[0] + 1);
        xz.setRing(new int[] {at[0], at[2]}, radius, min[1] - 1, max[1] + 1);
        yz.setRing(new int[] {at[0], at[1]}, radius, min[2] - 1, max[2] + 1);
        updateCrosshairs(); // through the item: the section's change above came before the planes'
    }

    private static void centre(SliceView v, int row, int col, double radius) {
        if (v.volume() == null || !(v.getWidth() > 0)) {
            return;
        }
        double target = Math.max(1.0 / 64, Math.min(16, Math.min(v.getWidth(), v.getHeight()) / (6 * radius)));
        Point2D p = v.centreOf(row, col);
        v.zoomAt(target / v.scale(), p.getX(), p.getY());
        p = v.centreOf(row, col);
        v.pan(v.getWidth() / 2 - p.getX(), v.getHeight() / 2 - p.getY());
    }

    private void updateCrosshairs() {
        int z = slice.zProperty().get();
        int y = xz.zProperty().get();
        int x = yz.zProperty().get();
        slice.setCrosshair(new int[] {y, x});
        xz.setCrosshair(new int[] {z, x});
        yz.setCrosshair(new int[] {z, y});
    }

    public SliceView xz() {
        return xz;
    }

    public SliceView yz() {
        return yz;
    }

    /** Shows another image from its first section (through the state: its layers and prediction go). */
    public void open(Volume image) {
        if (state.image() == image) {
            show(image); // from its first section again
        } else {
            state.open(image);
        }
    }

    private void show(Volume image) {
        slice.setVolume(image);
        xz.setVolume(image);
        yz.setVolume(image);
        state.layers().forEach(this::draw); // a view takes its layers off with its volume
        int[] s = image.spatialShape();
        xz.zProperty().set(s[1] / 2);
        yz.zProperty().set(s[2] / 2);
        view.reset();
        zSlider.setMax(Math.max(0, image.spatialShape()[0] - 1));
        zSlider.setValue(0);
        updateStatus();
        updateCrosshairs();
    }

    /** The voxel (z, y, x) under the mouse in the xy section, or null when the mouse is elsewhere. */
    public int[] voxelUnderMouse() {
        return mouse == null ? null : slice.voxelAt(mouse.getX(), mouse.getY());
    }

    public Scene scene() {
        return scene;
    }

    public SliceView slice() {
        return slice;
    }

    ViewPanel view() {
        return view;
    }

    public Label status() {
        return status;
    }

    /** The cursor line: voxel (z, y, x), its position in nm, the image value and every layer's id there. */
    String describe(int[] voxel) {
        return CursorLine.describe(slice.volume(), slice.layers(), voxel);
    }

    Label cursor() {
        return cursor;
    }

    private void updateCursor() {
        cursor.setText(mouse == null ? "" : describe(slice.voxelAt(mouse.getX(), mouse.getY())));
    }

    private void updateStatus() {
        Volume v = slice.volume();
        if (slice.problemProperty().get() != null) {
            status.setText(slice.problemProperty().get());
        } else if (v != null) {
            int[] s = v.spatialShape();
            // z as the cursor line, the review table and HDF5 count it: from 0
            status.setText("z " + slice.zProperty().get() + " of 0 to " + (s[0] - 1) + "   " + v.name() + "  " + s[0]
                    + " x " + s[1] + " x " + s[2] + (slice.loadingProperty().get() ? "   reading..." : ""));
        }
    }
}
