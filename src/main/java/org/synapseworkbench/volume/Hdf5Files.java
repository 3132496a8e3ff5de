package org.synapseworkbench.volume;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.synapseworkbench.work.UserException;

/** Opening HDF5 files with jhdf, turning its failures into one sentence a user can act on. */
public final class Hdf5Files {
    private Hdf5Files() {
    }

    /** Opens a file for reading or throws a {@link UserException} naming the file and the problem. */
    public static HdfFile open(Path file) {
        if (!Files.exists(file)) {
            throw new UserException("File '" + file + "' does not exist; check the path (or run 'generate' to make a sample volume).");
        }
        if (Files.isDirectory(file)) {
            throw new UserException("'" + file + "' is a folder, not an HDF5 file; give the path of an .h5 or .hdf file inside it.");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserException("'" + file + "' is not a regular file (a named pipe, socket or device); give the path "
                    + "of an HDF5 file on disk.");
        }
        if (!Files.isReadable(file)) {
            throw new UserException("File '" + file + "' cannot be read (permission denied); check its permissions.");
        }
        try {
            HdfFile hdf = new HdfFile(file);
            hdf.getChildren(); // forces the root group, so a truncated header fails here and not later
            return hdf;
        } catch (RuntimeException | Error e) {
            throw translate(file, e);
        }
    }

    /** Turns a jhdf failure while reading a file into a clear {@link UserException}. */
    public static UserException translate(Path file, Throwable e) {
        if (e instanceof UserException u) {
            return u;
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("No valid HDF5 signature")) {
            return new UserException("'" + file + "' is not an HDF5 file (it has no HDF5 signature); choose a file "
                    + "written by h5py, jhdf or Synapse Workbench.", e);
        }
        if (e instanceof OutOfMemoryError) {
            return new UserException("Reading '" + file + "' ran out of memory; read a smaller region or start Java with a "
                    + "larger -Xmx.", e);
        }
        return new UserException("'" + file + "' is damaged or truncated (" + UserException.rootReason(e) + "); copy or write it again.", e);
    }

    /** Paths of every dataset in a file, depth first in the file's order. */
    public static List<String> datasetPaths(Path file) {
        try (HdfFile hdf = open(file)) {
            return datasetPaths(hdf);
        } catch (RuntimeException e) {
            throw translate(file, e);
        }
    }

    /** {@link #chooseDataset(Path, HdfFile, String, String...)} on a file not yet open. */
    public static String chooseDataset(Path file, String named, String... preferred) {
        try (HdfFile hdf = open(file)) {
            return chooseDataset(file, hdf, named, preferred);
        } catch (RuntimeException e) {
            throw translate(file, e);
        }
    }

    /** Paths of every dataset in the file, depth first in the file's order. */
    public static List<String> datasetPaths(HdfFile hdf) {
        List<String> out = new ArrayList<>();
        collect(hdf, out);
        return out;
    }

    private static void collect(Group g, List<String> out) {
        for (Node n : g.getChildren().values()) {
            if (n instanceof Dataset d) {
                out.add(stripSlash(d.getPath()));
            } else if (n instanceof Group child) {
                collect(child, out);
            }
        }
    }

    static String stripSlash(String p) {
        return p.startsWith("/") ? p.substring(1) : p;
    }

    /** The dataset to use: see {@link VolumeFiles#choose}. */
    public static String chooseDataset(Path file, HdfFile hdf, String named, String... preferred) {
        return VolumeFiles.choose(file, datasetPaths(hdf), named, preferred);
    }
}
