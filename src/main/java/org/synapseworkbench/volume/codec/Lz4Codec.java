package org.synapseworkbench.volume.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;

/**
 * LZ4 blocks (lz4-java) as numcodecs' LZ4 stores them: the raw size as 4 bytes, little-endian, then one LZ4 block.
 */
public final class Lz4Codec implements Codec {
    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    @Override
    public byte[] decode(byte[] stored, int expected) {
        if (stored.length < 4) {
            throw new CodecException(describe() + " data is cut short: " + stored.length + " bytes, no size header");
        }
        int size = ByteBuffer.wrap(stored, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (size < 0 || expected >= 0 && size != expected) {
            throw new CodecException(describe() + " data says it holds " + size + " bytes where " + expected + " were expected");
        }
        try {
            byte[] raw = new byte[size];
            LZ4.safeDecompressor().decompress(stored, 4, stored.length - 4, raw, 0);
            return raw;
        } catch (LZ4Exception e) {
            throw new CodecException(describe() + " data is damaged or cut short (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public byte[] encode(byte[] raw) {
        var compressor = LZ4.fastCompressor(); // numcodecs' acceleration 1
        int max = compressor.maxCompressedLength(raw.length);
        byte[] out = new byte[4 + max];
        ByteBuffer.wrap(out, 0, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(raw.length);
        int n = compressor.compress(raw, 0, raw.length, out, 4, max);
        return java.util.Arrays.copyOf(out, 4 + n);
    }

    @Override
    public String describe() {
        return "lz4";
    }
}
