package org.synapseworkbench.proofread;

import java.util.HashMap;
import java.util.Map;

import org.synapseworkbench.volume.Block;

/**
 * Values that replace those of a 3-d volume at single voxels, kept per 64 x 64 x 64 brick in small primitive hash
 * tables: memory grows with the voxels painted (24 to 48 bytes each), never with the volume. Each voxel also keeps the
 * value it had before its first replacement (the file's), so the voxels that differ from the file now are known
 * without reading it. Not thread-safe; the owner locks.
 */
final class VoxelOverlay {
    private static final int BITS = 6;
    private static final int SIDE = 1 << BITS;
    private static final int MASK = SIDE - 1;
    private final int[] shape;
    private final int[] bricks;
    private final Map<Long, Brick> byBrick = new HashMap<>();

    VoxelOverlay(int[] shape) {
        this.shape = shape.clone();
        bricks = new int[3];
        for (int a = 0; a < 3; a++) {
            bricks[a] = (shape[a] + MASK) >> BITS;
        }
    }

    /**
     * Sets the value at a voxel given as a linear index into the volume (z, y, x, row-major); {@code original} is its
     * value before, kept when the overlay had none for it yet.
     */
    void put(long index, long value, long original) {
        int x = (int) (index % shape[2]);
        long zy = index / shape[2];
        int y = (int) (zy % shape[1]);
        int z = (int) (zy / shape[1]);
        long key = ((long) (z >> BITS) * bricks[1] + (y >> BITS)) * bricks[2] + (x >> BITS);
        Brick b = byBrick.computeIfAbsent(key, k -> new Brick());
        b.put(((z & MASK) << (2 * BITS)) | ((y & MASK) << BITS) | (x & MASK), value, original);
    }

    /** The value at a voxel, or {@code otherwise} when the overlay has none. */
    long get(long index, long otherwise) {
        int x = (int) (index % shape[2]);
        long zy = index / shape[2];
        int y = (int) (zy % shape[1]);
        int z = (int) (zy / shape[1]);
        Brick b = byBrick.get(((long) (z >> BITS) * bricks[1] + (y >> BITS)) * bricks[2] + (x >> BITS));
        return b == null ? otherwise : b.get(((z & MASK) << (2 * BITS)) | ((y & MASK) << BITS) | (x & MASK), otherwise);
    }

    /** Writes the overlay's values inside the box {@code start + size} into {@code box}, a block of that box. */
    void patch(Block box, int[] start, int[] size) {
        if (byBrick.isEmpty()) {
            return;
        }
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = start[a] >> BITS;
            hi[a] = (start[a] + size[a] - 1) >> BITS;
        }
        for (int bz = lo[0]; bz <= hi[0]; bz++) {
            for (int by = lo[1]; by <= hi[1]; by++) {
                for (int bx = lo[2]; bx <= hi[2]; bx++) {
                    Brick b = byBrick.get(((long) bz * bricks[1] + by) * bricks[2] + bx);
                    if (b != null) {
                        b.patch(box, start, size, bz << BITS, by << BITS, bx << BITS);
                    }
                }
            }
        }
    }

    /**
     * Writes the overlay's values of plane {@code index} across {@code axis} where {@code rows} cross {@code cols}
     * (as {@link org.synapseworkbench.volume.Volume#readSampled}) into the (rows x cols) block {@code out}; with
     * {@code edited} (null: not wanted), tells it the places in {@code out} of the voxels whose value differs from
     * their original.
     */
    void patchSampled(Block out, int axis, int index, int[] rows, int[] cols, java.util.function.IntConsumer edited) {
        if (byBrick.isEmpty()) {
            return;
        }
        int rowAxis = axis == 0 ? 1 : 0;
        int colAxis = axis == 2 ? 1 : 2;
        int[] box = new int[3];
        int[] size = new int[3];
        box[axis] = index;
        size[axis] = 1;
        box[rowAxis] = rows[0];
        size[rowAxis] = rows[rows.length - 1] - rows[0] + 1;
        box[colAxis] = cols[0];
        size[colAxis] = cols[cols.length - 1] - cols[0] + 1;
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = box[a] >> BITS;
            hi[a] = (box[a] + size[a] - 1) >> BITS;
        }
        int[] at = new int[3];
        for (int bz = lo[0]; bz <= hi[0]; bz++) {
            for (int by = lo[1]; by <= hi[1]; by++) {
                for (int bx = lo[2]; bx <= hi[2]; bx++) {
                    Brick b = byBrick.get(((long) bz * bricks[1] + by) * bricks[2] + bx);
                    if (b == null) {
                        continue;
                    }
                    for (int s = 0; s < b.keys.length; s++) {
                        int k = b.keys[s];
                        if (k < 0) {
                            continue;
                        }
                        at[0] = (bz << BITS) + (k >> (2 * BITS));
                        at[1] = (by << BITS) + ((k >> BITS) & MASK);
                        at[2] = (bx << BITS) + (k & MASK);
                        if (at[axis] != index) {
                            continue;
                        }
                        int r = java.util.Arrays.binarySearch(rows, at[rowAxis]);
                        int c = r < 0 ? -1 : java.util.Arrays.binarySearch(cols, at[colAxis]);
                        if (c >= 0) {
                            out.setLong(r * cols.length + c, b.values[s]);
                            if (edited != null && b.values[s] != b.originals[s]) {
                                edited.accept(r * cols.length + c);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Open-addressing table of voxel offsets in a brick (0 .. 2^18) to values and original values; -1 marks a free
     * slot.
     */
    private static final class Brick {
        int[] keys = free(16);
        long[] values = new long[16];
        long[] originals = new long[16];
        int count;

        private static int[] free(int n) {
            int[] k = new int[n];
            java.util.Arrays.fill(k, -1);
            return k;
        }

        private int slot(int key) {
            int m = keys.length - 1;
            int s = (key * 0x9E3779B1) >>> 7 & m;
            while (keys[s] != -1 && keys[s] != key) {
                s = (s + 1) & m;
            }
            return s;
        }

        void put(int key, long value, long original) {
            int s = slot(key);
            boolean added = keys[s] == -1;
            keys[s] = key;
            values[s] = value;
            if (added) {
                originals[s] = original;
            }
            if (added && ++count * 4 > keys.length * 3) {
                grow();
            }
        }

        long get(int key, long otherwise) {
            int s = slot(key);
            return keys[s] == -1 ? otherwise : values[s];
        }

        private void grow() {
            int[] oldKeys = keys;
            long[] oldValues = values;
            long[] oldOriginals = originals;
            keys = free(oldKeys.length * 2);
            values = new long[oldKeys.length * 2];
            originals = new long[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    int s = slot(oldKeys[i]);
                    keys[s] = oldKeys[i];
                    values[s] = oldValues[i];
                    originals[s] = oldOriginals[i];
                }
            }
        }

        void patch(Block box, int[] start, int[] size, int z0, int y0, int x0) {
            for (int s = 0; s < keys.length; s++) {
                int k = keys[s];
                if (k < 0) {
                    continue;
                }
                int z = z0 + (k >> (2 * BITS)) - start[0];
                int y = y0 + ((k >> BITS) & MASK) - start[1];
                int x = x0 + (k & MASK) - start[2];
                if (z >= 0 && z < size[0] && y >= 0 && y < size[1] && x >= 0 && x < size[2]) {
                    box.setLong((z * size[1] + y) * size[2] + x, values[s]);
                }
            }
        }
    }
}
