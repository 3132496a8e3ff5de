package org.synapseworkbench.volume.codec;

/** Stored bytes that a codec cannot decode: a chunk damaged, cut short, or written by another codec. */
public final class CodecException extends RuntimeException {
    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Checks that a decoded chunk has the size the format promised. */
    static byte[] checked(byte[] raw, int expected, String codec) {
        if (expected >= 0 && raw.length != expected) {
            throw new CodecException(codec + " gave " + raw.length + " bytes where " + expected + " were expected");
        }
        return raw;
    }
}
