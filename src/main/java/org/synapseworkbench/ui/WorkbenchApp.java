package org.synapseworkbench.ui;

import java.util.List;

import javafx.application.Application;
import javafx.stage.Stage;

import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Hdf5Volume;

/**
 * The desktop workbench. Parameters: an HDF5 image as {@code FILE[:DATASET]} (default: the built-in sample's
 * {@code volumes/raw}).
 */
public final class WorkbenchApp extends Application {
    /** Where {@code demo} and {@code generate} put the built-in sample. */
    static final String SAMPLE = "datasets/synthetic/sample.h5";
    private Hdf5Volume image;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getUnnamed();
        image = Hdf5Volume.open(args.isEmpty() ? SAMPLE : args.get(0), Cremi.RAW);
        WorkbenchWindow window = new WorkbenchWindow(image);
        stage.setTitle("Synapse Workbench - " + image.name());
        stage.setScene(window.scene());
        stage.show();
    }

    @Override
    public void stop() {
        if (image != null) {
            image.close();
        }
    }
}
