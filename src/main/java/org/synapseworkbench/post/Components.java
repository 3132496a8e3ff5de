package org.synapseworkbench.post;

import java.util.stream.IntStream;

/**
 * Labelled components of a (z, y, x) volume.
 *
 * @param labels per voxel: 0 background, else 1..count
 * @param shape (z, y, x)
 * @param count number of components
 * @param sizes voxels per label (index 0 unused)
 */
public record Components(int[] labels, int[] shape, int count, long[] sizes) {

    /**
     * The components of at least {@code minSize} voxels, renumbered 1..m in their order (as skimage's
     * {@code remove_small_objects} followed by sequential relabelling). Returns this when none is smaller.
     */
    public Components withoutSmall(long minSize) {
        int[] map = new int[count + 1];
        int kept = 0;
        for (int id = 1; id <= count; id++) {
            map[id] = sizes[id] >= minSize ? ++kept : 0;
        }
        if (kept == count) {
            return this;
        }
        long[] keptSizes = new long[kept + 1];
        for (int id = 1; id <= count; id++) {
            if (map[id] != 0) {
                keptSizes[map[id]] = sizes[id];
            }
        }
        int[] out = new int[labels.length];
        int plane = shape[1] * shape[2];
        IntStream.range(0, shape[0]).parallel().forEach(z -> {
            for (int i = z * plane, end = i + plane; i < end; i++) {
                out[i] = map[labels[i]];
            }
        });
        return new Components(out, shape, kept, keptSizes);
    }

    /** Voxels that belong to a component. */
    public boolean[] mask() {
        boolean[] m = new boolean[labels.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = labels[i] != 0;
        }
        return m;
    }
}
