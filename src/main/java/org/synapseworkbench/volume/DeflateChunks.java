package org.synapseworkbench.volume;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.jhdf.filter.PipelineFilterWithData;

/**
 * Decodes HDF5 chunks stored with deflate, after a byte shuffle or not (h5py's and our writer's gzip): one inflate
 * with a reused {@link Inflater} straight into the chunk's bytes, then one pass that undoes the shuffle. On a
 * 1250 x 1250 section of 8 x 128 x 128 chunks that takes 0.4 to 0.7 times as long as jhdf's filter pipeline (uint8
 * and uint64 alike), which was most of the time to draw a section not yet cached. Other pipelines are left to jhdf.
 */
final class DeflateChunks {
    private static final int DEFLATE = 1;
    private static final int SHUFFLE = 2;
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);
    /** Bytes per element of the shuffle, or 0 without one. */
    private final int shuffle;

    /** A decoder for deflated chunks, shuffled in elements of {@code shuffle} bytes (0 or 1: not shuffled). */
    DeflateChunks(int shuffle) {
        this.shuffle = shuffle;
    }

    /** The decoder for a dataset's filters, or null unless they are [deflate] or [shuffle, deflate]. */
    static DeflateChunks forPipeline(List<PipelineFilterWithData> filters) {
        if (filters.size() == 1 && filters.get(0).getId() == DEFLATE) {
            return new DeflateChunks(0);
        }
        if (filters.size() == 2 && filters.get(0).getId() == SHUFFLE && filters.get(1).getId() == DEFLATE) {
            int[] data = filters.get(0).getFilterData();
            return new DeflateChunks(data != null && data.length > 0 && data[0] > 1 ? data[0] : 0);
        }
        return null;
    }

    /**
     * The {@code bytes} bytes of a chunk from its stored form, or null when that is not a zlib stream of exactly
     * that length (so that jhdf, which knows more cases, can try).
     */
    byte[] decode(ByteBuffer stored, int bytes) {
        byte[] plain = new byte[bytes];
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setInput(stored);
        try {
            int n = 0;
            while (n < bytes && !inflater.finished()) {
                int got = inflater.inflate(plain, n, bytes - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                n += got;
            }
            if (n != bytes || !inflater.finished()) {
                return null;
            }
        } catch (DataFormatException e) {
            return null;
        }
        return shuffle > 1 ? unshuffle(plain, shuffle) : plain;
    }

    private static final java.lang.invoke.VarHandle LONG_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle INT_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Undoes HDF5's shuffle: byte k of every element comes k-th, each such run of bytes after the other. Elements of
     * 8 and 4 bytes are put together from their byte runs and written one whole element at a time, in order: the
     * byte-by-byte pass wrote with a stride of the element size and took most of the time of reading uint64 labels.
     * 8-byte elements whose upper six bytes are all 0 (label ids under 65,536) take only their low bytes' runs.
     */
    static byte[] unshuffle(byte[] in, int size) {
        int n = in.length / size;
        byte[] out = new byte[in.length];
        int planes = size == 8 ? nonZeroPlanes(in, n, size) : size;
        if (size == 8 && planes <= 2) { // small ids, as in label volumes: only the low bytes, where they are not 0
            for (int k = 0; k < planes; k++) {
                for (int i = 0, from = k * n; i < n; i++) {
                    byte b = in[from + i];
                    if (b != 0) {
                        out[i * 8 + k] = b;
                    }
                }
            }
        } else if (size == 8) {
            for (int i = 0; i < n; i++) {
                long v = (in[i] & 0xFFL) | (in[n + i] & 0xFFL) << 8 | (in[2 * n + i] & 0xFFL) << 16
                        | (in[3 * n + i] & 0xFFL) << 24 | (in[4 * n + i] & 0xFFL) << 32 | (in[5 * n + i] & 0xFFL) << 40
                        | (in[6 * n + i] & 0xFFL) << 48 | (in[7 * n + i] & 0xFFL) << 56;
                if (v != 0) {
                    LONG_LE.set(out, i * 8, v);
                }
            }
        } else if (size == 4) {
            for (int i = 0; i < n; i++) {
                INT_LE.set(out, i * 4, (in[i] & 0xFF) | (in[n + i] & 0xFF) << 8 | (in[2 * n + i] & 0xFF) << 16
                        | (in[3 * n + i] & 0xFF) << 24);
            }
        } else {
            scatter(in, out, size, n);
        }
        int rest = n * size;
        System.arraycopy(in, rest, out, rest, in.length - rest);
        return out;
    }

    private static final byte[] ZEROS = new byte[1 << 16];

    /** One more than the last byte run (of {@code n} bytes each) with a byte other than 0; 0 when all are 0. */
    private static int nonZeroPlanes(byte[] in, int n, int size) {
        for (int k = size - 1; k >= 0; k--) {
            for (int from = k * n, end = from + n; from < end; from += ZEROS.length) {
                int len = Math.min(ZEROS.length, end - from);
                if (java.util.Arrays.mismatch(in, from, from + len, ZEROS, 0, len) >= 0) {
                    return k + 1;
                }
            }
        }
        return 0;
    }

    private static void scatter(byte[] in, byte[] out, int size, int n) {
        for (int k = 0; k < size; k++) {
            int from = k * n;
            for (int i = 0; i < n; i++) {
                out[i * size + k] = in[from + i];
            }
        }
    }
}
