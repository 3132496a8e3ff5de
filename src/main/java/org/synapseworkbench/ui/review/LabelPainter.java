package org.synapseworkbench.ui.review;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.synapseworkbench.proofread.Brush;
import org.synapseworkbench.proofread.CorrectionsWriter;
import org.synapseworkbench.proofread.EditedLabels;
import org.synapseworkbench.proofread.ProofreadingHistory;
import org.synapseworkbench.proofread.SynapseIds;
import org.synapseworkbench.ui.task.JobTask;
import org.synapseworkbench.ui.viewer.SliceView;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Steps;

/**
 * Paints labels on the section with a round brush: an id (a cleft or an instance), the pre- or post-synaptic side of
 * synapse n (ids 2n - 1 and 2n, kept paired), or background (the eraser). While Paint is on, dragging on the section
 * paints and Shift+drag still moves the image. Each stroke is one undo step; every piece of it is in the edit journal
 * as soon as it is painted, so a crash loses at most the stroke in progress, and choosing the layer again after a
 * restart brings the edits back. Save corrections writes the corrected labels as a new HDF5 file.
 */
public final class LabelPainter {
    /** What a stroke paints. */
    enum Mode {
        ID("id"), PRE("pre side of synapse"), POST("post side of synapse"), ERASE("background (eraser)");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final WorkbenchWindow window;
    private final ProofreadingHistory history;
    private final Path journals;
    private final CheckBox paint = new CheckBox("Paint on the section (Shift+drag moves it)");
    private final ComboBox<String> layer = new ComboBox<>();
    private final ChoiceBox<Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(Mode.values()));
    private final Spinner<Integer> id = new Spinner<>(1, Integer.MAX_VALUE, 1);
    private final Spinner<Integer> radius = new Spinner<>(0, 50, 3);
    private final Spinner<Integer> depth = new Spinner<>(1, 15, 1);
    private final Label status = new Label("");
    private final VBox root;
    private LabelLayer target;
    private long background;
    private int[] last;
    /** True while the layer chooser is refilled (its change is then no choice of the person's). */
    private boolean refreshing;

    /** @param journals the folder for the edit journals of the label volumes painted */
    LabelPainter(WorkbenchWindow window, ProofreadingHistory history, Path journals) {
        this.window = window;
        this.history = history;
        this.journals = journals;
        mode.setValue(Mode.ID);
        for (Spinner<Integer> s : List.of(id, radius, depth)) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        paint.setId("paint-on");
        paint.selectedProperty().addListener((obs, was, now) -> {
            if (now && !attach()) {
                paint.setSelected(false);
            }
        });
        layer.setId("paint-labels");
        layer.setOnShowing(e -> refreshLayers());
        // the chooser follows the layers as they come (the newest, a prediction's, is chosen), not only when opened
        window.state().layers().addListener((javafx.collections.ListChangeListener<LabelLayer>) c -> refreshLayers());
        refreshLayers();
        layer.setOnAction(e -> {
            if (!refreshing) {
                wanted = layer.getValue();
            }
            if (!refreshing && paint.isSelected() && layer.getValue() != null
                    && (target == null || !target.name().equals(layer.getValue()))) {
                attach(); // painting goes on into the labels chosen now
            }
        });
        Button save = new Button("Save corrections...");
        save.setOnAction(e -> chooseAndSave());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        form.addRow(0, new Label("Labels"), layer);
        form.addRow(1, new Label("Paint"), new HBox(4, mode, id));
        form.addRow(2, new Label("Brush radius"), new HBox(4, radius, new Label("sections"), depth));
        HBox buttons = new HBox(6, paint, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        status.setWrapText(true);
        root = new VBox(4, new Label("Edit labels"), form, buttons, status);
        SliceView slice = window.slice();
        slice.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        slice.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        slice.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
    }

    Region controls() {
        return root;
    }

    Label status() {
        return status;
    }

    /** The labels a person chose to paint into (null: none yet, the newest are offered). */
    private String wanted;

    private void refreshLayers() {
        String chosen = wanted;
        List<String> names = window.state().layers().stream().filter(l -> l.kind().holdsIds())
                .map(LabelLayer::name).toList();
        refreshing = true;
        try {
            layer.setItems(FXCollections.observableArrayList(names));
            layer.setValue(names.contains(chosen) ? chosen : names.isEmpty() ? null : names.get(names.size() - 1));
        } finally {
            refreshing = false;
        }
    }

    /** Chooses what to paint (for tests and scripts) and turns painting on. */
    void paint(String layerName, Mode m, int value, int brushRadius) {
        refreshLayers();
        layer.setValue(layerName);
        wanted = layerName;
        mode.setValue(m);
        id.getValueFactory().setValue(value);
        radius.getValueFactory().setValue(brushRadius);
        paint.setSelected(true);
    }

    /** The kind of the labels under edit, or null. */
    LayerKind kind() {
        return target == null ? null : target.kind();
    }

    /** The value that stands for no label in the labels under edit. */
    long background() {
        return background;
    }

    /** Paints with {@code m} and {@code n} from now on: an id, or a synapse's number for the pre and post sides. */
    void use(Mode m, long n) {
        mode.setValue(m);
        id.getValueFactory().setValue((int) Math.min(Integer.MAX_VALUE, n));
    }

    /** The labels painted into, as edited so far, or null. */
    EditedLabels labels() {
        return target == null ? null : (EditedLabels) target.labels();
    }

    /**
     * Puts the chosen layer's labels under edit: its volume is replaced in the window by the same labels with a
     * journal of edits (and the edits of an earlier session, when its journal is there). False when nothing is chosen.
     */
    private boolean attach() {
        refreshLayers();
        LabelLayer chosen = window.state().layers().stream().filter(l -> l.name().equals(layer.getValue())).findFirst().orElse(null);
        if (chosen == null) {
            status.setText("Add a label layer to paint into (File > Add labels, or Predict).");
            return false;
        }
        if (chosen == target) {
            return true;
        }
        try {
            EditedLabels edited;
            if (chosen.labels() instanceof EditedLabels e) {
                edited = e;
            } else {
                Files.createDirectories(journals);
                EditedLabels.Reopened r = EditedLabels.open(chosen.labels(), journals.resolve(journalName(chosen.labels())));
                edited = r.labels();
                status.setText(r.labels().edits().isEmpty() ? "Painting into " + chosen.name() + "."
                        : "Painting into " + chosen.name() + "; " + r.labels().edits().size() + " edits of an earlier session are back"
                        + (r.journalDamaged() ? " (the last, unfinished stroke was lost)." : "."));
            }
            LabelLayer replaced = new LabelLayer(chosen.name(), edited, chosen.kind(), chosen.tint());
            replaced.opacityProperty().set(chosen.opacityProperty().get());
            window.removeLayer(chosen);
            window.addLayer(replaced);
            target = replaced;
            background = Cremi.background(edited);
            history.setLabels(edited);
            edited.addListener(box -> Platform.runLater(this::redraw));
            return true;
        } catch (RuntimeException | java.io.IOException e) {
            status.setText(e.getMessage());
            return false;
        }
    }

    /** A journal name per volume (its name and shape), safe as a file name. */
    static String journalName(Volume v) {
        return fileName(v, ".journal");
    }

    /** A file name that stands for a volume (its name and shape), with {@code extension}. */
    static String fileName(Volume v, String extension) {
        String key = v.name() + java.util.Arrays.toString(v.shape());
        return key.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Integer.toHexString(key.hashCode()) + extension;
    }

    private long value() {
        long n = id.getValue();
        return switch (mode.getValue()) {
            case ID -> n;
            case PRE -> SynapseIds.pre(n);
            case POST -> SynapseIds.post(n);
            case ERASE -> background;
        };
    }

    private String what() {
        return switch (mode.getValue()) {
            case ID -> "paint " + id.getValue();
            case PRE -> "paint pre of synapse " + id.getValue();
            case POST -> "paint post of synapse " + id.getValue();
            case ERASE -> "erase";
        };
    }

    private boolean painting(MouseEvent e) {
        return paint.isSelected() && target != null && e.getButton() == MouseButton.PRIMARY && !e.isShiftDown();
    }

    private void pressed(MouseEvent e) {
        if (!painting(e)) {
            return;
        }
        int[] v = window.slice().voxelAt(e.getX(), e.getY());
        if (v != null) {
            history.beginStroke(what());
            last = v;
            dab(new int[] {v[1], v[2]}, v[0]);
        }
        window.slice().requestFocus();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (last == null) {
            return;
        }
        int[] v = window.slice().voxelAt(e.getX(), e.getY());
        if (v != null) {
            dab(new int[] {last[1], last[2], v[1], v[2]}, v[0]);
            last = v;
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (last == null) {
            return;
        }
        history.endStroke();
        last = null;
        e.consume();
    }

    private void dab(int[] points, int z) {
        EditedLabels l = labels();
        try {
            history.paint(what(), new Brush(radius.getValue(), depth.getValue()).stroke(l.spatialShape(), z, points), value());
        } catch (RuntimeException ex) {
            status.setText(ex.getMessage());
        }
    }

    private void redraw() {
        window.slice().draw();
        window.xz().draw();
        window.yz().draw();
    }

    /**
     * Writes the corrected labels (CREMI layout for clefts and polarity, PyTC's otherwise) to {@code file} in the
     * background; returns the job, or null when nothing is being edited.
     */
    JobTask<Void> save(Path file) {
        EditedLabels l = labels();
        if (l == null) {
            status.setText("Nothing is being edited: choose labels and turn Paint on first.");
            return null;
        }
        CorrectionsWriter.Layout layout = switch (target.kind()) {
            case CLEFTS -> CorrectionsWriter.Layout.CREMI_CLEFTS;
            case POLARITY -> CorrectionsWriter.Layout.CREMI_POLARITY;
            default -> CorrectionsWriter.Layout.PYTC;
        };
        int edits = l.edits().size();
        JobTask<Void> task = new JobTask<>((progress, control) -> {
            Steps steps = new Steps(progress, control, 1);
            steps.begin("Saving " + file);
            CorrectionsWriter.save(l, file, layout);
            steps.finish();
            return null;
        }, (what, done, total, seconds) -> what + (done == total ? "" : "..."));
        task.messageProperty().addListener((o, was, now) -> status.setText(now)); // not bound: the tools say things too
        task.setOnSucceeded(e -> status.setText(String.format(Locale.ROOT, "Saved %s (%d edits, dataset %s).", file, edits,
                layout.dataset())));
        task.setOnFailed(e -> status.setText(task.getException().getMessage()));
        return task.finishBeforeExit().start("save-corrections"); // the writer leaves no half-written file
    }

    private void chooseAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save corrected labels");
        chooser.setInitialFileName("corrected-labels.h5");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HDF5", "*.h5", "*.hdf5"));
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            save(f.toPath());
        }
    }
}
