package org.synapseworkbench.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads event files back with a reader of its own (framing, CRC32C, generic protobuf parsing). */
class EventFileWriterTest {
    @TempDir
    Path dir;

    // ---------------------------------------------------------------- framing and header

    @Test
    void crcOfTheReaderMatchesTheStandardCheckValue() {
        assertEquals(0xE3069283, Reader.crc32c("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9));
    }

    @Test
    void firstRecordDeclaresTheFileVersion() throws IOException {
        double before = System.currentTimeMillis() / 1000.0;
        Path file;
        try (EventFileWriter w = new EventFileWriter(dir.resolve("run1"))) {
            file = w.file();
        }
        List<byte[]> records = Reader.readRecords(file);
        assertEquals(1, records.size());
        UnknownFieldSet event = UnknownFieldSet.parseFrom(records.get(0));
        assertEquals("brain.Event:2", event.getField(3).getLengthDelimitedList().get(0).toStringUtf8());
        double wallTime = Double.longBitsToDouble(event.getField(1).getFixed64List().get(0));
        assertTrue(wallTime >= before - 1 && wallTime <= System.currentTimeMillis() / 1000.0 + 1, "wall_time " + wallTime);
    }

    @Test
    void fileIsNamedForTensorBoardAndNeverOverwritten() {
        try (EventFileWriter a = new EventFileWriter(dir); EventFileWriter b = new EventFileWriter(dir)) {
            assertEquals(dir, a.file().getParent());
            String name = a.file().getFileName().toString();
            assertTrue(name.matches("events\\.out\\.tfevents\\.\\d{10}\\.[A-Za-z0-9._-]+"), name);
            long seconds = Long.parseLong(name.split("\\.")[3]);
            assertTrue(Math.abs(seconds - System.currentTimeMillis() / 1000) < 60, name);
            assertNotEquals(a.file(), b.file());
            assertTrue(b.file().getFileName().toString().contains("tfevents"));
        }
    }

    // ---------------------------------------------------------------- scalars

    @Test
    void scalarsKeepStepTagAndFloatValue() throws IOException {
        long[] steps = {0, 1, 12_345_678_901L};
        double[] values = {0.0, 1.5, -0.1};
        String[] tags = {"loss/train", "loss/train", "lr"};
        Path file;
        try (EventFileWriter w = new EventFileWriter(dir)) {
            for (int i = 0; i < steps.length; i++) {
                w.scalar(tags[i], steps[i], values[i]);
            }
            file = w.file();
        }
        List<byte[]> records = Reader.readRecords(file);
        assertEquals(1 + steps.length, records.size());
        for (int i = 0; i < steps.length; i++) {
            UnknownFieldSet event = UnknownFieldSet.parseFrom(records.get(i + 1));
            assertEquals(steps[i], step(event));
            UnknownFieldSet value = summaryValue(event);
            assertEquals(tags[i], value.getField(1).getLengthDelimitedList().get(0).toStringUtf8());
            List<Integer> simple = value.getField(2).getFixed32List();
            assertEquals(1, simple.size(), "simple_value present even when zero");
            assertEquals((float) values[i], Float.intBitsToFloat(simple.get(0)));
        }
    }

    // ---------------------------------------------------------------- images

    @Test
    void rgbImageRoundTripsThroughPng() throws IOException {
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        UnknownFieldSet image = writeAndReadImage("pred/rgb", 3, img);
        assertImage(image, 5, 7, 3);
        BufferedImage back = decode(image);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(img.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void rgbaImageKeepsAlpha() throws IOException {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x80FF0000);
        img.setRGB(2, 1, 0xFF00FF00);
        UnknownFieldSet image = writeAndReadImage("overlay", 1, img);
        assertImage(image, 2, 3, 4);
        BufferedImage back = decode(image);
        assertEquals(0x80FF0000, back.getRGB(0, 0));
        assertEquals(0xFF00FF00, back.getRGB(2, 1));
        assertEquals(0, back.getRGB(1, 0));
    }

    @Test
    void grayImageFromFloatsRoundTrips() throws IOException {
        // 2 x 3 slice at offset 1 of a larger array; min 0, max 2.
        float[] data = {99f, 0f, 1f, 2f, -5f, 7f, Float.NaN, 99f};
        BufferedImage img = GrayImages.fromFloats(data, 1, 2, 3, 0f, 2f);
        int[] expected = {0, 128, 255, 0, 255, 0};
        assertArrayEquals(expected, img.getRaster().getPixels(0, 0, 3, 2, (int[]) null));

        UnknownFieldSet image = writeAndReadImage("em/slice", 7, img);
        assertImage(image, 2, 3, 1);
        BufferedImage back = decode(image);
        assertArrayEquals(expected, back.getRaster().getPixels(0, 0, 3, 2, (int[]) null));
    }

    @Test
    void grayImageOfConstantRangeIsBinary() {
        BufferedImage img = GrayImages.fromFloats(new float[] {1f, 2f, 0f, 1f}, 2, 2, 1f, 1f);
        assertArrayEquals(new int[] {0, 255, 0, 0}, img.getRaster().getPixels(0, 0, 2, 2, (int[]) null));
        assertThrows(IllegalArgumentException.class, () -> GrayImages.fromFloats(new float[4], 2, 2, 1f, 0f));
        assertThrows(IndexOutOfBoundsException.class, () -> GrayImages.fromFloats(new float[4], 1, 2, 2, 0f, 1f));
    }

    // ---------------------------------------------------------------- histograms

    @Test
    void histogramHasHandComputedStatistics() throws IOException {
        float[] values = {1f, 2f, 3f, 4f, -2f, Float.NaN};
        Path file;
        try (EventFileWriter w = new EventFileWriter(dir)) {
            w.histogram("weights/conv1", 9, values);
            file = w.file();
        }
        List<byte[]> records = Reader.readRecords(file);
        UnknownFieldSet event = UnknownFieldSet.parseFrom(records.get(1));
        assertEquals(9, step(event));
        UnknownFieldSet value = summaryValue(event);
        assertEquals("weights/conv1", value.getField(1).getLengthDelimitedList().get(0).toStringUtf8());
        UnknownFieldSet histo = UnknownFieldSet.parseFrom(value.getField(5).getLengthDelimitedList().get(0));
        assertEquals(-2.0, doubleField(histo, 1), "min");
        assertEquals(4.0, doubleField(histo, 2), "max");
        assertEquals(5.0, doubleField(histo, 3), "num (NaN skipped)");
        assertEquals(8.0, doubleField(histo, 4), "sum");
        assertEquals(34.0, doubleField(histo, 5), "sum_squares");

        double[] limits = packedDoubles(histo, 6);
        double[] counts = packedDoubles(histo, 7);
        assertEquals(limits.length, counts.length);
        assertTrue(limits.length > 1);
        for (int i = 1; i < limits.length; i++) {
            assertTrue(limits[i] > limits[i - 1], "limits increase");
        }
        assertEquals(4.0, limits[limits.length - 1]);
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
        }
        assertEquals(5.0, total);
        assertEquals(1.0, counts[0], "the minimum lies in the first bucket");
        assertEquals(1.0, counts[counts.length - 1], "the maximum lies in the last bucket");
    }

    // ---------------------------------------------------------------- corruption

    @Test
    void corruptedDataByteIsDetected() throws IOException {
        Path file = writeThreeScalars();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 0x01; // inside the data of the last record
        IOException e = assertThrows(IOException.class, () -> Reader.readRecords(bytes));
        assertTrue(e.getMessage().contains("data CRC"), e.getMessage());
    }

    @Test
    void corruptedLengthByteIsDetected() throws IOException {
        Path file = writeThreeScalars();
        byte[] bytes = Files.readAllBytes(file);
        int second = 12 + Reader.readRecords(file).get(0).length + 4;
        bytes[second] ^= 0x01; // low byte of the second record's length
        IOException e = assertThrows(IOException.class, () -> Reader.readRecords(bytes));
        assertTrue(e.getMessage().contains("length CRC"), e.getMessage());
    }

    // ---------------------------------------------------------------- flushing

    @Test
    void flushPutsDataOnDiskWithoutClose() throws IOException {
        try (EventFileWriter w = new EventFileWriter(dir, Duration.ofHours(1))) {
            assertEquals(1, Reader.readRecords(w.file()).size(), "header is on disk at once");
            w.scalar("loss", 1, 0.5);
            assertEquals(1, Reader.readRecords(w.file()).size(), "scalar still buffered");
            w.flush();
            List<byte[]> records = Reader.readRecords(w.file());
            assertEquals(2, records.size());
            assertEquals(0.5f, Float.intBitsToFloat(
                    summaryValue(UnknownFieldSet.parseFrom(records.get(1))).getField(2).getFixed32List().get(0)));
        }
    }

    @Test
    void writesFlushThemselvesOnceTheIntervalHasPassed() throws IOException {
        try (EventFileWriter w = new EventFileWriter(dir, Duration.ZERO)) {
            w.scalar("loss", 1, 0.5);
            w.histogram("h", 1, new float[] {1f});
            assertEquals(3, Reader.readRecords(w.file()).size());
        }
    }

    // ---------------------------------------------------------------- threads and lifecycle

    @Test
    void concurrentWritersAndFlusherProduceIntactRecords() throws Exception {
        int threads = 4;
        int perThread = 200;
        Path file;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try (EventFileWriter w = new EventFileWriter(dir, Duration.ofMillis(1))) {
            file = w.file();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String tag = "t" + t;
                jobs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        w.scalar(tag, i, i);
                    }
                    return null;
                }));
            }
            jobs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 100; i++) {
                    w.flush();
                }
                return null;
            }));
            start.countDown();
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
        List<byte[]> records = Reader.readRecords(file);
        assertEquals(1 + threads * perThread, records.size());
        Set<String> seen = new HashSet<>();
        for (byte[] r : records.subList(1, records.size())) {
            UnknownFieldSet event = UnknownFieldSet.parseFrom(r);
            UnknownFieldSet value = summaryValue(event);
            String tag = value.getField(1).getLengthDelimitedList().get(0).toStringUtf8();
            long step = step(event);
            assertEquals((float) step, Float.intBitsToFloat(value.getField(2).getFixed32List().get(0)));
            assertTrue(seen.add(tag + "@" + step), "duplicate " + tag + "@" + step);
        }
    }

    @Test
    void closedWriterRefusesWritesButToleratesFlushAndClose() {
        EventFileWriter w = new EventFileWriter(dir);
        w.close();
        w.close();
        w.flush();
        assertThrows(IllegalStateException.class, () -> w.scalar("loss", 1, 1.0));
    }

    @Test
    void unusableLogDirectoryIsReportedWithItsPath() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new EventFileWriter(notADir.resolve("run")));
        assertTrue(e.getMessage().contains(notADir.toString()), e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private Path writeThreeScalars() {
        try (EventFileWriter w = new EventFileWriter(dir)) {
            w.scalar("a", 1, 1);
            w.scalar("b", 2, 2);
            w.scalar("c", 3, 3);
            return w.file();
        }
    }

    private UnknownFieldSet writeAndReadImage(String tag, long step, BufferedImage img) throws IOException {
        Path file;
        try (EventFileWriter w = new EventFileWriter(dir)) {
            w.image(tag, step, img);
            file = w.file();
        }
        List<byte[]> records = Reader.readRecords(file);
        assertEquals(2, records.size());
        UnknownFieldSet event = UnknownFieldSet.parseFrom(records.get(1));
        assertEquals(step, step(event));
        UnknownFieldSet value = summaryValue(event);
        assertEquals(tag, value.getField(1).getLengthDelimitedList().get(0).toStringUtf8());
        return UnknownFieldSet.parseFrom(value.getField(4).getLengthDelimitedList().get(0));
    }

    private static void assertImage(UnknownFieldSet image, int height, int width, int colorspace) {
        assertEquals(height, image.getField(1).getVarintList().get(0));
        assertEquals(width, image.getField(2).getVarintList().get(0));
        assertEquals(colorspace, image.getField(3).getVarintList().get(0));
    }

    private static BufferedImage decode(UnknownFieldSet image) throws IOException {
        ByteString png = image.getField(4).getLengthDelimitedList().get(0);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertTrue(back != null, "PNG decodes");
        return back;
    }

    private static long step(UnknownFieldSet event) {
        List<Long> steps = event.getField(2).getVarintList();
        return steps.isEmpty() ? 0 : steps.get(0);
    }

    /** Event.summary (5) -> Summary.value (1), which must hold exactly one Value. */
    private static UnknownFieldSet summaryValue(UnknownFieldSet event) throws InvalidProtocolBufferException {
        List<ByteString> summaries = event.getField(5).getLengthDelimitedList();
        assertEquals(1, summaries.size());
        List<ByteString> values = UnknownFieldSet.parseFrom(summaries.get(0)).getField(1).getLengthDelimitedList();
        assertEquals(1, values.size());
        return UnknownFieldSet.parseFrom(values.get(0));
    }

    private static double doubleField(UnknownFieldSet msg, int field) {
        List<Long> bits = msg.getField(field).getFixed64List();
        return bits.isEmpty() ? 0 : Double.longBitsToDouble(bits.get(0));
    }

    private static double[] packedDoubles(UnknownFieldSet msg, int field) {
        List<ByteString> packed = msg.getField(field).getLengthDelimitedList();
        assertEquals(1, packed.size(), "packed field " + field);
        ByteBuffer buf = packed.get(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[buf.remaining() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.getDouble();
        }
        return out;
    }

    /** A TFRecord reader written from the format description, sharing no code with the writer. */
    static final class Reader {
        private static final int[] TABLE = new int[256];

        static {
            for (int n = 0; n < 256; n++) {
                int c = n;
                for (int k = 0; k < 8; k++) {
                    c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
                }
                TABLE[n] = c;
            }
        }

        static int crc32c(byte[] b, int off, int len) {
            int c = 0xFFFFFFFF;
            for (int i = off; i < off + len; i++) {
                c = TABLE[(c ^ b[i]) & 0xFF] ^ (c >>> 8);
            }
            return ~c;
        }

        static int masked(byte[] b, int off, int len) {
            int c = crc32c(b, off, len);
            return Integer.rotateRight(c, 15) + 0xA282EAD8;
        }

        static List<byte[]> readRecords(Path file) throws IOException {
            return readRecords(Files.readAllBytes(file));
        }

        static List<byte[]> readRecords(byte[] bytes) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            List<byte[]> records = new ArrayList<>();
            while (buf.hasRemaining()) {
                int n = records.size();
                int start = buf.position();
                if (buf.remaining() < 12) {
                    throw new IOException("truncated header in record " + n);
                }
                long length = buf.getLong();
                if (buf.getInt() != masked(bytes, start, 8)) {
                    throw new IOException("length CRC mismatch in record " + n);
                }
                if (length < 0 || length > buf.remaining() - 4) {
                    throw new IOException("truncated data in record " + n);
                }
                byte[] data = new byte[(int) length];
                buf.get(data);
                if (buf.getInt() != masked(data, 0, data.length)) {
                    throw new IOException("data CRC mismatch in record " + n);
                }
                records.add(data);
            }
            return records;
        }
    }
}
