package org.synapseworkbench.volume;

import java.nio.ByteBuffer;

/**
 * The last few decoded chunks whose stored bytes were small, by their stored bytes: label volumes are mostly chunks of
 * background, which compress to the same few hundred bytes, so a chunk stored like one decoded before is that chunk
 * again, without inflating and unshuffling its megabyte. The blocks given out are shared: readers only copy from them.
 */
final class RepeatedChunks {
    /** Only chunks stored in at most 1/64 of their decoded size are kept: repeats are chunks of one value. */
    private static final int RATIO = 64;
    private final byte[][] stored = new byte[4][];
    private final Block[] decoded = new Block[4];
    private int next;

    /** The block decoded before from the same stored bytes, or null. */
    synchronized Block find(ByteBuffer bytes, long decodedBytes) {
        if ((long) bytes.remaining() * RATIO > decodedBytes) {
            return null;
        }
        for (int i = 0; i < stored.length; i++) {
            if (stored[i] != null && stored[i].length == bytes.remaining() && ByteBuffer.wrap(stored[i]).equals(bytes)) {
                return decoded[i];
            }
        }
        return null;
    }

    /** Keeps {@code block} as the decoding of {@code bytes} when they are small enough to be a repeat. */
    synchronized void remember(ByteBuffer bytes, Block block, long decodedBytes) {
        if ((long) bytes.remaining() * RATIO > decodedBytes) {
            return;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        stored[next] = copy;
        decoded[next] = block;
        next = (next + 1) % stored.length;
    }
}
