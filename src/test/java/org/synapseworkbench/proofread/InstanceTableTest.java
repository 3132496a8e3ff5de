package org.synapseworkbench.proofread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.InMemoryVolume;

/**
 * The instance table read tile by tile from chunked files (the map only where instances are; chunks of background
 * decoded once and shared) is the table of the same volumes in memory, worked out by hand for one instance.
 */
class InstanceTableTest {
    @TempDir
    Path dir;

    @Test
    void chunkedFilesGiveTheSameTableAsMemory() {
        int[] shape = {4, 20, 30};
        Block ids = Block.zeros(DataType.UINT64, shape);
        Block p = Block.zeros(DataType.UINT8, shape);
        // instance 1 (pre of synapse 1) across tile borders at y 7|8 and x 15|16: sections 1-2, y 6..9, x 14..17
        for (int z = 1; z <= 2; z++) {
            for (int y = 6; y <= 9; y++) {
                for (int x = 14; x <= 17; x++) {
                    ids.setLong(ids.index(z, y, x), 1);
                    p.setDouble(p.index(z, y, x), 100 + x);
                }
            }
        }
        ids.setLong(ids.index(3, 19, 29), 2); // its post: one voxel in the last corner tile
        p.setDouble(p.index(3, 19, 29), 255);
        Path file = dir.resolve("volumes.h5");
        new Hdf5Writer().dataset("ids", ids, new int[] {2, 8, 8}, Map.of()).dataset("p", p, new int[] {2, 8, 8}, Map.of())
                .write(file);
        List<InstanceTable.Instance> memory = InstanceTable.measure(new InMemoryVolume("ids", ids, new double[] {40, 4, 4}),
                new InMemoryVolume("p", p, new double[] {40, 4, 4}), true, null, null);
        List<InstanceTable.Instance> chunked;
        try (Hdf5Volume i = Hdf5Volume.open(file, "ids"); Hdf5Volume m = Hdf5Volume.open(file, "p")) {
            chunked = InstanceTable.measure(i, m, true, null, null);
        }
        assertEquals(1, memory.size(), "one synapse");
        InstanceTable.Instance s = memory.get(0);
        assertEquals(33, s.voxels());
        assertEquals(32, s.preVoxels());
        assertEquals(1, s.postVoxels());
        // mean of 8 voxels each at x 14..17 (114..117) and one of 255, over 255
        assertEquals((8.0 * (114 + 115 + 116 + 117) + 255) / 33 / 255, s.mean(), 1e-12);
        assertEquals(1.0, s.peak(), 1e-12);
        assertArrayEquals(new int[] {1, 6, 14}, s.min());
        assertArrayEquals(new int[] {3, 19, 29}, s.max());
        assertEquals(memory.size(), chunked.size());
        InstanceTable.Instance c = chunked.get(0);
        assertEquals(s.id(), c.id());
        assertEquals(s.voxels(), c.voxels());
        assertEquals(s.preVoxels(), c.preVoxels());
        assertEquals(s.mean(), c.mean(), 1e-12);
        assertEquals(s.peak(), c.peak(), 1e-12);
        assertArrayEquals(s.centre(), c.centre());
        assertArrayEquals(s.min(), c.min());
        assertArrayEquals(s.max(), c.max());
    }
}
