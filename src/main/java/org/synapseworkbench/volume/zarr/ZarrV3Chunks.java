package org.synapseworkbench.volume.zarr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.codec.CodecException;

/**
 * The chunks of a Zarr v3 array: a file a chunk, or, when sharded, the inner chunks of its shards, each read alone
 * from its byte range as the shard's index gives it (indices kept for the last shards read, up to 32 MB).
 */
final class ZarrV3Chunks extends ZarrChunks {
    private static final long INDEX_CACHE_BYTES = 32L << 20;
    private static final long MISSING = -1L; // 2^64 - 1: an inner chunk not stored

    private final ZarrV3Metadata meta;
    private final ZarrV3Codecs codecs;
    private final ZarrV3Codecs.Sharding sharding;
    /** Inner chunks along each axis of a shard (sharded arrays). */
    private final int[] perShard;
    private final Map<String, long[]> indices;

    ZarrV3Chunks(ZarrV3Metadata meta) {
        this(meta, codecs(meta));
    }

    private ZarrV3Chunks(ZarrV3Metadata meta, ZarrV3Codecs codecs) {
        super(meta.shape(), codecs.sharding() == null ? meta.chunks() : codecs.sharding().inner(), meta.type(), meta.fill());
        this.meta = meta;
        this.codecs = codecs;
        this.sharding = codecs.sharding();
        this.perShard = sharding == null ? null : sharding.perShard(meta.chunks());
        long keep = sharding == null ? 0 : Math.max(1, INDEX_CACHE_BYTES / Math.max(1, sharding.indexBytes(meta.chunks())));
        this.indices = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > keep;
            }
        };
    }

    private static ZarrV3Codecs codecs(ZarrV3Metadata meta) {
        try {
            return ZarrV3Codecs.of(meta.codecs(), meta.chunks(), meta.type());
        } catch (CodecException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw ZarrV2Metadata.bad("zarr.json", "its codecs cannot be used: " + e.getMessage());
        }
    }

    @Override
    Block load(Path folder, int[] g) throws IOException {
        if (sharding == null) {
            byte[] stored = readIfThere(file(folder, g));
            return stored == null ? null : codecs.decode(stored);
        }
        Path shard = file(folder, g);
        try (FileChannel ch = FileChannel.open(shard, StandardOpenOption.READ)) {
            long size = ch.size();
            long[] index = index(shard, ch, size);
            int k = 0;
            for (int a = 0; a < g.length; a++) {
                k = k * perShard[a] + g[a] % perShard[a];
            }
            long offset = index[2 * k];
            long bytes = index[2 * k + 1];
            if (offset == MISSING && bytes == MISSING) {
                return null;
            }
            if (offset < 0 || bytes < 0 || bytes > Integer.MAX_VALUE - 8 || offset + bytes > size) {
                throw new CodecException("the shard's index places inner chunk " + k + " at bytes " + Long.toUnsignedString(offset)
                        + " to " + Long.toUnsignedString(offset + bytes) + " of " + size);
            }
            return sharding.codecs().decode(readFully(ch, offset, (int) bytes));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The shard's index, as (offset, bytes) pairs in C order of its inner chunks; kept for the shards read last. */
    private long[] index(Path shard, FileChannel ch, long size) throws IOException {
        String key = shard.toString();
        synchronized (indices) {
            long[] known = indices.get(key);
            if (known != null) {
                return known;
            }
        }
        long n = sharding.indexBytes(meta.chunks());
        if (n > size) {
            throw new CodecException("the shard holds " + size + " bytes, fewer than its index's " + n);
        }
        byte[] stored = readFully(ch, sharding.indexAtEnd() ? size - n : 0, (int) n);
        long[] index = sharding.index().decode(stored).longs();
        synchronized (indices) {
            indices.put(key, index);
        }
        return index;
    }

    private static byte[] readFully(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) {
                throw new CodecException("the shard ends before byte " + (at + n));
            }
        }
        return buf.array();
    }

    @Override
    Path file(Path folder, int[] g) {
        if (sharding == null) {
            return folder.resolve(meta.chunkKey(g));
        }
        int[] s = new int[g.length];
        for (int a = 0; a < g.length; a++) {
            s[a] = g[a] / perShard[a];
        }
        return folder.resolve(meta.chunkKey(s));
    }

    @Override
    String describe() {
        return "Zarr v3, " + (sharding == null ? "chunks " : "shards ") + Arrays.toString(meta.chunks()) + ", " + codecs.describe();
    }
}
