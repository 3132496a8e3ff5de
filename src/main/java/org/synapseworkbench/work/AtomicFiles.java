package org.synapseworkbench.work;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writing files so that a crash never leaves a half-written file in place of a good one. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * A new, empty, hidden temporary file beside {@code target} (its folder is created if needed), with the
     * permissions an ordinary new file gets, so that the renamed result is as readable as any other file.
     */
    public static Path temporaryBeside(Path target) throws IOException {
        return temporaryBeside(target, true);
    }

    /**
     * As {@link #temporaryBeside(Path)}; without {@code tidy} the folder is not searched for stale temporaries first
     * (for writers of many files into one folder, which tidy it once).
     */
    public static Path temporaryBeside(Path target, boolean tidy) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (tidy) {
            removeStale(dir);
        }
        long pid = ProcessHandle.current().pid();
        while (true) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + pid + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another writer picked the same name: draw again
            }
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Our temporaries: ".NAME.PID-RANDOM.tmp", and ".NAME.RANDOM.tmp" of versions before the PID was in the name. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(?:(\\d+)-)?[0-9a-z]{1,13}\\.tmp");

    /** Older than this, a temporary without a PID in its name is taken for a leftover. */
    private static final Duration OLD = Duration.ofHours(1);

    /**
     * Deletes the temporaries of this class left in {@code dir} by processes that ended before renaming them (killed,
     * say): those whose PID is no running process, and those without a PID that are over an hour old. Returns how
     * many were deleted; a file that cannot be deleted is left for the next time.
     */
    public static int removeStale(Path dir) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMPORARY.matcher(f.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean stale = m.group(1) != null ? !running(m.group(1))
                        : Files.getLastModifiedTime(f).toInstant().isBefore(Instant.now().minus(OLD));
                if (stale && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: a folder that cannot be listed is written (or refused) as before
        }
        return removed;
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Renames a finished temporary file over the target, atomically where the file system can. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes bytes through a temporary file and a rename; {@code tidy} as for {@link #temporaryBeside(Path, boolean)}. */
    public static void writeBytes(Path target, byte[] bytes, boolean tidy) throws IOException {
        Path tmp = temporaryBeside(target, tidy);
        try {
            Files.write(tmp, bytes);
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes text through a temporary file and a rename. */
    public static void writeString(Path target, String text) throws IOException {
        Path tmp = temporaryBeside(target);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
