package org.synapseworkbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.synapseworkbench.volume.VolumeFiles;

/**
 * Choosing volumes (HDF5 files or Zarr stores' folders, by dialog or by dropping them) and, in a file or store of
 * several datasets, the one to open.
 */
final class VolumeChoosers {
    private VolumeChoosers() {
    }

    /**
     * The dataset to open: the first preferred one the file has, its only one, or the one the person picks from a
     * list (null when they cancel).
     */
    static String pickDataset(Stage stage, Path file, String what, String... preferred) {
        List<String> all = VolumeFiles.datasetPaths(file);
        String plain = VolumeFiles.plainChoice(file, all, preferred);
        if (plain != null) {
            return plain;
        }
        ChoiceDialog<String> choose = new ChoiceDialog<>(all.get(0), all);
        choose.initOwner(stage);
        choose.setTitle("Choose a dataset");
        choose.setHeaderText(file.getFileName() + " holds several datasets: which is the " + what + "?");
        return choose.showAndWait().orElse(null);
    }

    /** A file chooser for HDF5 volumes, titled {@code title}. */
    static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("HDF5 volumes", "*.h5", "*.hdf5", "*.hdf"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    /** A folder chooser for Zarr and N5 stores, titled {@code title}. */
    static javafx.stage.DirectoryChooser folderChooser(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        return chooser;
    }

    /** A file or folder dropped on {@code scene} goes to {@code open} (the first, when several are dropped). */
    static void acceptDrops(Scene scene, Consumer<Path> open) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (done) {
                Path file = e.getDragboard().getFiles().get(0).toPath();
                Platform.runLater(() -> open.accept(file));
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }
}
