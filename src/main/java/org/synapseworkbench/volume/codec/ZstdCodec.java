package org.synapseworkbench.volume.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

/** Zstandard frames (zstd-jni), as numcodecs' Zstd and Zarr v3's zstd codec store them. */
public final class ZstdCodec implements Codec {
    private final int level;

    public ZstdCodec(int level) {
        this.level = level;
    }

    @Override
    public byte[] decode(byte[] stored, int expected) {
        try {
            long size = expected >= 0 ? expected : Zstd.getFrameContentSize(stored);
            if (size < 0 || size > Integer.MAX_VALUE - 16) {
                // no size in the frame header (a streamed frame): let the stream decoder find it
                try (var in = new com.github.luben.zstd.ZstdInputStream(new java.io.ByteArrayInputStream(stored))) {
                    return in.readAllBytes();
                }
            }
            byte[] raw = Zstd.decompress(stored, (int) size);
            return CodecException.checked(raw, expected, describe());
        } catch (ZstdException | java.io.IOException e) {
            throw new CodecException(describe() + " data is damaged or cut short (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public byte[] encode(byte[] raw) {
        return Zstd.compress(raw, level);
    }

    @Override
    public String describe() {
        return "zstd (level " + level + ")";
    }
}
