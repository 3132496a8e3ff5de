package org.synapseworkbench.tensorboard;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Writes TFRecord framing around opaque records. Each record is
 * {@code uint64 length | uint32 masked_crc32c(length bytes) | data | uint32 masked_crc32c(data)},
 * all integers little-endian. Not thread-safe; the caller serialises access.
 */
public final class TfRecordWriter implements Closeable, Flushable {
    private static final int MASK_DELTA = 0xa282ead8;

    private final OutputStream out;
    private final byte[] header = new byte[12];
    private final byte[] footer = new byte[4];

    public TfRecordWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes one framed record holding all of {@code data}. */
    public void write(byte[] data) throws IOException {
        write(data, 0, data.length);
    }

    /** Writes one framed record holding {@code data[offset, offset + length)}. */
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        putLongLE(header, 0, length);
        putIntLE(header, 8, maskedCrc32c(header, 0, 8));
        putIntLE(footer, 0, maskedCrc32c(data, offset, length));
        out.write(header);
        out.write(data, offset, length);
        out.write(footer);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** CRC32C (Castagnoli) of the bytes, rotated right by 15 bits and offset as TensorFlow does. */
    public static int maskedCrc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }

    private static void putLongLE(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void putIntLE(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
