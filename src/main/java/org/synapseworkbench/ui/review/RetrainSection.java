package org.synapseworkbench.ui.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.proofread.EditedLabels;
import org.synapseworkbench.train.TrainingListener;
import org.synapseworkbench.ui.state.WorkbenchState;
import org.synapseworkbench.ui.task.JobTask;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;
import org.synapseworkbench.workflow.CorrectionsRetraining;
import org.synapseworkbench.workflow.PredictAndScore;

/**
 * The Review tab's "Retrain on corrections": fine-tunes the Predict tab's checkpoint on the open image and the labels
 * under edit (see {@link CorrectionsRetraining}) in the background, with progress, ETA and Cancel, then shows the new
 * prediction in the Predict tab and the scores against the corrected labels before and after, side by side.
 */
public final class RetrainSection {
    private final WorkbenchState state;
    private final LabelPainter painter;
    private final Spinner<Integer> iterations = new Spinner<>(1, 1_000_000, 100, 50);
    private final Spinner<Double> share = new Spinner<>(0.0, 1.0, 0.5, 0.1);
    private final Button run = new Button("Retrain on corrections");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Paint corrections, then fine-tune the Predict tab's checkpoint on them.");
    private final TableView<CorrectionsRetraining.Comparison> scores = new TableView<>();
    private final VBox root;
    private JobTask<?> job;

    /** Retrains on what {@code painter} corrected, with the checkpoint, cut and config of {@code state}. */
    public RetrainSection(WorkbenchState state, LabelPainter painter) {
        this.state = state;
        this.painter = painter;
        run.setId("retrain-run");
        cancel.setId("retrain-cancel");
        scores.setId("retrain-scores");
        iterations.setEditable(true);
        iterations.setPrefWidth(90);
        share.setEditable(true);
        share.setPrefWidth(80);
        iterations.setTooltip(new Tooltip("Fine-tuning iterations, counted from 0 (the checkpoint's own schedule at a tenth "
                + "of its learning rate, and its batch size)"));
        share.setTooltip(new Tooltip("The share of training crops placed on corrected voxels; the rest are drawn anywhere"));
        run.setTooltip(new Tooltip("Fine-tune the Predict tab's checkpoint on the image and the corrected labels, "
                + "predict again and compare the scores"));
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> {
            if (job != null) {
                job.stop();
            }
        });
        cancel.setDisable(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        TableColumn<CorrectionsRetraining.Comparison, String> metric = column("Against the corrected labels", 230);
        metric.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().metric()));
        TableColumn<CorrectionsRetraining.Comparison, String> before = column("Before", 90);
        before.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().before()));
        TableColumn<CorrectionsRetraining.Comparison, String> after = column("After", 90);
        after.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().after()));
        scores.getColumns().setAll(java.util.List.of(metric, before, after));
        scores.setPrefHeight(180);
        scores.setPlaceholder(new Label("Scores before and after appear here."));
        HBox settings = new HBox(6, new Label("iterations"), iterations, new Label("share on corrections"), share);
        settings.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(6, run, cancel);
        root = new VBox(4, new Label("Train on the corrections"), settings, buttons, progress, status, scores);
    }

    private static TableColumn<CorrectionsRetraining.Comparison, String> column(String title, double width) {
        TableColumn<CorrectionsRetraining.Comparison, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    public Region node() {
        return root;
    }

    Spinner<Integer> iterations() {
        return iterations;
    }

    TableView<CorrectionsRetraining.Comparison> scores() {
        return scores;
    }

    Label status() {
        return status;
    }

    /** Starts a retraining on a background thread, or says in the status line what is missing. */
    void start() {
        Volume image = state.image();
        EditedLabels corrected = painter.labels();
        String file = state.checkpointProperty().get().trim();
        if (corrected == null) {
            status.setText("Choose the labels to correct under Edit labels and paint corrections first.");
            return;
        }
        Path checkpointFile;
        try {
            checkpointFile = file.isEmpty() ? null : Checkpoint.resolve(Path.of(file)); // a folder: its newest
        } catch (UserException e) {
            status.setText(e.getMessage());
            return;
        }
        if (checkpointFile == null || !Files.isRegularFile(checkpointFile)) {
            status.setText(file.isEmpty() ? "Choose a checkpoint in the Predict tab first."
                    : "The Predict tab's checkpoint " + file + " does not exist; choose another.");
            return;
        }
        CorrectionsRetraining.Settings settings;
        try {
            settings = new CorrectionsRetraining.Settings(iterations.getValue(), share.getValue(),
                    state.thresholdProperty().get(), state.minSizeProperty().get(), state.sidesProperty().get(),
                    state.facingProperty().get());
        } catch (UserException e) {
            status.setText(e.getMessage());
            return;
        }
        Config settingsConfig = state.config();
        WorkbenchState.ShownPrediction shown = state.predictionProperty().get();
        PredictAndScore.Prediction before = shown != null && shown.matches(image, checkpointFile, settingsConfig)
                ? shown.prediction() : null;
        JobTask<CorrectionsRetraining.Outcome> task = new JobTask<>((progress, control) -> CorrectionsRetraining.run(
                checkpointFile, settingsConfig, image, corrected, settings, before, new TrainingListener() {
                }, progress, control), (what, done, total, seconds) -> String.format(Locale.ROOT, "%s: %d of %d %s, %s left",
                        what, done, total, what.startsWith("Fine") ? "iterations" : "windows",
                        JobTask.duration(Progress.etaSeconds(done, total, seconds))));
        job = task;
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            CorrectionsRetraining.Outcome o = task.getValue();
            scores.getItems().setAll(o.scores());
            boolean show = state.image() == image && !state.isPredicting(); // not over a prediction going on
            ended("Fine-tuned " + o.end().iteration() + " iterations; checkpoint " + o.checkpoint()
                    + (show ? ". The new prediction is in the Predict tab." : "."));
            if (show) {
                state.checkpointProperty().set(o.checkpoint().toString());
                state.predictionProperty().set(new WorkbenchState.ShownPrediction(image, o.prediction(), o.checkpoint(),
                        settingsConfig));
            }
        });
        task.setOnCancelled(e -> ended("Retraining cancelled."));
        task.setOnFailed(e -> ended("Retraining failed: " + (task.getException() instanceof UserException u
                ? u.getMessage() : task.getException().toString())));
        run.setDisable(true);
        cancel.setDisable(false);
        scores.getItems().clear();
        task.inBackground().start("retraining");
    }

    private void ended(String text) {
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        status.setText(text);
        run.setDisable(false);
        cancel.setDisable(true);
    }
}
