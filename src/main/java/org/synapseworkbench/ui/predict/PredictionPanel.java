package org.synapseworkbench.ui.predict;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.train.TrainingRun;
import org.synapseworkbench.ui.state.WorkbenchState;
import org.synapseworkbench.ui.task.JobTask;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.Steps;
import org.synapseworkbench.work.UserException;
import org.synapseworkbench.workflow.PredictAndScore;

/**
 * Predicts the open image with a checkpoint (in the background, with progress and cancel), shows the probabilities
 * as layers, cuts them into instances (clefts, or synapses with pre = 2n-1 and post = 2n) and, when ground-truth
 * labels are open, scores the instances against them: CREMI distances for clefts, IoU-matched F1 for polarity. The
 * model and its targets come from the checkpoint; window, stride and test-time augmentation from the config.
 */
public final class PredictionPanel {
    private final WorkbenchWindow window;
    private final WorkbenchState state;
    private final Path workingDirectory;
    private final TextField checkpoint = new TextField();
    private final Button predict = new Button("Predict");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Choose a checkpoint and press Predict.");
    private final Spinner<Double> threshold = new Spinner<>(0.05, 0.95, 0.5, 0.05);
    private final Spinner<Integer> minSize = new Spinner<>(0, 1_000_000, 128, 16);
    private final ChoiceBox<Polarity2Instance.SideRule> sides = new ChoiceBox<>(
            FXCollections.observableArrayList(Polarity2Instance.SideRule.values()));
    private final CheckBox facing = new CheckBox("Pre faces post");
    private final Button findInstances = new Button("Find instances");
    private final Button save = new Button("Save prediction...");
    private final TableView<PredictAndScore.Score> scores = new TableView<>();
    private final VBox root;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** The prediction or instance search going on, or the last one. */
    private JobTask<?> job;
    private final List<LabelLayer> shownLayers = new ArrayList<>();
    private Runnable onPredicted = () -> { };

    /**
     * @param window the viewer, whose {@link WorkbenchState} holds the image, the layers, the config and the checkpoint
     * @param workingDirectory what relative paths of the config are relative to
     */
    public PredictionPanel(WorkbenchWindow window, Path workingDirectory) {
        this.window = window;
        this.state = window.state();
        this.workingDirectory = workingDirectory;
        checkpoint.textProperty().bindBidirectional(state.checkpointProperty());
        threshold.getValueFactory().valueProperty().bindBidirectional(state.thresholdProperty());
        minSize.getValueFactory().valueProperty().bindBidirectional(state.minSizeProperty());
        sides.valueProperty().bindBidirectional(state.sidesProperty());
        facing.selectedProperty().bindBidirectional(state.facingProperty());
        state.imageProperty().addListener((o, was, now) -> imageChanged());
        state.predictionProperty().addListener((o, was, now) -> {
            if (now != null && now.image() == state.image()) {
                display(now);
            }
        });
        checkpoint.setId("prediction-checkpoint");
        checkpoint.setPromptText("checkpoint file (.ckpt)");
        HBox.setHgrow(checkpoint, Priority.ALWAYS);
        Button choose = new Button("Choose...");
        choose.setOnAction(e -> chooseCheckpoint());
        Button newest = new Button("Newest");
        newest.setTooltip(new Tooltip("The newest checkpoint in the config's output folder (DATASET.OUTPUT_PATH)"));
        newest.setOnAction(e -> useNewest());
        predict.setId("prediction-run");
        predict.setOnAction(e -> predict());
        cancel.setId("prediction-cancel");
        cancel.setOnAction(e -> {
            if (job != null) {
                job.stop();
            }
        });
        cancel.setDisable(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        threshold.setEditable(true);
        minSize.setEditable(true);
        findInstances.setId("prediction-instances");
        findInstances.setTooltip(new Tooltip("Threshold the probabilities and cut them into instances, then score them"));
        findInstances.setOnAction(e -> findInstances());
        findInstances.setDisable(true);
        save.setOnAction(e -> saveAs());
        save.setDisable(true);
        GridPane post = new GridPane();
        post.setHgap(8);
        post.setVgap(4);
        Label thresholdLabel = new Label("Threshold");
        Label minSizeLabel = new Label("Smallest piece (voxels)");
        thresholdLabel.setMinWidth(Region.USE_PREF_SIZE); // the spinners give way, not the labels
        minSizeLabel.setMinWidth(Region.USE_PREF_SIZE);
        threshold.setPrefWidth(90);
        minSize.setPrefWidth(110);
        post.addRow(0, thresholdLabel, threshold, minSizeLabel, minSize);
        sides.setId("prediction-sides");
        threshold.setId("prediction-threshold");
        sides.setConverter(new StringConverter<>() {
            @Override
            public String toString(Polarity2Instance.SideRule rule) {
                return rule == null ? "" : sideName(rule);
            }

            @Override
            public Polarity2Instance.SideRule fromString(String text) {
                return null;
            }
        });
        sides.setTooltip(new Tooltip("Polarity: how the voxels of a synapse get their side. Larger channel: each takes the "
                + "larger of pre and post (better synapses with every demo model measured). PyTC's thresholds: each side "
                + "channel over the threshold, post where both (as postprocess does by default)."));
        Label sidesLabel = new Label("Sides");
        sidesLabel.setMinWidth(Region.USE_PREF_SIZE);
        facing.setId("prediction-facing");
        facing.setMinWidth(Region.USE_PREF_SIZE);
        facing.setTooltip(new Tooltip("Polarity: pre voxels behind the post side, where a synapse's pre side cannot be, become "
                + "post next to it and background farther (higher pre and post F1 with every demo model measured; postprocess "
                + "keeps them unless given --facing, as PyTC)."));
        post.addRow(1, sidesLabel, sides);
        post.add(facing, 2, 1, 2, 1);
        TableColumn<PredictAndScore.Score, String> name = new TableColumn<>("Score");
        name.setCellValueFactory(row -> new SimpleStringProperty(row.getValue().measure()));
        name.setPrefWidth(330);
        TableColumn<PredictAndScore.Score, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(row -> new SimpleStringProperty(row.getValue().value()));
        value.setPrefWidth(130);
        scores.getColumns().add(name);
        scores.getColumns().add(value);
        scores.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label noScores = new Label();
        noScores.setWrapText(true);
        scores.setPlaceholder(noScores);
        state.layers().addListener((javafx.collections.ListChangeListener<LabelLayer>) c -> noScores.setText(scoresPlaceholder()));
        noScores.setText(scoresPlaceholder());
        scores.setPrefHeight(220);
        status.setWrapText(true);
        HBox ckptRow = new HBox(6, checkpoint, choose, newest);
        HBox runRow = new HBox(6, predict, cancel, progress);
        runRow.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(8, new Label("Checkpoint"), ckptRow, runRow, status, post, new HBox(6, findInstances, save), scores);
        root.setPadding(new Insets(8));
        useNewest();
    }

    public Region node() {
        return root;
    }

    Label status() {
        return status;
    }

    TableView<PredictAndScore.Score> scores() {
        return scores;
    }

    /** True while predicting or scoring. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Forgets the last prediction, whose layers went with the image it was made for. */
    private void imageChanged() {
        if (job != null) {
            job.stop();
        }
        shownLayers.clear();
        scores.getItems().clear();
        findInstances.setDisable(true);
        save.setDisable(true);
    }

    /** Runs {@code r} when a prediction's layers are about to be shown (JavaFX thread). */
    public void setOnPredicted(Runnable r) {
        onPredicted = r;
    }

    /** Fills in the newest checkpoint of the config's output folder, if there is one (after training, say). */
    public void useNewest() {
        Path out = workingDirectory.resolve(new TrainingRun(state.config(), TrainingRun.Options.defaults()).outputDirectory());
        Checkpoint.newest(out).ifPresent(f -> checkpoint.setText(f.toString()));
    }

    private void chooseCheckpoint() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a checkpoint");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Checkpoints", "*.ckpt"));
        File f = chooser.showOpenDialog(window.scene().getWindow());
        if (f != null) {
            checkpoint.setText(f.getAbsolutePath());
        }
    }

    /** Predicts the open image with the chosen checkpoint on a background thread. */
    public void predict() {
        Volume image = state.image();
        if (busy.get() || image == null) {
            return;
        }
        String file = checkpoint.getText().trim();
        if (file.isEmpty()) {
            status.setText("Choose a checkpoint first (Choose..., or Newest after training).");
            return;
        }
        Config settingsConfig = state.config();
        Path checkpointFile;
        try {
            checkpointFile = Checkpoint.resolve(Path.of(file)); // a folder means its newest checkpoint
        } catch (UserException e) {
            status.setText(e.getMessage());
            return;
        }
        JobTask<PredictAndScore.Prediction> task = new JobTask<>((progress, control) -> PredictAndScore.predict(checkpointFile,
                settingsConfig, image, progress, control), (what, done, total, seconds) -> String.format(Locale.ROOT,
                        "Predicting on %s: %d of %d windows, %s left", what, done, total,
                        JobTask.duration(Progress.etaSeconds(done, total, seconds))));
        job = task;
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().unbind();
        status.setText("Loading " + file + "...");
        task.messageProperty().addListener((o, was, now) -> status.setText(now));
        task.setOnSucceeded(e -> {
            if (state.image() == image) { // else another image was opened meanwhile
                ended("Predicted " + image.name() + ".");
                state.predictionProperty().set(new WorkbenchState.ShownPrediction(image, task.getValue(), checkpointFile,
                        settingsConfig));
            } else {
                ended("The image changed during the prediction; predict again.");
            }
        });
        task.setOnCancelled(e -> ended(state.image() != image ? "The image changed during the prediction; predict again."
                : "Prediction cancelled."));
        task.setOnFailed(e -> ended(state.image() != image ? "The image changed during the prediction; predict again."
                : "Prediction failed: " + message(task.getException())));
        setBusy(true);
        task.start("prediction");
    }

    private static String message(Throwable e) {
        return e instanceof UserException ? e.getMessage() : e.toString();
    }

    private void setBusy(boolean on) {
        busy.set(on);
        state.setPredicting(on);
        predict.setDisable(on);
        cancel.setDisable(!on);
        findInstances.setDisable(on || shown() == null);
        save.setDisable(on || shown() == null);
    }

    private void ended(String text) {
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        status.setText(text);
        setBusy(false);
    }

    /** The prediction on screen, probability x 255 (C, Z, Y, X) and how to read it, if it is of the open image. */
    private WorkbenchState.ShownPrediction shown() {
        WorkbenchState.ShownPrediction p = state.predictionProperty().get();
        return p != null && p.image() == state.image() ? p : null;
    }

    /**
     * Shows the state's new prediction (this tab's, or a retraining's): its probability layers replace the old
     * prediction's layers, then it is cut into instances and scored.
     */
    private void display(WorkbenchState.ShownPrediction shown) {
        onPredicted.run();
        Volume image = shown.image();
        PredictAndScore.Prediction p = shown.prediction();
        Block probs = p.probabilities();
        TargetKind kind = p.kind();
        // a map of exclusive classes is cut by each voxel's most likely class: no threshold, no side rule
        threshold.setDisable(kind == TargetKind.POLARITY_CLASSES);
        sides.setDisable(kind != TargetKind.POLARITY);
        facing.setDisable(kind == TargetKind.BINARY);
        shownLayers.forEach(state.layers()::remove);
        shownLayers.clear();
        int[] shape = image.spatialShape();
        double[] res = image.resolution();
        switch (kind) {
            case BINARY -> addLayer(new LabelLayer("cleft probability", channel(probs, 0, shape, res), LayerKind.PROBABILITY,
                    LabelLayer.RED, LabelLayer.Origin.PREDICTED));
            default -> {
                int pre = kind == TargetKind.POLARITY_CLASSES ? 1 : 0;
                addLayer(new LabelLayer("pre probability", channel(probs, pre, shape, res), LayerKind.PROBABILITY,
                        LabelLayer.MAGENTA, LabelLayer.Origin.PREDICTED));
                addLayer(new LabelLayer("post probability", channel(probs, pre + 1, shape, res), LayerKind.PROBABILITY,
                        LabelLayer.CYAN, LabelLayer.Origin.PREDICTED));
                // added last, so the Review tab searches it for misses; hidden, as the two sides show it already
                LabelLayer any = new LabelLayer("synapse probability", synapseProbability(probs, kind, shape, res),
                        LayerKind.PROBABILITY, LabelLayer.YELLOW, LabelLayer.Origin.PREDICTED);
                any.visibleProperty().set(false);
                addLayer(any);
            }
        }
        ended("Predicted " + image.name() + ". Find instances to cut it into " + (kind == TargetKind.BINARY ? "clefts" : "synapses") + ".");
        findInstances();
    }

    private void addLayer(LabelLayer layer) {
        shownLayers.add(layer);
        state.layers().add(layer);
    }

    /** The probability of a synapse whatever its side: the union channel, or 1 - background for exclusive classes. */
    static Volume synapseProbability(Block probs, TargetKind kind, int[] shape, double[] resolution) {
        return new InMemoryVolume("synapse", Polarity2Instance.synapseProbability(probs,
                kind == TargetKind.POLARITY_CLASSES), resolution);
    }

    private static Volume channel(Block probs, int c, int[] shape, double[] resolution) {
        int n = shape[0] * shape[1] * shape[2];
        byte[] all = probs.bytes();
        return new InMemoryVolume("channel " + c, Block.wrap(DataType.UINT8, Arrays.copyOfRange(all, c * n, (c + 1) * n),
                shape[0], shape[1], shape[2]), resolution);
    }

    /** A side rule as the Sides choice names it. */
    static String sideName(Polarity2Instance.SideRule rule) {
        return rule == Polarity2Instance.SideRule.LARGER ? "larger channel" : "PyTC's thresholds";
    }

    /** Thresholds the last prediction into instances (background thread), shows them, and scores them if it can. */
    void findInstances() {
        WorkbenchState.ShownPrediction shown = shown();
        if (shown == null || busy.get()) {
            return;
        }
        double thr = state.thresholdProperty().get();
        int min = state.minSizeProperty().get();
        Polarity2Instance.SideRule rule = state.sidesProperty().get();
        boolean facing = state.facingProperty().get();
        Block probs = shown.prediction().probabilities();
        TargetKind kind = shown.prediction().kind();
        Volume image = shown.image();
        LabelLayer truth = truthLayer(kind);
        Volume truthLabels = truth == null ? null : truth.labels();
        JobTask<PredictAndScore.Instances> task = new JobTask<>((progress, control) -> PredictAndScore.instancesAndScores(probs,
                kind, thr, min, rule, facing, truthLabels, image.resolution(), progress, control), (what, done, total, s) -> what + "...");
        job = task;
        status.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            if (state.image() != image) {
                ended("The image changed; predict again.");
                return;
            }
            PredictAndScore.Instances o = task.getValue();
            LayerKind drawn = kind == TargetKind.BINARY ? LayerKind.CLEFTS : LayerKind.POLARITY;
            LabelLayer layer = new LabelLayer(kind == TargetKind.BINARY ? "predicted clefts" : "predicted synapses",
                    new InMemoryVolume("instances", o.labels(), image.resolution()), drawn,
                    drawn == LayerKind.POLARITY ? LabelLayer.MAGENTA : LabelLayer.RED, LabelLayer.Origin.PREDICTED);
            shownLayers.stream().filter(l -> l.kind() != LayerKind.PROBABILITY).toList().forEach(l -> {
                state.layers().remove(l);
                shownLayers.remove(l);
            });
            addLayer(layer);
            if (truth != null) {
                truth.outlineProperty().set(true); // misses stand out as outlines without a fill
            }
            scores.getItems().setAll(o.scores());
            ended(o.count() + (kind == TargetKind.POLARITY_CLASSES ? " by each voxel's most likely class"
                    : String.format(Locale.ROOT, " at threshold %.2f", thr))
                    + String.format(Locale.ROOT, ", pieces under %d voxels dropped", min)
                    + (kind == TargetKind.POLARITY ? ", sides: " + sideName(rule) : "")
                    + (truth == null ? "; open ground-truth labels to see scores." : "; scored against " + truth.name() + "."));
        });
        task.setOnCancelled(e -> ended("Finding instances cancelled."));
        task.setOnFailed(e -> ended(state.image() != image ? "The image changed; predict again."
                : "Finding instances failed: " + message(task.getException())));
        setBusy(true);
        task.start("instances");
    }

    /** What the empty scores table says: against which open labels scores will come, or how to get some. */
    private String scoresPlaceholder() {
        List<String> truth = state.layers().stream()
                .filter(l -> l.kind().holdsIds() && l.origin() == LabelLayer.Origin.OPENED).map(LabelLayer::name).toList();
        return truth.isEmpty() ? "Open ground-truth labels (File > Add labels) to see scores here."
                : "Predict, and the instances are scored here against the open labels (" + String.join(", ", truth) + ").";
    }

    /** The open labels that are not this panel's (the ground truth) of the prediction's kind, or null. */
    private LabelLayer truthLayer(TargetKind kind) {
        LayerKind wanted = kind == TargetKind.BINARY ? LayerKind.CLEFTS : LayerKind.POLARITY;
        for (LabelLayer l : state.layers()) {
            if (l.kind() == wanted && !shownLayers.contains(l)) {
                return l;
            }
        }
        return null;
    }

    /** Writes the probabilities as {@code infer} does (dataset vol0, probability x 255, with the resolution), in the background. */
    private void saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save prediction");
        chooser.setInitialFileName("result.h5");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HDF5", "*.h5"));
        File f = chooser.showSaveDialog(window.scene().getWindow());
        if (f == null) {
            return;
        }
        WorkbenchState.ShownPrediction shown = shown();
        if (shown == null) {
            return;
        }
        Block probs = shown.prediction().probabilities();
        double[] resolution = shown.image().resolution();
        JobTask<Void> task = new JobTask<>((progress, control) -> {
            Steps steps = new Steps(progress, control, 1);
            steps.begin("Saving " + f);
            new Hdf5Writer().dataset("vol0", probs, Map.of("resolution", resolution)).write(f.toPath());
            steps.finish();
            return null;
        }, (what, done, total, s) -> what + (done == total ? "" : "..."));
        status.setText("Saving " + f + "...");
        save.setDisable(true);
        task.setOnSucceeded(e -> {
            status.setText("Saved " + f);
            save.setDisable(false);
        });
        task.setOnFailed(e -> {
            status.setText("Could not save " + f + ": " + message(task.getException()));
            save.setDisable(false);
        });
        task.finishBeforeExit().start("save-prediction"); // and a half-written file is never left: the writer renames a
        // finished temporary file
    }
}
