package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sampled planes (every step-th voxel of a section, an xz or a yz plane) hold the voxels they name. */
class SampledPlaneTest {
    @TempDir
    Path dir;

    @Test
    void everyAxisAndTypeGivesTheVoxelsAtTheCrossings() {
        Random r = new Random(3);
        for (DataType type : new DataType[] {DataType.UINT8, DataType.UINT64, DataType.FLOAT32, DataType.UINT16}) {
            Block b = Hdf5RoundTripTest.random(type, type.ordinal(), 9, 21, 34);
            Path f = dir.resolve(type.label() + ".h5");
            new Hdf5Writer().dataset("main", b, new int[] {4, 8, 8}, Map.of()).write(f);
            InMemoryVolume memory = new InMemoryVolume("memory", b, new double[] {40, 4, 4});
            try (Hdf5Volume file = Hdf5Volume.open(f, null)) {
                for (int t = 0; t < 60; t++) {
                    int axis = t % 3;
                    int[] plane = {b.dim(0), b.dim(1), b.dim(2)};
                    int rowLength = axis == 0 ? plane[1] : plane[0];
                    int colLength = axis == 2 ? plane[1] : plane[2];
                    int index = r.nextInt(plane[axis]);
                    int[] rows = ascending(r, rowLength);
                    int[] cols = ascending(r, colLength);
                    for (Volume v : new Volume[] {file, memory}) {
                        Block got = v.readSampled(axis, index, rows, cols, null);
                        assertEquals(2, got.rank());
                        for (int i = 0; i < rows.length; i++) {
                            for (int j = 0; j < cols.length; j++) {
                                int[] zyx = axis == 0 ? new int[] {index, rows[i], cols[j]}
                                        : axis == 1 ? new int[] {rows[i], index, cols[j]} : new int[] {rows[i], cols[j], index};
                                assertEquals(b.getDouble(b.index(zyx)), got.getDouble(i * cols.length + j),
                                        type + " axis " + axis + " of " + v.name() + " at " + rows[i] + ", " + cols[j]);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aFourDimensionalVolumeGivesItsFirstChannelAndReusesTheBlock() {
        Block b = Hdf5RoundTripTest.random(DataType.UINT8, 11, 2, 5, 12, 12);
        Path f = dir.resolve("channels.h5");
        new Hdf5Writer().dataset("main", b, new int[] {1, 2, 8, 8}, Map.of()).write(f);
        try (Hdf5Volume v = Hdf5Volume.open(f, null)) {
            int[] rows = {1, 7, 9};
            int[] cols = {0, 5, 11};
            Block first = v.readSampled(0, 3, rows, cols, null);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(b.getLong(b.index(0, 3, rows[i], cols[j])), first.getLong(i * 3 + j));
                }
            }
            assertSame(first, v.readSampled(0, 4, rows, cols, first), "a block of the same shape is refilled");
            assertThrows(IllegalArgumentException.class, () -> v.readSampled(0, 5, rows, cols, null), "past the last section");
        }
    }

    /** A non-empty ascending subset of 0 ... n-1. */
    private static int[] ascending(Random r, int n) {
        TreeSet<Integer> picked = new TreeSet<>();
        int k = 1 + r.nextInt(n);
        while (picked.size() < k) {
            picked.add(r.nextInt(n));
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }
}
