package org.synapseworkbench.ui.train;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigValidator;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.train.DeviceChoice;
import org.synapseworkbench.train.IterationStats;
import org.synapseworkbench.train.LossFunction;
import org.synapseworkbench.train.Snapshot;
import org.synapseworkbench.train.TensorBoardListener;
import org.synapseworkbench.train.TrainingEnd;
import org.synapseworkbench.train.TrainingListener;
import org.synapseworkbench.train.TrainingRun;
import org.synapseworkbench.train.TrainingStart;
import org.synapseworkbench.ui.action.Action;
import org.synapseworkbench.ui.task.FxBatches;
import org.synapseworkbench.ui.task.JobTask;
import org.synapseworkbench.workflow.ConfigCheck;

/**
 * Trains the model of the config in the background: start from scratch, resume from the newest checkpoint of the
 * output folder or from a chosen one, pause and go on, stop (which writes a checkpoint). Shows the total and
 * per-term loss and the learning rate as they come, the iteration, speed, time left and device, a log, the last
 * training snapshot (input, target and prediction of one section) and, with a {@link LivePreview}, the model's
 * prediction of the section on screen every N iterations. Training events reach the JavaFX thread in batches, so a
 * fast run cannot flood it.
 */
public final class TrainingPanel {
    private static final int LOG_LINES = 2000;
    /** The log's clock; made once: the first pattern loads locale data (20 ms here, once on the JavaFX thread). */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Whether this program's first panel has rehearsed a run's display (see {@link #rehearse}). */
    private static final AtomicBoolean REHEARSED = new AtomicBoolean();
    /** How long after the first panel is made it rehearses: after the window's first frames. */
    private static final long REHEARSAL_DELAY_MILLIS = 1500;
    private final Supplier<Config> config;
    private final Path workingDirectory;
    private final Button start = new Button("Start");
    private final Button resume = new Button("Resume");
    private final Button fromCheckpoint = new Button("From checkpoint...");
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label iteration = new Label("-");
    private final Label speed = new Label("-");
    private final Label eta = new Label("-");
    private final Label device = new Label("-");
    private final Label output = new Label("-");
    private final Label status = new Label("Not running");
    private final Label snapshotLabel = new Label("Snapshots (input, target, prediction of one section) come as training runs.");
    private final LossCharts charts = new LossCharts();
    /** Iterations, loss, iterations, learning rate. */
    private final ListView<String> log = new ListView<>();
    private final ImageView snapshot = new ImageView();
    private final VBox root;
    private LivePreview preview;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private List<String> partNames = List.of();
    private JobTask<TrainingEnd> job;
    private final FxBatches events = new FxBatches();

    /**
     * @param config the config to train with, read when a run starts
     * @param workingDirectory what relative paths of the config are relative to
     */
    public TrainingPanel(Supplier<Config> config, Path workingDirectory) {
        this.config = config;
        this.workingDirectory = workingDirectory;
        start.setId("training-start");
        stop.setId("training-stop");
        pause.setId("training-pause");
        pause.setTooltip(new Tooltip("Hold training before the next iteration, or go on (" + Action.PAUSE_TRAINING.keyText() + ")"));
        pause.setOnAction(e -> togglePause());
        pause.setDisable(true);
        start.setTooltip(new Tooltip("Train from new weights (" + Action.START_TRAINING.keyText() + ")"));
        resume.setTooltip(new Tooltip("Go on from the newest checkpoint in the output folder"));
        fromCheckpoint.setTooltip(new Tooltip("Go on from a checkpoint you choose"));
        stop.setTooltip(new Tooltip("Stop after the current iteration and write a checkpoint (" + Action.STOP_TRAINING.keyText() + ")"));
        start.setOnAction(e -> start(null));
        resume.setOnAction(e -> resumeNewest());
        fromCheckpoint.setOnAction(e -> chooseCheckpoint());
        stop.setOnAction(e -> stop());
        stop.setDisable(true);
        HBox buttons = new HBox(6, start, resume, fromCheckpoint, pause, stop);
        buttons.setAlignment(Pos.CENTER_LEFT);

        progress.setMaxWidth(Double.MAX_VALUE);
        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(2);
        facts.addRow(0, new Label("Iteration"), iteration, new Label("Speed"), speed);
        facts.addRow(1, new Label("Time left"), eta, new Label("Device"), device);
        facts.add(new Label("Output"), 0, 2);
        facts.add(output, 1, 2, 3, 1);

        snapshot.setPreserveRatio(true);
        snapshot.setFitHeight(110);
        log.setPrefHeight(120);
        VBox.setVgrow(charts.loss(), Priority.ALWAYS);
        status.setWrapText(true);
        for (Label wraps : List.of(status, output, snapshotLabel)) { // whole sentences at any width, never "..."
            wraps.setWrapText(true);
            wraps.setMinHeight(Region.USE_PREF_SIZE);
        }
        root = new VBox(6, buttons, progress, status, facts, charts.legend(), charts.loss(), charts.rate(), snapshotLabel, snapshot, log);
        root.setPadding(new Insets(6));
        List<String> parts = lossParts(config.get());
        if (parts != null) {
            charts.show(parts);
        }
        if (REHEARSED.compareAndSet(false, true)) {
            PauseTransition later = new PauseTransition(Duration.millis(REHEARSAL_DELAY_MILLIS));
            later.setOnFinished(e -> rehearse(config));
            later.play();
        }
    }

    /**
     * Takes a throwaway panel, off screen, through what a run shows: Start, the run's start, a few iterations, a
     * snapshot and the end, then draws it once. The classes and first, slow passes of charts, legend, log cells and
     * wrapped text then happen while the window has just opened, instead of in the first seconds of the first real
     * run, where they held the JavaFX thread for 80-95 ms three times. Nothing of it is shown or kept.
     */
    private static void rehearse(Supplier<Config> config) {
        TrainingPanel p = new TrainingPanel(config, Path.of(""));
        Scene offScreen = new Scene(p.root, 700, 900);
        Config c = config.get();
        if (c != null) { // what Start does before the run's thread takes over
            ConfigCheck.errors(c);
            new TensorBoardListener(new TrainingRun(c, TrainingRun.Options.defaults()).outputDirectory(), 20);
        }
        p.running.set(true);
        p.updateButtons();
        p.status.setText("Starting...");
        p.addLog("Training starts from new weights");
        p.started(new TrainingStart(0, 100, "cpu()", "rehearsal", 1000, List.of("first term", "second term"),
                Path.of("rehearsal"), null, new int[] {8, 64, 64}, 1));
        for (int i = 1; i <= 3; i++) {
            p.iteration(new IterationStats(i, 100, 1.0 / i, new double[] {0.6 / i, 0.4 / i}, 1e-3 * i, 1.5, 0.1, 150 - i));
        }
        p.snapshot(new Snapshot(1, 8, 8, new float[64], new float[64], new float[64]));
        p.finished(new TrainingEnd(TrainingEnd.Reason.CANCELLED, 3, null, "Stopped at iteration 3."));
        offScreen.snapshot(null); // CSS, layout and rendering, as the pulse after a real change does
    }

    public Region node() {
        return root;
    }

    /** Shows the model's prediction of the visible section in the viewer while it trains (controls below the buttons). */
    public void setLivePreview(LivePreview p) {
        preview = p;
        root.getChildren().add(1, p.controls());
    }

    /**
     * Loads the PyTorch engine on a background thread, so that the first Start or Predict does not load hundreds of
     * megabytes of native code and classes while the window waits on the JavaFX thread's garbage collections.
     */
    public static void prepareEngineInBackground() {
        new JobTask<Void>((progress, control) -> {
            CLOCK.format(LocalTime.now()); // the log's first line then costs the JavaFX thread nothing extra
            try {
                TorchEngine.get();
            } catch (RuntimeException | LinkageError e) {
                // reported where the engine is used, with the context of that action
            }
            return null;
        }).inBackground().start("engine-start");
    }

    /** True while a run is going. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public LineChart<Number, Number> lossChart() {
        return charts.loss();
    }

    Label status() {
        return status;
    }

    /** Starts a run (from {@code checkpoint}, or from scratch when null) on a background thread. */
    public void start(Path checkpoint) {
        if (running.get()) {
            return;
        }
        Config c = config.get();
        List<ConfigValidator.Problem> errors = ConfigCheck.errors(c);
        if (!errors.isEmpty()) {
            status.setText("The config has " + errors.size() + " problem" + (errors.size() > 1 ? "s" : "") + ", first: "
                    + errors.get(0).message() + " Fix it in the Config tab.");
            return;
        }
        TrainingRun r = new TrainingRun(c, new TrainingRun.Options(checkpoint, DeviceChoice.AUTO, 1, workingDirectory, 0));
        List<Integer> monitor = c.monitor().iterationNum();
        r.addListener(new TensorBoardListener(r.outputDirectory(), monitor != null && !monitor.isEmpty() ? monitor.get(0) : 20));
        r.addListener(new Forwarder());
        JobTask<TrainingEnd> task = new JobTask<>(r::run);
        if (preview != null) {
            preview.begin(c, task::isStopping);
            r.setProbe(preview);
        }
        charts.reset(lossParts(c));
        List<Integer> every = c.monitor().iterationNum();
        snapshotLabel.setText("Snapshot: none yet; one comes every " + (every != null && every.size() > 1 ? every.get(1) : 200)
                + " iterations (input, target, prediction of one section).");
        job = task;
        running.set(true);
        updateButtons();
        output.setText(r.outputDirectory().toAbsolutePath().normalize().toString());
        status.setText(checkpoint == null ? "Starting..." : "Resuming from " + checkpoint + "...");
        addLog(checkpoint == null ? "Training starts from new weights" : "Training resumes from " + checkpoint);
        task.setOnFailed(e -> {
            if (task.getException() instanceof Error error) { // the native library or memory: the run could not tell its listeners
                post(() -> finished(new TrainingEnd(TrainingEnd.Reason.FAILED, 0, null, "Training failed: " + error)));
            } // else listeners heard of it as a FAILED end, with the message
        });
        task.inBackground().start("training");
    }

    /** Asks the run to stop after the current iteration; it then writes a checkpoint. */
    public void stop() {
        if (job != null && running.get()) {
            job.stop();
            stop.setDisable(true);
            pause.setDisable(true);
            status.setText("Stopping after this iteration and writing a checkpoint...");
        }
    }

    /** Holds the run before its next iteration, or lets a held run go on. */
    public void togglePause() {
        if (job == null || !running.get() || job.isStopping()) {
            return;
        }
        boolean hold = !job.isPaused();
        job.setPaused(hold);
        pause.setText(hold ? "Go on" : "Pause");
        status.setText(hold ? "Paused after iteration " + charts.lastIteration()
                + "; Go on continues, Stop writes a checkpoint." : "Training goes on.");
        addLog(hold ? "Paused" : "Going on");
    }

    /** Whether a run is held by Pause. */
    boolean paused() {
        return job != null && running.get() && job.isPaused();
    }

    /** Stops a run and waits for its checkpoint (at most {@code millis}); for closing the window. */
    public void stopAndWait(long millis) throws InterruptedException {
        if (job != null) {
            job.stopAndWait(millis);
        }
    }

    private void resumeNewest() {
        Path out = new TrainingRun(config.get(), TrainingRun.Options.defaults()).outputDirectory();
        Path folder = workingDirectory.resolve(out);
        Checkpoint.newest(folder).ifPresentOrElse(this::start,
                () -> status.setText("No checkpoint in " + folder.toAbsolutePath().normalize()
                        + " to resume from; press Start, or choose a checkpoint."));
    }

    private void chooseCheckpoint() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Train from checkpoint");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Checkpoints", "*.ckpt"));
        File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            start(f.toPath());
        }
    }

    private void updateButtons() {
        boolean on = running.get();
        start.setDisable(on);
        resume.setDisable(on);
        fromCheckpoint.setDisable(on);
        stop.setDisable(!on);
        pause.setDisable(!on);
        pause.setText("Pause");
    }

    private void addLog(String line) {
        log.getItems().add(LocalTime.now().format(CLOCK) + "  " + line);
        if (log.getItems().size() > LOG_LINES) {
            log.getItems().remove(0, log.getItems().size() - LOG_LINES);
        }
        log.scrollTo(log.getItems().size() - 1);
    }

    /** Queues work for the JavaFX thread, in batches. */
    private void post(Runnable r) {
        events.post(r);
    }

    private void started(TrainingStart s) {
        partNames = s.partNames();
        device.setText(s.device());
        output.setText(s.outputDirectory().toAbsolutePath().normalize() + "  (TensorBoard: tensorboard --logdir "
                + s.outputDirectory().toAbsolutePath().normalize() + ")");
        status.setText("Training " + s.model() + " (" + String.format(Locale.ROOT, "%,d", s.parameters())
                + " parameters), input " + org.synapseworkbench.volume.Sizes.format(s.inputSize()) + ", batch " + s.batchSize());
        addLog("Started at iteration " + s.firstIteration() + " of " + s.totalIterations() + " on " + s.device());
        charts.show(partNames);
    }

    /** The names of the loss terms a run of this config reports, or null when its loss options are not valid. */
    private static List<String> lossParts(Config c) {
        try {
            return c == null ? null : LossFunction.fromConfig(c).partNames();
        } catch (RuntimeException e) {
            return null; // the run says what is wrong; its curves then come with its start
        }
    }


    private void iteration(IterationStats s) {
        if (preview != null) {
            preview.aim();
        }
        progress.setProgress(s.total() > 0 ? (double) s.iteration() / s.total() : -1);
        iteration.setText(s.iteration() + " / " + s.total());
        speed.setText(String.format(Locale.ROOT, "%.2f it/s", s.iterationsPerSecond()));
        eta.setText(JobTask.duration(s.etaSeconds()));
        charts.add(s);
    }

    private void snapshot(Snapshot s) {
        snapshot.setImage(SnapshotImage.of(s));
        snapshotLabel.setText("Snapshot at iteration " + s.iteration() + ": input, target, prediction of one section.");
        addLog("Snapshot at iteration " + s.iteration());
    }

    private void finished(TrainingEnd end) {
        running.set(false);
        updateButtons();
        eta.setText("-"); // nothing is left to wait for
        speed.setText("-");
        status.setText(end.message());
        addLog(end.message());
        if (end.reason() == TrainingEnd.Reason.FINISHED) {
            progress.setProgress(1);
        }
    }

    /** Hands the run's events to the JavaFX thread. */
    private final class Forwarder implements TrainingListener {
        @Override
        public void started(TrainingStart start) {
            post(() -> TrainingPanel.this.started(start));
        }

        @Override
        public void iteration(IterationStats stats) {
            post(() -> TrainingPanel.this.iteration(stats));
        }

        @Override
        public void snapshot(Snapshot s) {
            post(() -> TrainingPanel.this.snapshot(s));
        }

        @Override
        public void checkpointSaved(Path file, long at) {
            post(() -> addLog("Checkpoint " + file + " (iteration " + at + ")"));
        }

        @Override
        public void finished(TrainingEnd end) {
            post(() -> TrainingPanel.this.finished(end));
        }
    }
}
