package org.synapseworkbench.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.synapseworkbench.work.UserException;

/**
 * One training run per output folder: an operating-system lock on {@value #NAME} in the folder, held while the run
 * writes there. The system releases it when the process ends, however it ends, so a crashed run never leaves the
 * folder locked; the file itself stays and says who held it last.
 */
public final class OutputFolderLock implements AutoCloseable {
    /** The lock file's name. */
    public static final String NAME = ".synapse-workbench.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path key;

    private OutputFolderLock(FileChannel channel, FileLock lock, Path key) {
        this.channel = channel;
        this.lock = lock;
        this.key = key;
    }

    /**
     * Takes the folder's lock or says which run holds it.
     *
     * @throws UserException when another run (in this or another process) writes into the folder
     */
    public static OutputFolderLock acquire(Path folder) {
        Path file = folder.resolve(NAME);
        Path key = file.toAbsolutePath().normalize();
        // a run of this process is checked here, without opening the file: closing any channel of a locked file
        // would release the process's lock on it
        if (!HELD.add(key)) {
            throw busy(folder, "a run of this window or process");
        }
        try {
            return lock(folder, file, key);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static UserException busy(Path folder, String holder) {
        return new UserException("Another training run is writing into " + folder + (holder.isEmpty() ? "" : " (" + holder
                + ")") + "; wait for it to end or stop it, or set DATASET.OUTPUT_PATH to another folder.");
    }

    private static OutputFolderLock lock(Path folder, Path file, Path key) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UserException("The output folder " + folder + " cannot be written (" + e.getMessage()
                    + "); set DATASET.OUTPUT_PATH to a folder you can write.", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw busy(folder, holder);
            }
            String who = "process " + ProcessHandle.current().pid() + ", started " + Instant.now();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
            return new OutputFolderLock(channel, lock, key);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel
            }
            throw new UserException("The output folder " + folder + " cannot be locked for training (" + e.getMessage()
                    + "); set DATASET.OUTPUT_PATH to a folder on a local disk.", e);
        }
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        } finally {
            HELD.remove(key);
        }
    }
}
