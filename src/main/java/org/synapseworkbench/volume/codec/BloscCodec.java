package org.synapseworkbench.volume.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Blosc 1 chunks (format versions 1 and 2, as zarr-python 2's default compressor and Zarr v3's blosc codec store them),
 * decoded in Java: no Blosc decoder is on Maven Central. After a 16-byte header (version, compressor version, flags,
 * type size, raw size, block size, stored size; little-endian) come the blocks' starts and then each block, split into
 * one stream per byte of the type when it was compressed that way; each stream is stored as it is or compressed by
 * blosclz, lz4, zlib or zstd; then the block is unshuffled (bytes or bits). Written from C-Blosc's
 * README_CHUNK_FORMAT.rst and its decoder (blosc.c, blosclz.c, shuffle and bitshuffle). Encoding writes one block,
 * shuffled as asked, not split, compressed by lz4, zstd or zlib (blosclz and snappy are read, not written: lz4 then).
 */
public final class BloscCodec implements Codec {
    /** The compressors inside Blosc, by their number in the header's flags (bits 5 to 7). */
    public enum Compressor {
        BLOSCLZ, LZ4, SNAPPY, ZLIB, ZSTD;

        /** numcodecs' names: blosclz, lz4, lz4hc, snappy, zlib, zstd. */
        public static Compressor named(String cname) {
            return switch (cname.toLowerCase(Locale.ROOT)) {
                case "blosclz" -> BLOSCLZ;
                case "lz4", "lz4hc" -> LZ4;
                case "snappy" -> SNAPPY;
                case "zlib" -> ZLIB;
                case "zstd" -> ZSTD;
                default -> throw new CodecException("Blosc's compressor '" + cname + "' is not one of blosclz, lz4, lz4hc, "
                        + "snappy, zlib, zstd");
            };
        }
    }

    /** The shuffle before compression: none, of bytes, of bits. */
    public enum Shuffle {
        NONE, BYTE, BIT
    }

    private static final int HEADER = 16;
    private static final int MEMCPYED = 0x02;
    private static final int DONT_SPLIT = 0x10;
    private static final int MAX_SPLITS = 16;
    private static final int MIN_BUFFERSIZE = 128;
    private static final int MAX_DISTANCE = 8191;

    private final Compressor compressor;
    private final int level;
    private final Shuffle shuffle;
    private final int typeSize;

    /**
     * @param compressor used to encode (any is decoded)
     * @param level 1 to 9 (0: stored uncompressed)
     * @param typeSize the bytes of one element, for the shuffle
     */
    public BloscCodec(Compressor compressor, int level, Shuffle shuffle, int typeSize) {
        if (compressor == Compressor.SNAPPY || compressor == Compressor.BLOSCLZ) {
            // decoded, not written: snappy is not on Central, blosclz's encoder is not ported
            compressor = Compressor.LZ4;
        }
        this.compressor = compressor;
        this.level = Math.max(0, Math.min(9, level));
        this.shuffle = shuffle;
        this.typeSize = Math.max(1, Math.min(255, typeSize));
    }

    @Override
    public String describe() {
        return "blosc (" + compressor.name().toLowerCase(Locale.ROOT) + ", level " + level + ", "
                + shuffle.name().toLowerCase(Locale.ROOT) + " shuffle)";
    }

    @Override
    public byte[] decode(byte[] stored, int expected) {
        if (stored.length < HEADER) {
            throw new CodecException("a Blosc chunk is cut short: " + stored.length + " bytes, less than its 16-byte header");
        }
        ByteBuffer h = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN);
        int version = stored[0] & 0xFF;
        int flags = stored[2] & 0xFF;
        int typesize = stored[3] & 0xFF;
        int nbytes = h.getInt(4);
        int blocksize = h.getInt(8);
        int cbytes = h.getInt(12);
        if (version < 1 || version > 2) {
            throw new CodecException("a Blosc chunk of format version " + version + " (this reads Blosc 1, versions 1 and 2)");
        }
        if (nbytes < 0 || cbytes < HEADER || cbytes > stored.length || expected >= 0 && nbytes != expected) {
            throw new CodecException("a Blosc chunk's header is damaged or the chunk is cut short (raw " + nbytes
                    + " bytes, stored " + cbytes + " of " + stored.length + (expected >= 0 ? ", " + expected + " expected" : "") + ")");
        }
        byte[] out = new byte[nbytes];
        if ((flags & MEMCPYED) != 0) {
            if (HEADER + nbytes > cbytes) {
                throw new CodecException("an uncompressed Blosc chunk is cut short");
            }
            System.arraycopy(stored, HEADER, out, 0, nbytes);
            return out;
        }
        if (nbytes == 0) {
            return out;
        }
        if (blocksize <= 0 || typesize == 0) {
            throw new CodecException("a Blosc chunk's header is damaged (block size " + blocksize + ", type size " + typesize + ")");
        }
        int nblocks = (int) (((long) nbytes + blocksize - 1) / blocksize);
        int leftover = nbytes % blocksize;
        if (HEADER + 4L * nblocks > cbytes) {
            throw new CodecException("a Blosc chunk is cut short before its block table");
        }
        Compressor packedWith = compressorOf(flags);
        byte[] tmp = new byte[blocksize];
        for (int j = 0; j < nblocks; j++) {
            boolean leftoverBlock = j == nblocks - 1 && leftover > 0;
            int bsize = leftoverBlock ? leftover : blocksize;
            int start = h.getInt(HEADER + 4 * j);
            decodeBlock(stored, cbytes, start, flags, typesize, bsize, leftoverBlock, packedWith, tmp, out, j * blocksize);
        }
        return out;
    }

    /** An uncompressed chunk (as Blosc stores what does not compress) is read past its header straight into the result. */
    @Override
    public byte[] read(java.nio.file.Path file, int expected) throws java.io.IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new CodecException("a Blosc chunk of " + size + " bytes is larger than Blosc 1 writes");
            }
            if (size >= HEADER) {
                ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, h, 0);
                int version = h.get(0) & 0xFF;
                int flags = h.get(2) & 0xFF;
                int nbytes = h.getInt(4);
                if (version >= 1 && version <= 2 && (flags & MEMCPYED) != 0 && nbytes >= 0 && (expected < 0 || nbytes == expected)
                        && h.getInt(12) == HEADER + nbytes && size >= HEADER + (long) nbytes) {
                    byte[] out = new byte[nbytes];
                    readFully(ch, ByteBuffer.wrap(out), HEADER);
                    return out;
                }
            }
            byte[] stored = new byte[(int) size];
            readFully(ch, ByteBuffer.wrap(stored), 0);
            return decode(stored, expected);
        }
    }

    private static void readFully(java.nio.channels.FileChannel ch, ByteBuffer into, long at) throws java.io.IOException {
        while (into.hasRemaining()) {
            if (ch.read(into, at + into.position()) < 0) {
                throw new CodecException("a Blosc chunk ends before its header says");
            }
        }
    }

    private static Compressor compressorOf(int flags) {
        int code = (flags & 0xE0) >> 5;
        if (code >= Compressor.values().length) {
            throw new CodecException("a Blosc chunk names compressor " + code + ", which Blosc 1 does not have");
        }
        return Compressor.values()[code];
    }

    /** One block: its streams into {@code tmp} (or straight into the output when not shuffled), then unshuffled. */
    private static void decodeBlock(byte[] src, int cbytes, int offset, int flags, int typesize, int bsize,
            boolean leftoverBlock, Compressor packedWith, byte[] tmp, byte[] out, int at) {
        boolean byteShuffled = (flags & 0x01) != 0 && typesize > 1;
        boolean bitShuffled = (flags & 0x04) != 0 && bsize >= typesize;
        boolean split = (flags & DONT_SPLIT) == 0 && typesize <= MAX_SPLITS && bsize / typesize >= MIN_BUFFERSIZE
                && !leftoverBlock;
        int nsplits = split ? typesize : 1;
        int neblock = bsize / nsplits;
        byte[] dest = byteShuffled || bitShuffled ? tmp : out;
        int d = byteShuffled || bitShuffled ? 0 : at;
        for (int s = 0; s < nsplits; s++) {
            if (offset < 0 || offset > cbytes - 4) {
                throw new CodecException("a Blosc chunk is damaged: a block starts outside it");
            }
            int csize = ByteBuffer.wrap(src, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            offset += 4;
            if (csize < 0 || csize > cbytes - offset) {
                throw new CodecException("a Blosc chunk is damaged or cut short: a stream of " + csize + " bytes at " + offset);
            }
            if (csize == neblock) {
                System.arraycopy(src, offset, dest, d, neblock);
            } else {
                int n = inflate(packedWith, src, offset, csize, dest, d, neblock);
                if (n != neblock) {
                    throw new CodecException("a Blosc chunk is damaged: a " + packedWith.name().toLowerCase(Locale.ROOT)
                            + " stream gave " + n + " of " + neblock + " bytes");
                }
            }
            offset += csize;
            d += neblock;
        }
        if (byteShuffled) {
            unshuffle(typesize, bsize, tmp, out, at);
        } else if (bitShuffled) {
            bitUnshuffle(typesize, bsize, tmp, out, at);
        }
    }

    private static int inflate(Compressor c, byte[] src, int from, int length, byte[] dest, int at, int size) {
        switch (c) {
            case BLOSCLZ:
                return blosclz(src, from, length, dest, at, size);
            case LZ4:
                try {
                    return net.jpountz.lz4.LZ4Factory.fastestInstance().safeDecompressor()
                            .decompress(src, from, length, dest, at, size);
                } catch (net.jpountz.lz4.LZ4Exception e) {
                    throw new CodecException("a Blosc chunk's lz4 stream is damaged (" + e.getMessage() + ")", e);
                }
            case ZLIB:
                java.util.zip.Inflater inflater = new java.util.zip.Inflater();
                try {
                    inflater.setInput(src, from, length);
                    int n = 0;
                    while (n < size && !inflater.finished()) {
                        int got = inflater.inflate(dest, at + n, size - n);
                        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                            break;
                        }
                        n += got;
                    }
                    return n;
                } catch (java.util.zip.DataFormatException e) {
                    throw new CodecException("a Blosc chunk's zlib stream is damaged (" + e.getMessage() + ")", e);
                } finally {
                    inflater.end();
                }
            case ZSTD:
                try {
                    return (int) com.github.luben.zstd.Zstd.decompressByteArray(dest, at, size, src, from, length);
                } catch (com.github.luben.zstd.ZstdException e) {
                    throw new CodecException("a Blosc chunk's zstd stream is damaged (" + e.getMessage() + ")", e);
                }
            default:
                throw new CodecException("a Blosc chunk compressed with snappy, which this program does not read; "
                        + "write it again with lz4, zstd or zlib inside Blosc");
        }
    }

    /** blosclz, a FastLZ variant: literal runs and matches up to 8191 (or, after a marker, 65535 + 8191) bytes back. */
    static int blosclz(byte[] src, int from, int length, byte[] dest, int at, int maxout) {
        if (length == 0) {
            return 0;
        }
        int ip = from;
        int limit = from + length;
        int op = at;
        int opLimit = at + maxout;
        int ctrl = src[ip++] & 31;
        while (true) {
            if (ctrl >= 32) {
                int len = (ctrl >> 5) - 1;
                int ofs = (ctrl & 31) << 8;
                if (len == 6) {
                    int code;
                    do {
                        if (ip + 1 >= limit) {
                            return -1;
                        }
                        code = src[ip++] & 0xFF;
                        len += code;
                    } while (code == 255);
                } else if (ip + 1 >= limit) {
                    return -1;
                }
                int code = src[ip++] & 0xFF;
                len += 3;
                int ref = op - ofs - code;
                if (code == 255 && ofs == (31 << 8)) {
                    if (ip + 1 >= limit) {
                        return -1;
                    }
                    ofs = (src[ip++] & 0xFF) << 8;
                    ofs += src[ip++] & 0xFF;
                    ref = op - ofs - MAX_DISTANCE;
                }
                if (op + len > opLimit || ref - 1 < at) {
                    return -1;
                }
                boolean end = ip >= limit;
                ctrl = end ? 0 : src[ip++] & 0xFF;
                ref--;
                for (int k = 0; k < len; k++) { // forward, byte by byte: overlapping runs repeat as they should
                    dest[op++] = dest[ref++];
                }
                if (end) {
                    break;
                }
            } else {
                ctrl++;
                if (op + ctrl > opLimit || ip + ctrl > limit) {
                    return -1;
                }
                System.arraycopy(src, ip, dest, op, ctrl);
                op += ctrl;
                ip += ctrl;
                if (ip >= limit) {
                    break;
                }
                ctrl = src[ip++] & 0xFF;
            }
        }
        return op - at;
    }

    /** Byte shuffle undone: byte j of element i was at {@code j * elements + i}; leftover bytes were not shuffled. */
    static void unshuffle(int typesize, int bsize, byte[] src, byte[] out, int at) {
        int elements = bsize / typesize;
        for (int i = 0; i < elements; i++) {
            for (int j = 0; j < typesize; j++) {
                out[at + i * typesize + j] = src[j * elements + i];
            }
        }
        int rem = bsize % typesize;
        System.arraycopy(src, bsize - rem, out, at + bsize - rem, rem);
    }

    /**
     * Bit shuffle undone (bitshuffle's layout): bit k of byte j of element i was bit {@code i % 8} of byte
     * {@code (8 j + k) * elements / 8 + i / 8}. Only whole groups of 8 elements are shuffled; otherwise, and for the
     * bytes after them, the block was copied.
     */
    static void bitUnshuffle(int typesize, int bsize, byte[] src, byte[] out, int at) {
        int elements = bsize / typesize;
        if (elements % 8 != 0) {
            System.arraycopy(src, 0, out, at, bsize);
            return;
        }
        int row = elements / 8;
        java.util.Arrays.fill(out, at, at + elements * typesize, (byte) 0);
        for (int j = 0; j < typesize; j++) {
            for (int k = 0; k < 8; k++) {
                int base = (8 * j + k) * row;
                for (int b = 0; b < row; b++) {
                    int bits = src[base + b] & 0xFF;
                    if (bits == 0) {
                        continue;
                    }
                    for (int m = 0; m < 8; m++) {
                        if ((bits >> m & 1) != 0) {
                            int i = 8 * b + m;
                            out[at + i * typesize + j] |= (byte) (1 << k);
                        }
                    }
                }
            }
        }
        int done = elements * typesize;
        System.arraycopy(src, done, out, at + done, bsize - done);
    }

    /** The bit shuffle of {@link #bitUnshuffle}, forward. */
    static byte[] bitShuffled(int typesize, byte[] raw) {
        int elements = raw.length / typesize;
        if (elements % 8 != 0) {
            return raw.clone();
        }
        byte[] out = new byte[raw.length];
        int row = elements / 8;
        for (int i = 0; i < elements; i++) {
            for (int j = 0; j < typesize; j++) {
                int v = raw[i * typesize + j] & 0xFF;
                for (int k = 0; k < 8; k++) {
                    if ((v >> k & 1) != 0) {
                        out[(8 * j + k) * row + i / 8] |= (byte) (1 << (i % 8));
                    }
                }
            }
        }
        int done = elements * typesize;
        System.arraycopy(raw, done, out, done, raw.length - done);
        return out;
    }

    @Override
    public byte[] encode(byte[] raw) {
        int n = raw.length;
        boolean byteShuffle = shuffle == Shuffle.BYTE && typeSize > 1;
        boolean bitShuffle = shuffle == Shuffle.BIT && n >= typeSize;
        byte[] block = raw;
        if (byteShuffle) {
            block = new byte[n];
            int elements = n / typeSize;
            for (int i = 0; i < elements; i++) {
                for (int j = 0; j < typeSize; j++) {
                    block[j * elements + i] = raw[i * typeSize + j];
                }
            }
            System.arraycopy(raw, elements * typeSize, block, elements * typeSize, n - elements * typeSize);
        } else if (bitShuffle) {
            block = bitShuffled(typeSize, raw);
        }
        byte[] packed = level == 0 || n == 0 ? null : deflate(block);
        int flags = DONT_SPLIT | (byteShuffle ? 0x01 : 0) | (bitShuffle ? 0x04 : 0) | compressor.ordinal() << 5;
        ByteBuffer out;
        if (packed == null || packed.length >= n) { // stored as it is: a memcpy'd chunk, unshuffled
            out = ByteBuffer.allocate(HEADER + n).order(ByteOrder.LITTLE_ENDIAN);
            header(out, (flags & ~0x05) | MEMCPYED, n, Math.max(n, 1), HEADER + n);
            out.put(raw);
        } else {
            int size = HEADER + 4 + 4 + packed.length;
            out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            header(out, flags, n, n, size);
            out.putInt(HEADER + 4); // the one block's start
            out.putInt(packed.length);
            out.put(packed);
        }
        return out.array();
    }

    private void header(ByteBuffer b, int flags, int nbytes, int blocksize, int cbytes) {
        b.put((byte) 2).put((byte) 1).put((byte) flags).put((byte) typeSize);
        b.putInt(nbytes).putInt(blocksize).putInt(cbytes);
    }

    private byte[] deflate(byte[] block) {
        return switch (compressor) {
            case ZSTD -> com.github.luben.zstd.Zstd.compress(block, zstdLevel(level));
            case ZLIB -> {
                java.util.zip.Deflater d = new java.util.zip.Deflater(level);
                try {
                    d.setInput(block);
                    d.finish();
                    byte[] buf = new byte[block.length + 64];
                    int len = 0;
                    while (!d.finished() && len < buf.length) {
                        len += d.deflate(buf, len, buf.length - len);
                    }
                    yield d.finished() ? java.util.Arrays.copyOf(buf, len) : null;
                } finally {
                    d.end();
                }
            }
            default -> {
                var lz4 = net.jpountz.lz4.LZ4Factory.fastestInstance().fastCompressor();
                byte[] buf = new byte[lz4.maxCompressedLength(block.length)];
                int len = lz4.compress(block, 0, block.length, buf, 0, buf.length);
                yield java.util.Arrays.copyOf(buf, len);
            }
        };
    }

    /** Blosc's mapping of its level to zstd's (blosc.c): 2 level - 1, 8 and 9 near zstd's maximum. */
    private static int zstdLevel(int level) {
        int max = com.github.luben.zstd.Zstd.maxCompressionLevel();
        return level < 8 ? 2 * level - 1 : level == 8 ? max - 2 : max;
    }
}
