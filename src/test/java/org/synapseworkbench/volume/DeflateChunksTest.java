package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

class DeflateChunksTest {
    @Test
    void unshuffleGathersEachElementsBytesAndKeepsTheRest() {
        // two 4-byte elements a0..a3, b0..b3, shuffled to a0 b0 a1 b1 a2 b2 a3 b3, then one byte left over
        byte[] shuffled = {10, 20, 11, 21, 12, 22, 13, 23, 99};
        assertArrayEquals(new byte[] {10, 11, 12, 13, 20, 21, 22, 23, 99}, DeflateChunks.unshuffle(shuffled, 4));
        // two 8-byte elements, the second all zero bytes but its last (-1: the sign bit of a long), and two left over
        byte[] eight = {1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, -1, 42, 43};
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0, -1, 42, 43}, DeflateChunks.unshuffle(eight, 8));
        // three 2-byte elements, byte by byte
        assertArrayEquals(new byte[] {1, 4, 2, 5, 3, 6}, DeflateChunks.unshuffle(new byte[] {1, 2, 3, 4, 5, 6}, 2));
    }

    @Test
    void eightByteElementsComeBackWhateverBytesAreZero() {
        // ids under 256, under 65,536, all zero and full 64-bit values: each shuffled as HDF5 does, then undone
        long[][] cases = {{0, 5, 0, 255, 7}, {0, 300, 65535, 2, 0}, {0, 0, 0, 0, 0}, {-1L, 1L << 40, 0, 42, Long.MIN_VALUE}};
        for (long[] values : cases) {
            int n = values.length;
            byte[] shuffled = new byte[n * 8];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 8; k++) {
                    shuffled[k * n + i] = (byte) (values[i] >>> (8 * k));
                }
            }
            java.nio.ByteBuffer out = java.nio.ByteBuffer.wrap(DeflateChunks.unshuffle(shuffled, 8))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                assertEquals(values[i], out.getLong(i * 8), java.util.Arrays.toString(values) + " element " + i);
            }
        }
    }

    @Test
    void decodesAZlibStreamOfTheExactLengthAndNothingElse() throws Exception {
        byte[] plain = new byte[1000];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (i * 7 % 13);
        }
        Deflater d = new Deflater(4);
        d.setInput(plain);
        d.finish();
        byte[] packed = new byte[2000];
        int n = d.deflate(packed);
        DeflateChunks plainDeflate = DeflateChunks.forPipeline(List.of());
        assertNull(plainDeflate, "no filters: jhdf reads the bytes as stored");
        DeflateChunks deflate = new DeflateChunks(0);
        assertArrayEquals(plain, deflate.decode(ByteBuffer.wrap(packed, 0, n), plain.length));
        assertNull(deflate.decode(ByteBuffer.wrap(packed, 0, n), plain.length + 1), "a chunk shorter than expected");
        assertNull(deflate.decode(ByteBuffer.wrap(packed, 0, n / 2), plain.length), "a truncated stream");
        assertNull(deflate.decode(ByteBuffer.wrap(Arrays.copyOf(plain, 100)), 100), "bytes that are not zlib");
    }
}
