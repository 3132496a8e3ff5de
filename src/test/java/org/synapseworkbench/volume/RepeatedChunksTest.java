package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks stored alike are decoded once; chunks of other values, or of the same value but one voxel, are not mixed up. */
class RepeatedChunksTest {
    @TempDir
    Path dir;

    @Test
    void uniformChunksOfTwoValuesAndANearlyUniformOneReadBackExactly() {
        int[] shape = {4, 16, 32}; // chunks of 2 x 8 x 8: 2 x 2 x 4 of them
        Block ids = Block.zeros(DataType.UINT64, shape);
        for (int z = 0; z < 4; z++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 32; x++) {
                    ids.setLong(ids.index(z, y, x), x >= 16 && x < 24 ? 7 : 0); // the third chunk column all 7
                }
            }
        }
        ids.setLong(ids.index(3, 15, 31), 9); // one voxel in the last chunk of zeros
        Path file = dir.resolve("ids.h5");
        new Hdf5Writer().dataset("ids", ids, new int[] {2, 8, 8}, Map.of()).write(file);
        try (Hdf5Volume v = Hdf5Volume.open(file, "ids", new ChunkCache(1 << 20))) {
            assertArrayEquals(ids.longs(), v.read(new int[3], shape).longs());
        }
        RepeatedChunks r = new RepeatedChunks();
        java.nio.ByteBuffer stored = java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3});
        Block b = Block.zeros(DataType.UINT64, 2, 8, 8);
        r.remember(stored, b, 1024);
        assertSame(b, r.find(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), 1024));
        assertSame(null, r.find(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 4}), 1024));
        assertSame(null, r.find(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), 100), "not small against its decoded size");
    }
}
