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

    /**
     * Scans a volume. Label statistics are gathered for integer volumes other than uint8 (which are images)
     * unless there are more than {@code maxIds} distinct ids, after which only counts go on.
     */
    public static VolumeStatistics of(Volume v, int maxIds) {
        VolumeStatistics s = new VolumeStatistics();
        boolean labels = v.type().isInteger() && v.type() != DataType.UINT8 && v.type() != DataType.INT8;
        int[] shape = v.shape();
        int zAxis = shape.length - 3;
        int step = Math.max(1, v.chunkShape()[zAxis]);
        for (int z0 = 0; z0 < shape[zAxis]; z0 += step) {
            int[] start = new int[shape.length];
            int[] size = shape.clone();
            start[zAxis] = z0;
            size[zAxis] = Math.min(step, shape[zAxis] - z0);
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
