package org.synapseworkbench.post;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

/** Random probability maps with instances of known kinds, and comparisons of label volumes, for tests. */
public final class TestMaps {
    private TestMaps() {
    }

    /**
     * Asserts that {@code a} and {@code b} cut the volume the same way: background in the same voxels, and a one-to-one
     * map between their ids; returns the number of instances.
     */
    public static int assertSamePartition(Block a, Block b) {
        assertArrayEquals(a.shape(), b.shape());
        Map<Long, Long> ab = new HashMap<>();
        Map<Long, Long> ba = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            long x = a.getLong(i);
            long y = b.getLong(i);
            assertEquals(x == 0, y == 0, "background differs at voxel " + i);
            if (x != 0) {
                assertEquals(y, ab.computeIfAbsent(x, key -> y), "id " + x + " of the first is two ids of the second");
                assertEquals(x, ba.computeIfAbsent(y, key -> x), "id " + y + " of the second is two ids of the first");
            }
        }
        return ab.size();
    }

    /** Synapse n of each pre (2n-1) and post (2n) id. */
    public static Block synapses(Block ids) {
        Block out = Block.zeros(DataType.UINT64, ids.shape());
        for (int i = 0; i < ids.size(); i++) {
            out.setLong(i, (ids.getLong(i) + 1) / 2);
        }
        return out;
    }

    /**
     * A polarity map (3, z, y, x) of {@code count} synapses, each a pre box beside a post box (sometimes 1 or 2 voxels
     * apart in y, which the dilation bridges), and single noisy voxels; channels pre, post, union, or exclusive
     * background, pre, post.
     */
    public static Block randomPolarity(Random r, int[] shape, int count, boolean exclusive) {
        Block m = Block.zeros(DataType.UINT8, 3, shape[0], shape[1], shape[2]);
        int pre = exclusive ? 1 : 0;
        int post = exclusive ? 2 : 1;
        if (exclusive) {
            for (int i = 0; i < m.size() / 3; i++) {
                m.setLong(i, 150);
            }
        }
        for (int n = 0; n < count; n++) {
            int[] at = {r.nextInt(shape[0]), r.nextInt(shape[1]), r.nextInt(shape[2])};
            int[] size = {1 + r.nextInt(3), 3 + r.nextInt(4), 3 + r.nextInt(6)};
            fill(m, pre, at, size, 200);
            at[1] += size[1] + r.nextInt(3);
            fill(m, post, at, size, 220);
        }
        for (int i = 0; i < 150; i++) {
            int c = r.nextInt(2) == 0 ? pre : post;
            m.setLong(c * (m.size() / 3) + r.nextInt(m.size() / 3), 210);
        }
        if (!exclusive) {
            int n = m.size() / 3;
            for (int i = 0; i < n; i++) {
                m.setLong(2 * n + i, Math.max(m.getLong(i), m.getLong(n + i)));
            }
        }
        return m;
    }

    /** A cleft map (1, z, y, x) of {@code count} boxes of 200 and 300 single voxels of 150 (small pieces). */
    public static Block randomClefts(Random r, int[] shape, int count) {
        Block map = Block.zeros(DataType.UINT8, 1, shape[0], shape[1], shape[2]);
        for (int i = 0; i < count; i++) {
            box(map, 0, r, shape, 1 + r.nextInt(4), 1 + r.nextInt(9), 200);
        }
        for (int i = 0; i < 300; i++) {
            map.setLong(r.nextInt(map.size()), 150);
        }
        return map;
    }

    static void box(Block m, int channel, Random r, int[] shape, int dz, int dyx, int value) {
        int[] at = {r.nextInt(shape[0]), r.nextInt(shape[1]), r.nextInt(shape[2])};
        fill(m, channel, at, new int[] {dz, dyx, 1 + r.nextInt(9)}, value);
    }

    static void fill(Block m, int channel, int[] at, int[] size, int value) {
        for (int z = at[0]; z < Math.min(m.dim(1), at[0] + size[0]); z++) {
            for (int y = at[1]; y < Math.min(m.dim(2), at[1] + size[1]); y++) {
                for (int x = at[2]; x < Math.min(m.dim(3), at[2] + size[2]); x++) {
                    m.setLong(m.index(channel, z, y, x), value);
                }
            }
        }
    }
}
