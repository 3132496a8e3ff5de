package org.synapseworkbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolume;
import org.synapseworkbench.synth.SyntheticVolumeWriter;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Hdf5Files;
import org.synapseworkbench.volume.Hdf5Volume;

/**
 * The desktop workbench. Parameters: an HDF5 image as {@code FILE[:DATASET]}; without one, the built-in sample's
 * image ({@code --sample=FILE}, default {@value #SAMPLE}), made on first start while a progress bar shows.
 */
public final class WorkbenchApp extends Application {
    /** Where {@code demo} and {@code generate} put the built-in sample. */
    static final String SAMPLE = "datasets/synthetic/sample.h5";
    private Hdf5Volume image;
    private final List<Hdf5Volume> opened = new java.util.ArrayList<>();
    private WorkbenchWindow window;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getUnnamed();
        stage.setTitle("Synapse Workbench");
        if (!args.isEmpty()) {
            open(stage, args.get(0));
            return;
        }
        Path sample = Path.of(getParameters().getNamed().getOrDefault("sample", SAMPLE));
        if (SyntheticVolumeWriter.bothLayoutsExist(sample)) {
            open(stage, sample.toString());
            return;
        }
        makeSample(stage, sample);
    }

    /** Opens an image in the stage, or says in one sentence why it cannot. */
    private void open(Stage stage, String spec) {
        try {
            image = Hdf5Volume.open(spec, Cremi.RAW);
        } catch (RuntimeException e) {
            showMessage(stage, "Cannot open " + spec + ": " + e.getMessage());
            return;
        }
        window = new WorkbenchWindow(image);
        addLabelsBeside(spec);
        stage.setTitle("Synapse Workbench - " + image.name());
        stage.setScene(window.scene());
        stage.show();
    }

    /** For a CREMI-layout file, draws its cleft and polarity labels over the image (keys 1 and 2). */
    private void addLabelsBeside(String spec) {
        Path file = Hdf5Files.Spec.parse(spec).file();
        List<String> present = Hdf5Files.datasetPaths(file);
        for (String dataset : List.of(Cremi.CLEFTS, Cremi.POLARITY)) {
            if (!present.contains(dataset) && !present.contains("/" + dataset)) {
                continue;
            }
            Hdf5Volume labels = Hdf5Volume.open(file, dataset);
            if (!java.util.Arrays.equals(labels.spatialShape(), image.spatialShape())) {
                labels.close();
                continue;
            }
            opened.add(labels);
            window.addLayer(new LabelLayer(dataset.equals(Cremi.CLEFTS) ? "clefts" : "polarity", labels,
                    dataset.equals(Cremi.CLEFTS) ? LabelLayer.Kind.CLEFTS : LabelLayer.Kind.POLARITY));
        }
    }

    /** Generates the built-in sample in the background, with a progress bar, then opens it. */
    private void makeSample(Stage stage, Path sample) {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(360);
        Label label = new Label("Making the built-in sample (a synthetic EM volume with synapses) in " + sample + "...");
        VBox box = new VBox(12, label, bar);
        box.setPadding(new Insets(24));
        stage.setScene(new Scene(box));
        stage.show();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                updateProgress(0, 2);
                SyntheticVolume v = new SyntheticEmGenerator(SynthParams.of(SynthParams.SAMPLE_SIZE, 1)).generate();
                updateProgress(1, 2);
                Files.createDirectories(sample.toAbsolutePath().getParent());
                SyntheticVolumeWriter.writeCremi(v, sample);
                SyntheticVolumeWriter.writePytc(v, sample);
                updateProgress(2, 2);
                return null;
            }
        };
        bar.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(e -> open(stage, sample.toString()));
        task.setOnFailed(e -> showMessage(stage, "Cannot make the built-in sample in " + sample + ": "
                + task.getException().getMessage() + " Check that the folder is writable, or open a file of your own."));
        Thread worker = new Thread(task, "make-sample");
        worker.setDaemon(true);
        worker.start();
    }

    private static void showMessage(Stage stage, String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(480);
        VBox box = new VBox(label);
        box.setPadding(new Insets(24));
        stage.setScene(new Scene(box));
        stage.show();
    }

    /** The main view once an image is open (null before). */
    WorkbenchWindow window() {
        return window;
    }

    @Override
    public void stop() {
        if (image != null) {
            image.close();
        }
        opened.forEach(Hdf5Volume::close);
    }
}
