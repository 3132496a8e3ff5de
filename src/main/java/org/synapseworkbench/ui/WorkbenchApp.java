package org.synapseworkbench.ui;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;

import org.synapseworkbench.config.ConfigDocument;
import org.synapseworkbench.synth.SyntheticVolumeWriter;
import org.synapseworkbench.ui.action.Action;
import org.synapseworkbench.ui.config.ConfigPanel;
import org.synapseworkbench.ui.persist.RecentFiles;
import org.synapseworkbench.ui.persist.Workspace;
import org.synapseworkbench.ui.predict.PredictionPanel;
import org.synapseworkbench.ui.review.RetrainSection;
import org.synapseworkbench.ui.review.ReviewPanel;
import org.synapseworkbench.ui.train.LivePreview;
import org.synapseworkbench.ui.train.TrainingPanel;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.VolumeSpec;
import org.synapseworkbench.work.UserException;
import org.synapseworkbench.workflow.SynapseProbabilityView;

/**
 * The desktop workbench. Parameters: an HDF5 image as {@code FILE[:DATASET]}; without one, what was open last time
 * (the workspace, {@code --workspace=FILE}, default {@link Workspace#defaultFile()}), else the built-in sample's image
 * ({@code --sample=FILE}, default {@link org.synapseworkbench.UserFolders#sample()}), made on first start while a
 * progress bar shows.
 */
public final class WorkbenchApp extends Application {
    private ChunkedVolume image;
    private final List<ChunkedVolume> opened = new java.util.ArrayList<>();
    private WorkbenchWindow window;
    private ConfigPanel config;
    private TrainingPanel training;
    private PredictionPanel prediction;
    /** The built-in sample's file. */
    private Path sample;
    /** Where the workspace is kept ({@code --workspace=FILE}). */
    private Path workspaceFile;
    /** Labels added by hand to the open image, as {@code FILE:DATASET}. */
    private final List<String> addedLabels = new java.util.ArrayList<>();

    /** JavaFX warns on every start that it runs from the class path, which is how this program ships it. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /** Keeps JavaFX's log to severe messages. */
    public static void quietJavaFx() {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /**
     * Opens the window with {@code args} (its parameters, above) and returns once it is closed: true, or false with one
     * line on standard error when no window can open on this display.
     */
    public static boolean launchWindow(String[] args) {
        quietJavaFx();
        try {
            Application.launch(WorkbenchApp.class, args);
            return true;
        } catch (UnsupportedOperationException e) {
            System.err.println("error: the workbench window cannot open (" + e.getMessage() + "); check the display, or use "
                    + "the headless commands (--help lists them).");
            return false;
        }
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getUnnamed();
        String sampleFile = getParameters().getNamed().get("sample");
        sample = sampleFile != null ? Path.of(sampleFile) : org.synapseworkbench.UserFolders.sample();
        String ws = getParameters().getNamed().get("workspace");
        workspaceFile = ws != null ? Path.of(ws) : Workspace.defaultFile();
        stage.setTitle("Synapse Workbench");
        try (java.io.InputStream icon = WorkbenchApp.class.getResourceAsStream("synapse-workbench.png")) {
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
        } catch (java.io.IOException ignored) {
            // the window opens without its icon
        }
        if (!args.isEmpty()) {
            open(stage, args.get(0));
            if (image != null) {
                remember(VolumeSpec.parse(args.get(0)).file());
            }
            return;
        }
        Optional<Workspace> saved = Workspace.load(workspaceFile);
        if (saved.isPresent() && Files.exists(VolumeSpec.parse(saved.get().image()).file())) {
            restore(stage, saved.get());
            if (image != null) {
                return;
            }
        }
        if (SyntheticVolumeWriter.bothLayoutsExist(sample)) {
            open(stage, sample.toString());
            return;
        }
        // a small window of its own: the workbench then opens at its size at once instead of growing out of this one
        Stage splash = new Stage();
        splash.setTitle(stage.getTitle());
        splash.getIcons().setAll(stage.getIcons());
        SampleScreen.make(splash, sample, () -> {
            open(stage, sample.toString());
            splash.close();
        });
    }

    /** Reopens a saved workspace: image, labels added by hand, config and checkpoint; what is gone is skipped. */
    private void restore(Stage stage, Workspace ws) {
        open(stage, ws.image());
        if (image == null) {
            return;
        }
        for (String labels : ws.labels()) {
            VolumeSpec spec = VolumeSpec.parse(labels);
            if (Files.exists(spec.file())) {
                addLabels(stage, spec.file(), spec.dataset());
            }
        }
        try {
            Path base = ws.configBase() != null && Files.exists(ws.configBase()) ? ws.configBase() : null;
            if (base == null && ws.configFile() == null && (ws.configYaml() == null || ws.configYaml().isBlank())) {
                throw new UserException("the workspace holds no config");
            }
            config.show(ConfigDocument.open(base, null).withYaml(ws.configYaml(), "the saved workspace")
                    .withFile(ws.configFile()));
        } catch (RuntimeException e) {
            config.message().setText("The saved config could not be restored (" + e.getMessage() + "); the demo config is shown.");
        }
        if (!ws.checkpoint().isBlank()) {
            window.state().checkpointProperty().set(ws.checkpoint());
        }
    }

    /** Remembers what is open for the next start; a workspace that cannot be written is not worth an error. */
    private void saveWorkspace() {
        if (image == null || config == null) {
            return;
        }
        try {
            ConfigDocument d = config.document();
            new Workspace(image.file().toAbsolutePath() + ":" + image.datasetPath(), List.copyOf(addedLabels), d.baseFile(), d.file(), d.yaml(true),
                    window.state().checkpointProperty().get().trim()).save(workspaceFile);
        } catch (RuntimeException e) {
            System.err.println("warning: could not save the workspace to " + workspaceFile + ": " + e.getMessage());
        }
    }

    /**
     * Opens an image: in a new window the first time, afterwards in place of the open one (whose volumes are closed).
     * A file that cannot be opened is explained in one sentence and leaves the open image as it was.
     */
    private void open(Stage stage, String spec) {
        ChunkedVolume opening;
        try {
            opening = VolumeFiles.open(spec, Cremi.RAW);
        } catch (RuntimeException e) {
            problem(stage, "Cannot open " + spec + ": " + e.getMessage());
            return;
        }
        if (image != null) {
            // the render thread and a running prediction may still read the old volumes: stop the prediction, and
            // close them on the render thread after the draws it was asked for
            List<ChunkedVolume> old = new java.util.ArrayList<>(opened);
            old.add(image);
            opened.clear();
            window.slice().afterPendingDraws(() -> old.forEach(ChunkedVolume::close));
        }
        image = opening;
        addedLabels.clear();
        if (window == null) {
            window = new WorkbenchWindow(image);
            config = new ConfigPanel(startingConfig());
            window.state().configProperty().bind(config.configProperty());
            training = new TrainingPanel(() -> window.state().config(), Path.of(""));
            window.addPanel("Config", config.node());
            LivePreview live = new LivePreview(window);
            training.setLivePreview(live);
            window.addPanel("Training", training.node());
            prediction = new PredictionPanel(window, Path.of(""));
            window.addPanel("Predict", prediction.node());
            Path journals = org.synapseworkbench.UserFolders.data().resolve("journals");
            ReviewPanel review = new ReviewPanel(window, journals);
            review.addSection(new RetrainSection(window.state(), review.painter()).node());
            window.addPanel("Review", review.node());
            prediction.setOnPredicted(live::clear); // a prediction of the whole image replaces the training's glimpses
            training.runningProperty().addListener((obs, was, now) -> {
                if (!now) {
                    prediction.useNewest();
                }
            });
            window.menus().getMenus().setAll(fileMenu(stage), WorkbenchMenus.run(window, training, prediction),
                    WorkbenchMenus.help(window));
            VolumeChoosers.acceptDrops(window.scene(), file -> openFile(stage, file));
            TrainingPanel.prepareEngineInBackground();
            stage.setScene(window.scene());
            stage.centerOnScreen();
        } else {
            window.open(image);
        }
        addLabelsBeside(stage, spec);
        stage.setTitle("Synapse Workbench - " + image.name());
        stage.show();
        window.slice().requestFocus();
    }

    /**
     * The demo cleft config (built into the program), reading its training data from the sample's folder, so that
     * Start in the Training tab trains on the sample at once.
     */
    private ConfigDocument startingConfig() {
        String name = "configs/Demo/Demo-Cleft.yaml";
        try (var in = WorkbenchApp.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                return ConfigDocument.defaults();
            }
            ConfigDocument d = ConfigDocument.defaults().withYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the built-in " + name);
            Path folder = sample.toAbsolutePath().getParent();
            return d.with("DATASET.INPUT_PATH", folder + java.io.File.separator, "the built-in sample's folder");
        } catch (java.io.IOException e) {
            return ConfigDocument.defaults();
        }
    }

    private Menu fileMenu(Stage stage) {
        MenuItem openImage = WorkbenchMenus.item("Open image...", Action.OPEN_IMAGE, () -> chooseImage(stage));
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> fillRecent(stage, recent));
        recent.getItems().add(new MenuItem("(none)"));
        MenuItem openStore = new MenuItem("Open image from a Zarr or N5 folder...");
        openStore.setOnAction(e -> {
            File f = VolumeChoosers.folderChooser("Open image from a Zarr or N5 store").showDialog(stage);
            if (f != null) {
                openFile(stage, f.toPath());
            }
        });
        MenuItem openLabels = WorkbenchMenus.item("Add labels...", Action.ADD_LABELS, () -> chooseLabels(stage, false));
        MenuItem storeLabels = new MenuItem("Add labels from a Zarr or N5 folder...");
        storeLabels.setOnAction(e -> chooseLabels(stage, true));
        MenuItem quit = WorkbenchMenus.item("Quit", Action.QUIT, stage::close);
        return new Menu("File", null, openImage, openStore, recent, openLabels, storeLabels, new SeparatorMenuItem(), quit);
    }

    private void chooseImage(Stage stage) {
        File f = VolumeChoosers.chooser("Open image").showOpenDialog(stage);
        if (f != null) {
            openFile(stage, f.toPath());
        }
    }

    /** Opens a file as the image, asking which dataset when it has several and no CREMI image. */
    private void openFile(Stage stage, Path file) {
        String dataset;
        try {
            dataset = VolumeChoosers.pickDataset(stage, file, "image", Cremi.RAW);
        } catch (RuntimeException e) {
            problem(stage, e.getMessage());
            return;
        }
        if (dataset != null) {
            open(stage, file + ":" + dataset);
            if (image != null && image.file().equals(file)) {
                remember(file);
            }
        }
    }

    /** Adds labels from a file, or from a store's folder. */
    private void chooseLabels(Stage stage, boolean folder) {
        File f = folder ? VolumeChoosers.folderChooser("Add labels from a Zarr or N5 store").showDialog(stage)
                : VolumeChoosers.chooser("Add labels").showOpenDialog(stage);
        if (f == null) {
            return;
        }
        try {
            String dataset = VolumeChoosers.pickDataset(stage, f.toPath(), "labels", Cremi.CLEFTS, Cremi.POLARITY);
            if (dataset != null) {
                addLabels(stage, f.toPath(), dataset);
            }
        } catch (RuntimeException e) {
            problem(stage, "Cannot add labels from " + f + ": " + e.getMessage());
        }
    }

    /**
     * How an opened dataset is drawn: a uint8 map with channels (what infer, predict-blocks and Save prediction write)
     * as its synapse probability in yellow, which the Review tab can then search; labels as their {@code labels}
     * attribute says (postprocess and instances-blocks write "clefts" or "polarity"), else as clefts, or polarity or
     * instances when the dataset's name says so.
     */
    static LabelLayer layerOf(String name, String dataset, ChunkedVolume v) {
        if (v.rank() == 4 && v.type() == DataType.UINT8) {
            return new LabelLayer(name + " (synapse probability)", SynapseProbabilityView.of(v), LayerKind.PROBABILITY,
                    LabelLayer.YELLOW);
        }
        String said = v.textAttribute("labels");
        LayerKind kind = LayerKind.ofDataset(dataset);
        for (LayerKind k : kind.alternatives()) {
            if (k.title().equals(said)) {
                kind = k;
            }
        }
        return new LabelLayer(name, v, kind);
    }

    /** Draws a label dataset or a probability map over the image (see {@link #layerOf}) if it has the image's shape. */
    private void addLabels(Stage stage, Path file, String dataset) {
        try {
            ChunkedVolume labels = VolumeFiles.open(file, dataset, ChunkCache.shared());
            if (!java.util.Arrays.equals(labels.spatialShape(), image.spatialShape())) {
                String shapes = java.util.Arrays.toString(labels.spatialShape()) + " but the image is "
                        + java.util.Arrays.toString(image.spatialShape());
                labels.close();
                problem(stage, file + ":" + dataset + " is " + shapes + "; choose labels of the image's size.");
                return;
            }
            opened.add(labels);
            window.addLayer(layerOf(file.getFileName() + ":" + labels.datasetPath(), labels.datasetPath(), labels));
            addedLabels.add(file.toAbsolutePath() + ":" + labels.datasetPath());
        } catch (RuntimeException e) {
            problem(stage, "Cannot add labels from " + file + ": " + e.getMessage());
        }
    }

    private void fillRecent(Stage stage, Menu recent) {
        recent.getItems().clear();
        for (Path f : RecentFiles.list()) {
            MenuItem item = new MenuItem(f.toString());
            item.setOnAction(e -> openFile(stage, f));
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private static void remember(Path file) {
        RecentFiles.add(file);
    }

    /** Says what went wrong: in a dialog over the window, or as the whole window before one opens. */
    private void problem(Stage stage, String text) {
        if (window == null) {
            SampleScreen.showMessage(stage, text);
            return;
        }
        Alert a = new Alert(Alert.AlertType.ERROR, text);
        a.setHeaderText(null);
        a.initOwner(stage);
        a.show();
    }

    /**
     * For a CREMI-layout file or store, draws its cleft and polarity labels over the image (keys 1 and 2); in an OME-Zarr
     * store they are images of their own, opened at their finest level.
     */
    private void addLabelsBeside(Stage stage, String spec) {
        Path file = VolumeSpec.parse(spec).file();
        try {
            List<String> present = VolumeFiles.datasetPaths(file);
            for (String dataset : List.of(Cremi.CLEFTS, Cremi.POLARITY)) {
                if (present.stream().noneMatch(p -> p.equals(dataset) || p.equals("/" + dataset) || p.startsWith(dataset + "/"))) {
                    continue;
                }
                ChunkedVolume labels = VolumeFiles.open(file, dataset, ChunkCache.shared());
                if (!java.util.Arrays.equals(labels.spatialShape(), image.spatialShape())) {
                    labels.close();
                    continue;
                }
                opened.add(labels);
                window.addLayer(new LabelLayer(dataset.equals(Cremi.CLEFTS) ? "clefts" : "polarity", labels,
                        dataset.equals(Cremi.CLEFTS) ? LayerKind.CLEFTS : LayerKind.POLARITY));
            }
        } catch (RuntimeException e) {
            problem(stage, "The image is open, but its labels in " + file + " cannot be drawn: " + e.getMessage());
        }
    }

    /** The main view once an image is open (null before). */
    WorkbenchWindow window() {
        return window;
    }

    ConfigPanel config() {
        return config;
    }

    TrainingPanel training() {
        return training;
    }

    PredictionPanel prediction() {
        return prediction;
    }

    /** Stops a training run (it writes a checkpoint) and closes the volumes. */
    @Override
    public void stop() throws InterruptedException {
        saveWorkspace();
        if (training != null) {
            training.stopAndWait(120_000);
        }
        if (image != null) {
            image.close();
        }
        opened.forEach(ChunkedVolume::close);
    }
}
