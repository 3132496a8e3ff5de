package org.synapseworkbench.volume;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decoded chunks shared by all open volumes, least recently used first out, bounded in bytes. Loading happens
 * outside the lock, so threads reading different chunks do not wait for each other.
 */
public final class ChunkCache {
    private static final ChunkCache SHARED = new ChunkCache(defaultBound());

    private record Key(long owner, long chunk) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, Block> map = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    public ChunkCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("cache bound must be >= 0");
        }
        this.maxBytes = maxBytes;
    }

    /** The cache all volumes use unless given another: a quarter of the heap, at least 64 MB, or -Dsynapseworkbench.cacheMB. */
    public static ChunkCache shared() {
        return SHARED;
    }

    private static long defaultBound() {
        String mb = System.getProperty("synapseworkbench.cacheMB");
        if (mb != null) {
            return Long.parseLong(mb.trim()) << 20;
        }
        return Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Returns the cached chunk or loads, stores and returns it. */
    public Block get(long owner, long chunk, Supplier<Block> loader) {
        Key key = new Key(owner, chunk);
        synchronized (this) {
            Block b = map.get(key);
            if (b != null) {
                hits++;
                return b;
            }
            misses++;
        }
        Block loaded = loader.get();
        long size = sizeOf(loaded);
        if (size > maxBytes) {
            return loaded;
        }
        synchronized (this) {
            Block previous = map.put(key, loaded);
            if (previous != null) {
                bytes -= sizeOf(previous);
            }
            bytes += size;
            Iterator<Map.Entry<Key, Block>> it = map.entrySet().iterator();
            while (bytes > maxBytes && it.hasNext()) {
                Map.Entry<Key, Block> e = it.next();
                bytes -= sizeOf(e.getValue());
                it.remove();
            }
        }
        return loaded;
    }

    /** Drops every chunk of one owner (a closed volume). */
    public synchronized void invalidate(long owner) {
        Iterator<Map.Entry<Key, Block>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Block> e = it.next();
            if (e.getKey().owner() == owner) {
                bytes -= sizeOf(e.getValue());
                it.remove();
            }
        }
    }

    /** Bytes held now; never above {@link #maxBytes()}. */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    private static long sizeOf(Block b) {
        return (long) b.size() * b.type().bytes();
    }
}
