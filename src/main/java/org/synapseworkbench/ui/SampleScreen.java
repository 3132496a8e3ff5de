package org.synapseworkbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolume;
import org.synapseworkbench.synth.SyntheticVolumeWriter;
import org.synapseworkbench.ui.task.JobTask;
import org.synapseworkbench.work.Steps;

/** What the window shows before an image is open: the built-in sample being made on first start, or a message. */
final class SampleScreen {
    private SampleScreen() {
    }

    /** Generates the sample in the background, with a progress bar and Cancel, then runs {@code open}. */
    static void make(Stage stage, Path sample, Runnable open) {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(360);
        Label label = new Label("Making the built-in sample (a synthetic EM volume with synapses) in " + sample + "...");
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        Label step = new Label("Starting...");
        VBox box = new VBox(12, label, bar, step, cancel);
        box.setPadding(new Insets(24));
        stage.setScene(new Scene(box));
        stage.show();
        JobTask<Void> task = new JobTask<>((progress, control) -> {
            Steps steps = new Steps(progress, control, 3);
            steps.begin("Generating the volume");
            SyntheticVolume v = new SyntheticEmGenerator(SynthParams.of(SynthParams.SAMPLE_SIZE, 1)).generate();
            steps.begin("Writing " + sample);
            Files.createDirectories(sample.toAbsolutePath().getParent());
            SyntheticVolumeWriter.writeCremi(v, sample);
            steps.begin("Writing the PyTorch Connectomics files beside it");
            SyntheticVolumeWriter.writePytc(v, sample);
            steps.finish();
            return null;
        }, (what, done, total, seconds) -> String.format(java.util.Locale.ROOT, "%s (step %d of %d)", what,
                Math.min(done + 1, total), total));
        step.textProperty().bind(task.messageProperty());
        bar.progressProperty().bind(task.progressProperty());
        cancel.setOnAction(e -> task.stop());
        task.setOnSucceeded(e -> open.run());
        task.setOnCancelled(e -> showMessage(stage, "The built-in sample was not made. Start again to make it, or "
                + "start with an image of your own: synapse-workbench workbench FILE.h5"));
        task.setOnFailed(e -> showMessage(stage, "Cannot make the built-in sample in " + sample + ": "
                + task.getException().getMessage() + " Check that the folder is writable, or start with an image of "
                + "your own: synapse-workbench workbench FILE.h5"));
        task.start("make-sample");
    }

    /** Shows one message in the stage, in place of the window. */
    static void showMessage(Stage stage, String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(480);
        VBox box = new VBox(label);
        box.setPadding(new Insets(24));
        stage.setScene(new Scene(box));
        stage.show();
    }
}
