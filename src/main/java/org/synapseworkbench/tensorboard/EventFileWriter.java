package org.synapseworkbench.tensorboard;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Writes a TensorBoard event file ({@code events.out.tfevents.<unix seconds>.<hostname>}) into a log
 * directory: scalars, images and histograms, one {@code Event} per TFRecord.
 *
 * <p>For live viewing the buffer is flushed on {@link #flush()}, on {@link #close()}, and after any write
 * that comes at least {@code flushInterval} after the previous flush. Records written within the interval
 * stay buffered until the next such write, flush or close. All methods are thread-safe.
 *
 * <p>I/O failures surface as {@link UncheckedIOException} naming the file.
 */
public final class EventFileWriter implements AutoCloseable {
    /** Default upper bound on how long written data may stay in the buffer while writes continue. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(5);

    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path file;
    private final long flushIntervalNanos;
    private final TfRecordWriter records;
    private long lastFlushNanos;
    private boolean closed;

    /** Opens a new event file in {@code logDir}, creating the directory if needed. */
    public EventFileWriter(Path logDir) {
        this(logDir, DEFAULT_FLUSH_INTERVAL);
    }

    /**
     * Opens a new event file in {@code logDir}, creating the directory if needed.
     *
     * @param flushInterval longest time between automatic flushes while writes continue; zero flushes
     *                      after every write
     */
    public EventFileWriter(Path logDir, Duration flushInterval) {
        Objects.requireNonNull(logDir, "logDir");
        if (flushInterval.isNegative()) {
            throw new IllegalArgumentException("flushInterval must not be negative, got " + flushInterval);
        }
        this.flushIntervalNanos = flushInterval.toNanos();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the TensorBoard log directory " + logDir
                    + ": " + e.getMessage(), e);
        }
        long seconds = System.currentTimeMillis() / 1000;
        this.file = createUniqueFile(logDir, "events.out.tfevents." + seconds + "." + hostname());
        try {
            this.records = new TfRecordWriter(
                    new BufferedOutputStream(new FileOutputStream(file.toFile(), true), BUFFER_SIZE));
        } catch (IOException e) {
            throw failure("open", e);
        }
        try {
            append(EventProto.fileVersionEvent(wallTime()));
            flush(); // a valid header on disk at once, so TensorBoard picks the file up
        } catch (RuntimeException e) {
            try {
                close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The event file being written. */
    public Path file() {
        return file;
    }

    /** Logs a scalar; TensorBoard stores it as a 32-bit float. */
    public void scalar(String tag, long step, double value) {
        write(step, EventProto.scalarValue(checkTag(tag), (float) value));
    }

    /** Logs an image, PNG-encoded. Gray, gray+alpha, RGB and RGBA images keep their channels. */
    public void image(String tag, long step, BufferedImage img) {
        Objects.requireNonNull(img, "img");
        byte[] png = PngImages.encode(img); // outside the lock: encoding may take a while
        write(step, EventProto.imageValue(checkTag(tag), img.getHeight(), img.getWidth(),
                PngImages.colorspace(img), png));
    }

    /** Logs a histogram of {@code values} in 30 equal-width buckets; NaN and infinities are skipped. */
    public void histogram(String tag, long step, float[] values) {
        Objects.requireNonNull(values, "values");
        write(step, EventProto.histogramValue(checkTag(tag), Histogram.of(values)));
    }

    /** Pushes buffered records to the file. Does nothing once closed. */
    public synchronized void flush() {
        if (closed) {
            return;
        }
        try {
            records.flush();
        } catch (IOException e) {
            throw failure("flush", e);
        }
        lastFlushNanos = System.nanoTime();
    }

    /** Flushes and closes the file; later writes fail, later flushes and closes do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            records.close();
        } catch (IOException e) {
            throw failure("close", e);
        }
    }

    private void write(long step, byte[] value) {
        byte[] event = EventProto.summaryEvent(wallTime(), step, value);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The TensorBoard event file " + file + " is already closed");
            }
            append(event);
            if (System.nanoTime() - lastFlushNanos >= flushIntervalNanos) {
                flush();
            }
        }
    }

    private void append(byte[] event) {
        try {
            records.write(event);
        } catch (IOException e) {
            throw failure("write", e);
        }
    }

    private UncheckedIOException failure(String verb, IOException e) {
        return new UncheckedIOException("Could not " + verb + " the TensorBoard event file " + file
                + ": " + e.getMessage(), e);
    }

    private static String checkTag(String tag) {
        if (tag == null || tag.isEmpty()) {
            throw new IllegalArgumentException("A TensorBoard tag must not be empty");
        }
        return tag;
    }

    private static double wallTime() {
        return System.currentTimeMillis() / 1000.0;
    }

    /** Creates {@code base}, else {@code base.<pid>}, else {@code base.<pid>.<n>}, whichever is free first. */
    private static Path createUniqueFile(Path dir, String base) {
        String pidBase = base + "." + ProcessHandle.current().pid();
        for (int n = 0; ; n++) {
            Path candidate = dir.resolve(n == 0 ? base : n == 1 ? pidBase : pidBase + "." + n);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // try the next name
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the TensorBoard event file " + candidate
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private static String hostname() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null || name.isBlank()) {
            name = "localhost";
        }
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
