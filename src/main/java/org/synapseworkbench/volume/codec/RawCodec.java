package org.synapseworkbench.volume.codec;

/** Chunks stored as they are. */
public final class RawCodec implements Codec {
    @Override
    public byte[] decode(byte[] stored, int expected) {
        if (expected >= 0 && stored.length != expected) {
            throw new CodecException("an uncompressed chunk holds " + stored.length + " bytes where " + expected
                    + " were expected" + (stored.length < expected ? " (cut short)" : ""));
        }
        return stored;
    }

    @Override
    public byte[] encode(byte[] raw) {
        return raw;
    }

    @Override
    public String describe() {
        return "uncompressed";
    }
}
