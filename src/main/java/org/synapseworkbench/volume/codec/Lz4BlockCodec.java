package org.synapseworkbench.volume.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import net.jpountz.lz4.LZ4BlockInputStream;
import net.jpountz.lz4.LZ4BlockOutputStream;

/** LZ4 as N5 stores it: lz4-java's block stream ("LZ4Block" frames with a checksum each). */
public final class Lz4BlockCodec implements Codec {
    private final int blockSize;

    /** @param blockSize the stream's block size (N5's default 65536) */
    public Lz4BlockCodec(int blockSize) {
        this.blockSize = Math.max(64, blockSize);
    }

    @Override
    public byte[] decode(byte[] stored, int expected) {
        try (LZ4BlockInputStream in = new LZ4BlockInputStream(new ByteArrayInputStream(stored))) {
            byte[] raw = expected >= 0 ? in.readNBytes(expected) : in.readAllBytes();
            return CodecException.checked(raw, expected, describe());
        } catch (IOException | RuntimeException e) {
            throw new CodecException(describe() + " data is damaged or cut short (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public byte[] encode(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 2 + 64);
        try (LZ4BlockOutputStream out = new LZ4BlockOutputStream(bytes, blockSize)) {
            out.write(raw);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // into memory: does not happen
        }
        return bytes.toByteArray();
    }

    @Override
    public String describe() {
        return "lz4";
    }
}
