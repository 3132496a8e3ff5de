package org.synapseworkbench.volume.codec;

/**
 * How a format stores the bytes of a chunk (a compressor, or none): raw bytes to stored bytes and back. Implementations
 * keep no state between calls and may be used from several threads at once.
 */
public interface Codec {
    /**
     * The raw bytes of a stored chunk; {@code expected} is their number when the format knows it (-1 when not).
     *
     * @throws CodecException when the stored bytes are not what this codec writes (a damaged or cut chunk)
     */
    byte[] decode(byte[] stored, int expected);

    /**
     * Reads a stored chunk from its file and decodes it ({@link java.nio.file.NoSuchFileException} when there is none);
     * a codec that can read the raw bytes straight from the file (uncompressed Blosc) saves a copy.
     */
    default byte[] read(java.nio.file.Path file, int expected) throws java.io.IOException {
        return decode(java.nio.file.Files.readAllBytes(file), expected);
    }

    /** The stored bytes of raw bytes. */
    byte[] encode(byte[] raw);

    /** The codec as messages name it, e.g. {@code zstd (level 3)}. */
    String describe();
}
