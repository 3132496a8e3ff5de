package org.synapseworkbench.ui.review;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.synapseworkbench.proofread.MissCandidates;
import org.synapseworkbench.proofread.ProofreadingHistory;
import org.synapseworkbench.proofread.ReviewQueue;
import org.synapseworkbench.ui.action.Action;
import org.synapseworkbench.ui.action.KeyBindings;
import org.synapseworkbench.ui.task.JobTask;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.workflow.ReviewSearch;

/**
 * The review queue beside the viewer: every predicted synapse and every place where the model may have missed one
 * (found from a probability layer and an instance layer of the window, and with a ground-truth layer the true misses
 * and false detections), in a sortable table. Selecting a row, or N / P / Enter, shows the item in all three views,
 * zoomed and ringed; C, X and U accept, reject or mark it unsure and go on to the next; Ctrl+Z takes a decision back.
 * The search runs in the background, with progress and a cancel button.
 */
public final class ReviewPanel {
    private static final String NONE = "(none)";
    private final WorkbenchWindow window;
    private final ComboBox<String> probability = new ComboBox<>();
    private final ComboBox<String> instances = new ComboBox<>();
    private final ComboBox<String> truth = new ComboBox<>();
    private final Spinner<Double> low = new Spinner<>(0.01, 0.99, MissCandidates.DEFAULT_LOW, 0.05);
    private final Spinner<Double> high = new Spinner<>(0.02, 1.0, 0.5, 0.05);
    private final Button find = new Button("Find");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Predict, or add a probability and an instance layer, then press Find.");
    private final Label counter = new Label("");
    /** The reason a rejection is given (null: none). */
    private final ChoiceBox<ReviewQueue.Reason> reason = new ChoiceBox<>();
    private final ReviewTable table = new ReviewTable(() -> this.queue, this::show);
    private final ReviewGallery gallery;
    private final ToggleButton galleryShown = new ToggleButton("Gallery (" + Action.REVIEW_GALLERY.keyText() + ")");
    private final VBox root;
    private final ScrollPane scroller;
    private ReviewQueue queue;
    /** Decisions here and strokes of the label painter, in one timeline. */
    private final ProofreadingHistory history = new ProofreadingHistory(null, null);
    private final LabelPainter painter;
    private final InstanceTools tools;
    private final Path journals;
    /** The search going on, or the last one. */
    private JobTask<?> job;

    /** @param journals the folder for the journals of label edits (see {@link LabelPainter}) and saved decisions */
    public ReviewPanel(WorkbenchWindow window, Path journals) {
        this.window = window;
        this.journals = journals;
        painter = new LabelPainter(window, history, journals);
        tools = new InstanceTools(window, painter, history);
        gallery = new ReviewGallery(window, table, () -> this.queue, this::showInPlanes);
        galleryShown.setId("review-gallery-shown");
        galleryShown.setTooltip(new Tooltip("The items as tiles in place of the planes, decided with the same keys"));
        galleryShown.setMinWidth(Region.USE_PREF_SIZE);
        galleryShown.setOnAction(e -> showGallery(galleryShown.isSelected()));
        for (Spinner<Double> s : List.of(low, high)) {
            s.setEditable(true);
            s.setPrefWidth(80);
        }
        low.setTooltip(new Tooltip("Probability from which a region counts as doubtful"));
        high.setTooltip(new Tooltip("Probability at which a detection begins (the threshold that made the instances)"));
        find.setId("review-find");
        find.setOnAction(e -> find());
        cancel.setOnAction(e -> {
            if (job != null) {
                job.stop();
            }
        });
        cancel.setDisable(true);
        window.state().layers().addListener((javafx.collections.ListChangeListener<LabelLayer>) c -> {
            refreshLayers(); // the choosers follow the layers as they come and go
            if (!window.planesShown()) {
                gallery.redraw();
            }
            while (c.next()) {
                c.getAddedSubList().forEach(this::preferNew);
            }
        });
        refreshLayers();
        probability.setOnShowing(e -> refreshLayers());
        instances.setOnShowing(e -> refreshLayers());
        truth.setOnShowing(e -> refreshLayers());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        form.addRow(0, new Label("Probability"), probability);
        form.addRow(1, new Label("Instances"), instances);
        form.addRow(2, new Label("Ground truth"), truth);
        form.addRow(3, new Label("Doubt band"), new HBox(4, low, new Label("to"), high));
        HBox run = new HBox(6, find, cancel, progress);
        run.setAlignment(Pos.CENTER_LEFT);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        status.setWrapText(true);

        VBox.setVgrow(table.view(), Priority.ALWAYS);
        Button accept = new Button("Accept (C)");
        accept.setOnAction(e -> decide(ReviewQueue.Status.ACCEPTED));
        Button reject = new Button("Reject (X)");
        reject.setOnAction(e -> decide(ReviewQueue.Status.REJECTED));
        reason.getItems().add(null);
        reason.getItems().addAll(ReviewQueue.Reason.values());
        reason.setConverter(ReviewTable.labels(ReviewQueue.Reason::label, "no reason given"));
        reason.setValue(null);
        reason.setId("review-reason");
        reason.setTooltip(new Tooltip("Why the next rejection is wrong: kept in the decisions file and counted"));
        Button unsure = new Button("Unsure (U)");
        unsure.setOnAction(e -> decide(ReviewQueue.Status.UNSURE));
        Button export = new Button("Export CSV...");
        export.setOnAction(e -> export());
        Button nextOpen = new Button("Next to review (" + Action.REVIEW_NEXT_UNREVIEWED.keyText() + ")");
        nextOpen.setId("review-next-open");
        nextOpen.setOnAction(e -> nextToReview());
        FlowPane decisions = new FlowPane(6, 4, accept, reject, reason, unsure, nextOpen, export); // wraps, never "..."
        decisions.setAlignment(Pos.CENTER_LEFT);
        for (Button b : List.of(accept, reject, unsure, nextOpen, export)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane shown = new FlowPane(12, 4, table.filters(), galleryShown); // wraps, never "..."
        shown.setAlignment(Pos.CENTER_LEFT);
        table.filters().setMinWidth(Region.USE_PREF_SIZE);
        counter.setWrapText(true); // the count stays in view above the table, whole
        counter.setId("review-counter");
        root = new VBox(6, form, run, status, shown, counter, table.view(), decisions, painter.controls(), tools.node());
        root.setPadding(new Insets(6));
        scroller = new ScrollPane(root);
        scroller.setFitToWidth(true);
        // one plain fill, as review-table.css gives the table
        scroller.setStyle("-fx-background-color: -fx-background; -fx-background-insets: 0; -fx-padding: 0;");
        window.addPanelKeys(root, keys());
        window.addPanelKeys(gallery.node(), gallery::key);
    }

    /** The tab's content: the sections one below the other, scrolling when the window is short. */
    public Region node() {
        return scroller;
    }

    /** Adds a section below the painting controls. */
    public void addSection(Region section) {
        root.getChildren().add(section);
    }

    /** The window's label layers by kind, in the choosers. */
    private void refreshLayers() {
        List<LabelLayer> layers = window.state().layers();
        fill(probability, layers.stream().filter(l -> !l.kind().holdsIds()).map(LabelLayer::name).toList(), false);
        fill(instances, layers.stream().filter(l -> l.kind().holdsIds()).map(LabelLayer::name).toList(), false);
        fill(truth, layers.stream().filter(l -> l.kind().holdsIds()).map(LabelLayer::name).toList(), true);
    }

    /**
     * A new prediction's layers are what a person reviews next: its probability and its instances are chosen, and the
     * truth, when none is chosen yet, becomes the opened labels of the same kind as the instances.
     */
    private void preferNew(LabelLayer added) {
        if (added.origin() != LabelLayer.Origin.PREDICTED) {
            return;
        }
        if (!added.kind().holdsIds()) {
            probability.setValue(added.name());
            return;
        }
        instances.setValue(added.name());
        if (NONE.equals(truth.getValue())) {
            window.state().layers().stream()
                    .filter(l -> l.origin() == LabelLayer.Origin.OPENED && l.kind() == added.kind())
                    .findFirst().ifPresent(l -> truth.setValue(l.name()));
        }
    }

    private static void fill(ComboBox<String> box, List<String> names, boolean optional) {
        String chosen = box.getValue();
        ObservableList<String> items = FXCollections.observableArrayList(names);
        if (optional) {
            items.add(0, NONE);
        }
        box.setItems(items);
        box.setValue(items.contains(chosen) ? chosen : items.isEmpty() ? null : items.get(optional ? 0 : items.size() - 1));
    }

    private LabelLayer layer(String name) {
        return name == null ? null : window.state().layers().stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    /** The layers chosen to search: probability, instances, truth (for tests). */
    List<String> chosen() {
        return List.of(String.valueOf(probability.getValue()), String.valueOf(instances.getValue()),
                String.valueOf(truth.getValue()));
    }

    /** Chooses the layers to search by name (for tests and scripts); null leaves a chooser as it is. */
    void choose(String probabilityLayer, String instanceLayer, String truthLayer) {
        refreshLayers();
        if (probabilityLayer != null) {
            probability.setValue(probabilityLayer);
        }
        if (instanceLayer != null) {
            instances.setValue(instanceLayer);
        }
        truth.setValue(truthLayer == null ? NONE : truthLayer);
    }

    /** Measures the detections and looks for misses on a background thread; the table fills when it is done. */
    void find() {
        refreshLayers();
        LabelLayer p = layer(probability.getValue());
        LabelLayer inst = layer(instances.getValue());
        LabelLayer t = NONE.equals(truth.getValue()) ? null : layer(truth.getValue());
        if (p == null || inst == null) {
            status.setText("Choose a probability layer and an instance layer first (the Predict tab makes both).");
            return;
        }
        double lo = low.getValue();
        double hi = high.getValue();
        ReviewSearch search;
        try {
            search = new ReviewSearch(lo, hi);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        boolean polarity = inst.kind() == LayerKind.POLARITY;
        find.setDisable(true);
        cancel.setDisable(false);
        progress.progressProperty().unbind();
        progress.setProgress(0);
        Path saved = journals.resolve("review-" + LabelPainter.fileName(inst.labels(), ".csv"));
        JobTask<ReviewSearch.Result> task = new JobTask<>((progress, control) -> search.run(p.labels(), inst.labels(),
                t == null ? null : t.labels(), polarity, saved, progress, control), (what, done, total, s) -> what + "...");
        job = task;
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            ended(task.getValue().summary());
            setQueue(task.getValue().queue(), saved);
            status.setText(task.getValue().summary());
        });
        task.setOnCancelled(e -> ended("The search was cancelled."));
        task.setOnFailed(e -> ended("The search failed: " + task.getException().getMessage()));
        task.start("review-search");
    }

    private void ended(String text) {
        progress.progressProperty().unbind();
        progress.setProgress(1);
        status.textProperty().unbind();
        status.setText(text);
        find.setDisable(false);
        cancel.setDisable(true);
    }

    /**
     * Shows a queue in the table (the search's, or one loaded); with a file, every decision is saved to it as CSV as
     * it is made, and the next search of the same instances takes them back.
     */
    public void setQueue(ReviewQueue q, Path decisions) {
        queue = q;
        history.setQueue(q);
        q.addListener(i -> {
            table.decided();
            updateCounter();
            gallery.refresh();
            if (decisions != null) {
                try {
                    q.export(decisions);
                } catch (RuntimeException e) {
                    status.setText("The decisions could not be saved: " + e.getMessage());
                }
            }
        });
        table.showAll(q.size());
        updateCounter();
        gallery.redraw();
    }

    ReviewQueue queue() {
        return queue;
    }

    ProofreadingHistory history() {
        return history;
    }

    InstanceTools tools() {
        return tools;
    }

    public LabelPainter painter() {
        return painter;
    }

    public TableView<Integer> table() {
        return table.view();
    }

    Label counter() {
        return counter;
    }

    Label status() {
        return status;
    }

    private void updateCounter() {
        var c = queue.counts();
        int todo = c.get(ReviewQueue.Status.TO_REVIEW);
        String why = queue.reasonCounts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(java.util.stream.Collectors.joining(", "));
        counter.setText(String.format(Locale.ROOT, "%d of %d reviewed: %d accepted, %d rejected%s, %d unsure", queue.size() - todo,
                queue.size(), c.get(ReviewQueue.Status.ACCEPTED), c.get(ReviewQueue.Status.REJECTED),
                why.isEmpty() ? "" : " (" + why + ")", c.get(ReviewQueue.Status.UNSURE)));
    }

    /** The item shown (the selected row), or -1. */
    int current() {
        return table.current();
    }

    /** Shows the item chosen: in the planes, or in the gallery when it is shown (the planes wait until it closes). */
    private void show(int item) {
        if (!window.planesShown()) {
            gallery.refresh();
            return;
        }
        ReviewQueue.Item t = queue.items().get(item);
        window.goTo(t.centre(), t.min(), t.max());
    }

    /** Shows the gallery in place of the planes, or the planes again at the item chosen. */
    public void showGallery(boolean on) {
        galleryShown.setSelected(on);
        if (on == !window.planesShown()) {
            return;
        }
        if (on) {
            window.showInPlaceOfPlanes(gallery.node());
            if (current() < 0 && queue != null) {
                step(1); // the first tile is chosen: the keys decide it at once
            }
            gallery.redraw(); // the contrast or the labels may have changed meanwhile
            gallery.refresh();
            gallery.grid().requestFocus();
        } else {
            showInPlanes(current());
        }
    }

    /** Closes the gallery and shows {@code item} (if any, -1: none) in the planes. */
    private void showInPlanes(int item) {
        galleryShown.setSelected(false);
        window.showInPlaceOfPlanes(null);
        if (item >= 0 && queue != null) {
            show(item);
        }
        window.slice().requestFocus();
    }

    public ReviewGallery gallery() {
        return gallery;
    }

    /** Moves the selection by {@code delta} rows of the table as sorted, and shows that item. */
    void step(int delta) {
        if (queue != null) {
            table.step(delta);
        }
    }

    /** Shows the next item still to review; says so when every item is decided. */
    boolean nextToReview() {
        if (queue == null) {
            return false;
        }
        if (!table.nextToReview()) {
            status.setText("Every item shown is decided.");
        }
        return true;
    }

    /** {@link #decide} when there is a review to decide in; whether there was. */
    private boolean decided(ReviewQueue.Status s) {
        if (queue == null) {
            return false;
        }
        decide(s);
        return true;
    }

    /** Gives the item shown a status and goes on to the next row (the one taking its place if the filter hides it). */
    void decide(ReviewQueue.Status s) {
        int i = current();
        if (i < 0) {
            step(1);
            return;
        }
        int row = table.selectedRow();
        history.decide(i, new ReviewQueue.Verdict(s, reason.getValue()));
        table.next(i, row);
    }

    /** Shows and filters (for tests and scripts). */
    void show(ReviewQueue.Kind kind, ReviewQueue.Status s) {
        table.show(kind, s);
    }

    /** The Review tab's keys: undo and redo, the label tools', and the review's decisions and steps. */
    private KeyBindings keys() {
        KeyBindings keys = new KeyBindings()
                .onKey(Action.UNDO, e -> history.undo())
                .onKey(Action.REDO, e -> history.redo())
                .onKey(Action.REVIEW_ACCEPT, e -> decided(ReviewQueue.Status.ACCEPTED))
                .onKey(Action.REVIEW_REJECT, e -> decided(ReviewQueue.Status.REJECTED))
                .onKey(Action.REVIEW_UNSURE, e -> decided(ReviewQueue.Status.UNSURE))
                .onKey(Action.REVIEW_NEXT, e -> {
                    if (queue == null) {
                        return false;
                    }
                    if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !window.planesShown()) {
                        showInPlanes(current());
                    } else if (e.getCode() == javafx.scene.input.KeyCode.ENTER && current() >= 0) {
                        show(current());
                    } else {
                        step(1);
                    }
                    return true;
                })
                .on(Action.REVIEW_GALLERY, () -> showGallery(window.planesShown()))
                .onKey(Action.REVIEW_NEXT_UNREVIEWED, e -> queue != null && nextToReview())
                .onKey(Action.REVIEW_PREVIOUS, e -> {
                    if (queue != null) {
                        step(-1);
                    }
                    return queue != null;
                });
        tools.bind(keys);
        return keys;
    }

    private void export() {
        if (queue == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the review");
        chooser.setInitialFileName("review.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            try {
                queue.export(f.toPath());
                status.setText("Wrote " + f);
            } catch (RuntimeException e) {
                status.setText(e.getMessage());
            }
        }
    }
}
