package org.synapseworkbench.proofread;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.UserException;

/**
 * Finds what the instance edits (delete, merge, split) act on: the 26-connected piece of labels around a voxel, read
 * a 32-voxel cube at a time so that only the piece's neighbourhood is read, never the whole volume; and the largest id
 * in a volume, for a new one. It is a flood fill from one seed, not a labelling of the volume
 * ({@code post.ConnectedComponents}, {@code MissCandidates}): an edit must not wait for a pass over every voxel.
 */
public final class InstancePieces {
    private static final int SIDE = 32;

    private InstancePieces() {
    }

    /**
     * The voxels (linear indices, ascending) 26-connected to {@code seed} through voxels whose id {@code member}
     * accepts, the seed's own id included when accepted; empty when the seed's is not.
     *
     * @throws UserException when the piece has more than {@code maxVoxels} voxels
     */
    public static long[] piece(Volume labels, int[] seed, LongPredicate member, long maxVoxels) {
        int[] shape = labels.spatialShape();
        Cubes cubes = new Cubes(labels, shape);
        if (!member.test(cubes.id(seed[0], seed[1], seed[2]))) {
            return new long[0];
        }
        long plane = (long) shape[1] * shape[2];
        VoxelSet seen = new VoxelSet();
        long[] stack = new long[1024];
        int top = 0;
        long first = seed[0] * plane + (long) seed[1] * shape[2] + seed[2];
        seen.add(first);
        stack[top++] = first;
        while (top > 0) {
            int[] at = Volume.position(shape, stack[--top]);
            int z = at[0];
            int y = at[1];
            int x = at[2];
            for (int dz = -1; dz <= 1; dz++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nz = z + dz;
                        int ny = y + dy;
                        int nx = x + dx;
                        if (nz < 0 || ny < 0 || nx < 0 || nz >= shape[0] || ny >= shape[1] || nx >= shape[2]) {
                            continue;
                        }
                        long n = nz * plane + (long) ny * shape[2] + nx;
                        if (!seen.contains(n) && member.test(cubes.id(nz, ny, nx))) {
                            seen.add(n);
                            if (seen.size() > maxVoxels) {
                                throw new UserException("The piece under the cursor has more than " + maxVoxels
                                        + " voxels; it is probably background or a label that fills the volume.");
                            }
                            if (top == stack.length) {
                                stack = Arrays.copyOf(stack, top * 2);
                            }
                            stack[top++] = n;
                        }
                    }
                }
            }
        }
        return seen.sorted();
    }

    /** The voxels of {@code voxels} (linear indices) whose id {@code keep} accepts, in their order. */
    public static long[] withIds(Volume labels, long[] voxels, LongPredicate keep) {
        int[] shape = labels.spatialShape();
        Cubes cubes = new Cubes(labels, shape);
        return Arrays.stream(voxels).filter(v -> {
            int[] at = Volume.position(shape, v);
            return keep.test(cubes.id(at[0], at[1], at[2]));
        }).toArray();
    }

    /**
     * The largest id in {@code labels}, CREMI's no-cleft and ignore values left out (0 when there is none), read a
     * slab of sections at a time.
     */
    public static long largestId(Volume labels, Cancellation cancel) {
        int[] shape = labels.spatialShape();
        int step = Math.max(1, labels.chunkShape()[labels.rank() - 3]);
        long largest = 0;
        Block slab = null;
        for (int z = 0; z < shape[0]; z += step) {
            cancel.check();
            int depth = Math.min(step, shape[0] - z);
            slab = labels.read(new int[] {z, 0, 0}, new int[] {depth, shape[1], shape[2]},
                    slab != null && slab.dim(0) == depth ? slab : null);
            for (int i = 0; i < slab.size(); i++) {
                long id = slab.getLong(i);
                if (Cremi.isObject(id) && Long.compareUnsigned(id, largest) > 0) {
                    largest = id;
                }
            }
        }
        return largest;
    }

    /** The labels read a cube at a time, the cubes kept while the piece is followed. */
    private static final class Cubes {
        private final Volume labels;
        private final int[] shape;
        private final Map<Long, Block> read = new HashMap<>();

        Cubes(Volume labels, int[] shape) {
            this.labels = labels;
            this.shape = shape;
        }

        long id(int z, int y, int x) {
            int cz = z / SIDE;
            int cy = y / SIDE;
            int cx = x / SIDE;
            long key = ((long) cz * ceilDiv(shape[1]) + cy) * ceilDiv(shape[2]) + cx;
            Block b = read.get(key);
            if (b == null) {
                int[] start = {cz * SIDE, cy * SIDE, cx * SIDE};
                int[] size = {Math.min(SIDE, shape[0] - start[0]), Math.min(SIDE, shape[1] - start[1]),
                        Math.min(SIDE, shape[2] - start[2])};
                b = labels.read(start, size);
                read.put(key, b);
            }
            return b.getLong(((z % SIDE) * b.dim(1) + y % SIDE) * b.dim(2) + x % SIDE);
        }
    }

    private static int ceilDiv(int n) {
        return (n + SIDE - 1) / SIDE;
    }

    /** A growing set of voxel indices, open addressing. */
    private static final class VoxelSet {
        private long[] slots = new long[1 << 10];
        private int size;

        VoxelSet() {
            Arrays.fill(slots, -1);
        }

        int size() {
            return size;
        }

        boolean contains(long v) {
            int mask = slots.length - 1;
            for (int i = hash(v) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == -1) {
                    return false;
                }
                if (slots[i] == v) {
                    return true;
                }
            }
        }

        void add(long v) {
            if ((size + 1) * 2 > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                Arrays.fill(slots, -1);
                size = 0;
                for (long o : old) {
                    if (o != -1) {
                        add(o);
                    }
                }
            }
            int mask = slots.length - 1;
            int i = hash(v) & mask;
            while (slots[i] != -1) {
                if (slots[i] == v) {
                    return;
                }
                i = (i + 1) & mask;
            }
            slots[i] = v;
            size++;
        }

        long[] sorted() {
            return Arrays.stream(slots).filter(v -> v != -1).sorted().toArray();
        }

        private static int hash(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
