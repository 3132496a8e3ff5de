package org.synapseworkbench.volume.codec;

import java.util.Arrays;
import java.util.zip.CRC32C;

/** Zarr v3's {@code crc32c} codec: the bytes followed by their CRC-32C (4 bytes, little-endian), checked when read. */
public final class Crc32cCodec implements Codec {
    @Override
    public byte[] decode(byte[] stored, int expected) {
        if (stored.length < 4) {
            throw new CodecException("a crc32c-checked chunk of " + stored.length + " bytes is too short for its checksum");
        }
        int n = stored.length - 4;
        int want = (stored[n] & 0xff) | (stored[n + 1] & 0xff) << 8 | (stored[n + 2] & 0xff) << 16 | (stored[n + 3] & 0xff) << 24;
        if (checksum(stored, n) != want) {
            throw new CodecException("its crc32c checksum does not match its bytes (the chunk is damaged)");
        }
        return CodecException.checked(Arrays.copyOf(stored, n), expected, "crc32c");
    }

    @Override
    public byte[] encode(byte[] raw) {
        byte[] out = Arrays.copyOf(raw, raw.length + 4);
        int c = checksum(raw, raw.length);
        for (int b = 0; b < 4; b++) {
            out[raw.length + b] = (byte) (c >>> 8 * b);
        }
        return out;
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    @Override
    public String describe() {
        return "crc32c";
    }
}
