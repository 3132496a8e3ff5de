package org.synapseworkbench.volume;

import java.util.HashMap;
import java.util.Map;

/**
 * Summary numbers of a volume, computed slab by slab so memory stays bounded: intensity range and mean for
 * images; for label volumes the number of distinct ids and how many voxels are background, labelled, CREMI
 * "no cleft" or "ignore".
 */
public final class VolumeStatistics {
    public long voxels;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public double sum;
    /** Label volumes only: voxels per id (ids other than 0, no-cleft and ignore). */
    public final Map<Long, Long> idCounts = new HashMap<>();
    public long background;
    public long noCleft;
    public long ignore;

    /** Labelled voxels (ids other than 0, no-cleft and ignore). */
    public long labelled() {
        long n = 0;
        for (long c : idCounts.values()) {
            n += c;
        }
        return n;
    }

    public double mean() {
        return voxels == 0 ? Double.NaN : sum / voxels;
    }

    /** The most voxels read at once. */
    private static final long BOX = 1L << 24;

    /**
     * Scans a volume box by box (whole chunks, at most 16 Mi voxels at once). Label statistics are gathered for
     * integer volumes other than uint8 (which are images)
     * unless there are more than {@code maxIds} distinct ids, after which only counts go on.
     */
    public static VolumeStatistics of(Volume v, int maxIds) {
        return of(v, maxIds, BOX);
    }

    /** {@link #of(Volume, int)} reading at most about {@code box} voxels at once (whole chunks, at least one). */
    static VolumeStatistics of(Volume v, int maxIds, long box) {
        VolumeStatistics s = new VolumeStatistics();
        boolean labels = v.type().isInteger() && v.type() != DataType.UINT8 && v.type() != DataType.INT8;
        int[] shape = v.shape();
        int r = shape.length;
        int[] chunk = v.chunkShape();
        // boxes of whole chunks: a chunk deep, and as wide as whole rows of chunks allow within the box's voxels
        int[] step = new int[r];
        long perPlane = 1;
        for (int a = 0; a < r; a++) {
            step[a] = a < r - 2 ? Math.max(1, chunk[a]) : shape[a];
            perPlane *= a < r - 2 ? step[a] : 1;
        }
        int cy = Math.max(1, chunk[r - 2]);
        int cx = Math.max(1, chunk[r - 1]);
        if (perPlane * shape[r - 2] * shape[r - 1] > box) {
            step[r - 1] = (int) Math.min(shape[r - 1], Math.max(cx, box / perPlane / cy / cx * cx));
            step[r - 2] = (int) Math.min(shape[r - 2], Math.max(cy, box / perPlane / step[r - 1] / cy * cy));
        }
        int[] count = new int[r];
        for (int a = 0; a < r; a++) {
            count[a] = (shape[a] + step[a] - 1) / step[a];
        }
        java.util.List<int[]> boxes = new java.util.ArrayList<>();
        ChunkedVolume.forEachIndex(count, boxes::add);
        for (int[] g : boxes) {
            int[] start = new int[r];
            int[] size = new int[r];
            for (int a = 0; a < r; a++) {
                start[a] = g[a] * step[a];
                size[a] = Math.min(step[a], shape[a] - start[a]);
            }
            Block b = v.read(start, size);
            int n = b.size();
            s.voxels += n;
            for (int i = 0; i < n; i++) {
                if (labels) {
                    long id = b.getLong(i);
                    if (id == 0) {
                        s.background++;
                    } else if (v.type() == DataType.UINT64 && id == Cremi.NO_CLEFT) {
                        s.noCleft++;
                    } else if (v.type() == DataType.UINT64 && id == Cremi.IGNORE) {
                        s.ignore++;
                    } else if (s.idCounts.size() < maxIds || s.idCounts.containsKey(id)) {
                        s.idCounts.merge(id, 1L, Long::sum);
                    }
                    double d = b.getDouble(i);
                    if (id != Cremi.NO_CLEFT && id != Cremi.IGNORE || v.type() != DataType.UINT64) {
                        s.min = Math.min(s.min, d);
                        s.max = Math.max(s.max, d);
                    }
                } else {
                    double d = b.getDouble(i);
                    s.min = Math.min(s.min, d);
                    s.max = Math.max(s.max, d);
                    s.sum += d;
                }
            }
        }
        return s;
    }
}
