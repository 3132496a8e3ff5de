package org.synapseworkbench.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.volume.Grid;
import org.synapseworkbench.volume.PaddedImage;
import org.synapseworkbench.work.AtomicFiles;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.UserException;

/**
 * The files of the windows blocks share ({@link SharedWindows}), in {@code .blocks-windows/} of the output array: a
 * file per owning block, written through a temporary file and a rename, holding each window's outputs (channels x
 * window voxels, little-endian floats) in the order the block owns them, so a window is found at its rank.
 */
final class SharedWindowFiles implements Serializable {
    private final DoneMarkers files;

    SharedWindowFiles(Path array) {
        this.files = new DoneMarkers(array, ".blocks-windows");
    }

    /** Readies the folder for the work {@code what} describes; returns the blocks whose windows are written. */
    Set<Long> begin(Grid blocks, String what) {
        return files.begin(blocks, what);
    }

    /** Computes the shared windows block {@code k} owns with {@code inference} and writes them to its file. */
    void write(long k, long[] owned, VolumeInference inference, PaddedImage image) {
        Path target = files.file(k);
        try {
            Path tmp = AtomicFiles.temporaryBeside(target, false);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                inference.compute(image, owned, (i, outputs) -> {
                    ByteBuffer b = ByteBuffer.allocate(4 * outputs.length).order(ByteOrder.LITTLE_ENDIAN);
                    b.asFloatBuffer().put(outputs);
                    try {
                        out.write(b.array());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, new Cancellation());
            } catch (IOException | UncheckedIOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            AtomicFiles.moveIntoPlace(tmp, target);
        } catch (IOException | UncheckedIOException e) {
            throw new UserException("Cannot write the shared windows of block " + k + " to '" + target + "' (" + e.getMessage()
                    + "); check that the output's disk has room.", e);
        }
    }

    /** The shared windows as a block reads them: each from its owner's file; {@code each} floats a window. */
    VolumeInference.KnownWindows reader(SharedWindows shared, int each) {
        Map<Long, long[]> ownedBy = new HashMap<>();
        return new VolumeInference.KnownWindows() {
            @Override
            public boolean has(long window) {
                return shared.shared(window);
            }

            @Override
            public float[] get(long window) {
                long owner = shared.owner(window);
                long rank = Arrays.binarySearch(ownedBy.computeIfAbsent(owner, shared::owned), window);
                Path file = files.file(owner);
                ByteBuffer b = ByteBuffer.allocate(4 * each).order(ByteOrder.LITTLE_ENDIAN);
                try (FileChannel ch = FileChannel.open(file)) {
                    if (rank < 0) {
                        throw new IOException("window " + window + " is not in it");
                    }
                    long at = rank * 4L * each;
                    while (b.hasRemaining()) {
                        if (ch.read(b, at + b.position()) < 0) {
                            throw new IOException("it ends before window " + window);
                        }
                    }
                } catch (IOException e) {
                    throw new UserException("The shared windows of block " + owner + " in '" + file + "' cannot be read ("
                            + e.getMessage() + "); delete the folder " + file.getParent() + " and run again.", e);
                }
                float[] out = new float[each];
                b.flip();
                b.asFloatBuffer().get(out);
                return out;
            }
        };
    }

    /** Removes block {@code k}'s file, no longer read; a file that cannot be removed is left for {@link #clear}. */
    void release(long k) {
        try {
            Files.deleteIfExists(files.file(k));
        } catch (IOException e) {
            // only disk space: cleared at the end of the run, or by the next
        }
    }

    /** Removes every file (the run is done); what cannot be removed now is left for the next run. */
    void clear() {
        try {
            files.clear();
        } catch (IOException e) {
            // only disk space
        }
    }
}
