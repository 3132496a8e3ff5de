package org.synapseworkbench.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.synapseworkbench.volume.Grid;
import org.synapseworkbench.work.AtomicFiles;
import org.synapseworkbench.work.UserException;

/**
 * Which blocks of a block-wise job are done: a file per finished block in a hidden folder of the output array
 * ({@code .blocks-done/}, which Zarr and N5 readers pass over), written after all of the block's chunks, so a run that
 * failed or was stopped resumes with the blocks left. The folder names its grid and work; markers of other work are
 * cleared.
 */
public final class DoneMarkers implements java.io.Serializable {
    private final String folder;

    /** The markers of the job writing the array in {@code array}. */
    public DoneMarkers(Path array) {
        this(array, ".blocks-done");
    }

    /** Markers in the hidden folder {@code name} of {@code array}, e.g. of a job's first pass. */
    public DoneMarkers(Path array, String name) {
        this.folder = array.resolve(name).toString();
    }

    private Path folder() {
        return Path.of(folder);
    }

    /**
     * Readies the markers for a run over {@code grid} of the work {@code what} describes (input, model, settings):
     * those of a run of the same work over the same grid are kept, any others cleared. Returns the blocks already done.
     */
    public Set<Long> begin(Grid grid, String what) {
        Path f = folder();
        String describe = "shape " + Arrays.toString(grid.shape()) + " blocks " + Arrays.toString(grid.cell()) + "\n" + what
                + "\n";
        try {
            Path gridFile = f.resolve("grid");
            if (Files.exists(gridFile) && !Files.readString(gridFile).equals(describe)) {
                clear();
            }
            Files.createDirectories(f);
            AtomicFiles.writeString(gridFile, describe);
            Set<Long> done = new HashSet<>();
            try (Stream<Path> files = Files.list(f)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).forEach(n -> done.add(Long.parseLong(n)));
            }
            return done;
        } catch (IOException e) {
            throw new UserException("The markers of finished blocks in '" + f + "' cannot be read or written (" + e.getMessage()
                    + "); check that the output is writable.", e);
        }
    }

    /** Marks block {@code k} done (after all its chunks are written). */
    public void markDone(long k) {
        markDone(k, "done\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Marks block {@code k} done with what a later pass needs of it ({@link #content}). */
    public void markDone(long k, byte[] content) {
        try {
            AtomicFiles.writeBytes(folder().resolve(Long.toString(k)), content, false);
        } catch (IOException e) {
            throw new UserException("Cannot mark block " + k + " done in '" + folder + "' (" + e.getMessage() + "); check that "
                    + "the output is writable and its disk not full.", e);
        }
    }

    /** The marker file of block {@code k}, for a marker written as a stream (to a temporary file, then renamed). */
    public Path file(long k) {
        return folder().resolve(Long.toString(k));
    }

    /** What block {@code k} was marked done with. */
    public byte[] content(long k) {
        try {
            return Files.readAllBytes(folder().resolve(Long.toString(k)));
        } catch (IOException e) {
            throw new UserException("The marker of block " + k + " in '" + folder + "' cannot be read (" + e.getMessage()
                    + "); run again to redo it.", e);
        }
    }

    /** Whether block {@code k} is marked done. */
    public boolean isDone(long k) {
        return Files.exists(folder().resolve(Long.toString(k)));
    }

    /** Removes every marker (a new output). */
    public void clear() throws IOException {
        Path f = folder();
        if (!Files.exists(f)) {
            return;
        }
        try (Stream<Path> files = Files.list(f)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
