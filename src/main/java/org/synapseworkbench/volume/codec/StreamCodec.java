package org.synapseworkbench.volume.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * The codecs that are a compressed stream: gzip and zlib (java.util.zip), bzip2 (commons-compress) and xz (XZ for
 * Java), at a level.
 */
public final class StreamCodec implements Codec {
    /** A stream format. */
    public enum Kind {
        GZIP, ZLIB, BZIP2, XZ
    }

    private final Kind kind;
    private final int level;

    /** {@code level}: gzip and zlib 0 to 9, bzip2 1 to 9, xz 0 to 9 (values outside are clamped). */
    public StreamCodec(Kind kind, int level) {
        this.kind = kind;
        this.level = switch (kind) {
            case GZIP, ZLIB, XZ -> Math.max(0, Math.min(9, level));
            case BZIP2 -> Math.max(1, Math.min(9, level));
        };
    }

    @Override
    public byte[] decode(byte[] stored, int expected) {
        try (InputStream in = input(new ByteArrayInputStream(stored))) {
            byte[] raw = expected >= 0 ? readExactly(in, expected) : in.readAllBytes();
            return CodecException.checked(raw, expected, describe());
        } catch (IOException | RuntimeException e) {
            throw new CodecException(describe() + " data is damaged or cut short (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] out = in.readNBytes(n);
        if (out.length != n) {
            throw new IOException("it holds " + out.length + " of " + n + " bytes");
        }
        if (in.read() >= 0) {
            throw new IOException("it holds more than " + n + " bytes");
        }
        return out;
    }

    private InputStream input(InputStream in) throws IOException {
        return switch (kind) {
            case GZIP -> new GZIPInputStream(in, 1 << 16);
            case ZLIB -> new InflaterInputStream(in, new java.util.zip.Inflater(), 1 << 16);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case XZ -> new XZInputStream(in);
        };
    }

    @Override
    public byte[] encode(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 2 + 64);
        try (OutputStream out = output(bytes)) {
            out.write(raw);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // into memory: does not happen
        }
        return bytes.toByteArray();
    }

    private OutputStream output(OutputStream out) throws IOException {
        return switch (kind) {
            case GZIP -> new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(level);
                }
            };
            case ZLIB -> new DeflaterOutputStream(out, new java.util.zip.Deflater(level), 1 << 16, false);
            case BZIP2 -> new BZip2CompressorOutputStream(out, level);
            case XZ -> new XZOutputStream(out, new LZMA2Options(level));
        };
    }

    @Override
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " (level " + level + ")";
    }
}
