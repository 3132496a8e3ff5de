package org.synapseworkbench.proofread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

/**
 * The predicted synapses of an instance volume, measured in one pass over its sections: size, bounding box, centre
 * of mass and, with the probability map, mean and peak probability. Polarity instances (pre 2n - 1, post 2n) are
 * measured per synapse, with the sizes of both sides.
 */
public final class InstanceTable {
    /** The task name {@link #measure} reports progress under. */
    public static final String MEASURING = "Measuring the detections";

    private InstanceTable() {
    }

    /**
     * One synapse (or cleft). {@code id} is the cleft id, or for polarity the synapse number n; {@code centre} is the
     * centre of mass (z, y, x) rounded to voxels; probabilities are NaN without a map.
     */
    public record Instance(long id, long voxels, long preVoxels, long postVoxels, double mean, double peak, int[] centre,
            int[] min, int[] max) {
    }

    /**
     * Measures every instance of {@code instances} (3-d ids), with {@code probability} (same spatial shape, may be
     * null), sorted by id.
     *
     * @param polarity whether ids pair up as pre 2n - 1 and post 2n
     * @param progress hears sections done, as "Measuring the detections" (may be null)
     * @param cancelled asked between sections; a cancelled measure returns the instances measured so far (may be null)
     */
    public static List<Instance> measure(Volume instances, Volume probability, boolean polarity, Progress progress,
            Cancellation cancelled) {
        int[] shape = instances.spatialShape();
        if (probability != null && !Arrays.equals(probability.spatialShape(), shape)) {
            throw new IllegalArgumentException("The probability map " + probability.name() + " has shape "
                    + Arrays.toString(probability.spatialShape()) + " but the instances " + instances.name() + " have "
                    + Arrays.toString(shape) + "; measure instances with the map they were made from.");
        }
        double scale = probability == null ? 0 : MissCandidates.scale(probability.type());
        Map<Long, Measure> byId = new HashMap<>();
        int[] chunk = (probability != null ? probability : instances).chunkShape();
        int[] tile = {chunk[chunk.length - 2], chunk[chunk.length - 1]};
        int ny = shape[1];
        int nx = shape[2];
        long t0 = System.nanoTime();
        for (int z = 0; z < shape[0]; z++) {
            if (cancelled != null && cancelled.isCancelled()) {
                break;
            }
            Block ids = instances.readSection(z);
            // the map is read only in the tiles (its chunks' rows and columns) that hold instance voxels
            for (int ty = 0; ty < ny; ty += tile[0]) {
                for (int tx = 0; tx < nx; tx += tile[1]) {
                    int h = Math.min(tile[0], ny - ty);
                    int w = Math.min(tile[1], nx - tx);
                    if (!anyLabel(ids, nx, ty, tx, h, w)) {
                        continue;
                    }
                    Block p = probability == null ? null : MissCandidates.tile(probability, z, ty, tx, h, w);
                    long lastId = 0;
                    Measure m = null;
                    for (int y = ty; y < ty + h; y++) {
                        for (int x = tx; x < tx + w; x++) {
                            long id = ids.getLong(y * nx + x);
                            if (!Cremi.isObject(id)) {
                                continue;
                            }
                            if (id != lastId || m == null) {
                                long key = polarity ? SynapseIds.synapse(id) : id;
                                m = byId.computeIfAbsent(key, k -> new Measure());
                                lastId = id;
                            }
                            double v = p == null ? Double.NaN : p.getDouble((y - ty) * w + (x - tx)) * scale;
                            m.add(z, y, x, v, polarity && SynapseIds.isPre(id));
                        }
                    }
                }
            }
            if (progress != null) {
                progress.update(MEASURING, z + 1, shape[0], (System.nanoTime() - t0) / 1e9);
            }
        }
        List<Instance> out = new ArrayList<>(byId.size());
        byId.forEach((id, m) -> out.add(m.instance(id, polarity)));
        out.sort((a, b) -> Long.compareUnsigned(a.id(), b.id()));
        return out;
    }

    /** Whether a tile of a section holds an object's id (not 0, CREMI's no-cleft or ignore). */
    private static boolean anyLabel(Block ids, int nx, int ty, int tx, int h, int w) {
        for (int y = ty; y < ty + h; y++) {
            for (int x = tx; x < tx + w; x++) {
                if (Cremi.isObject(ids.getLong(y * nx + x))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final class Measure {
        long voxels;
        long pre;
        double sum;
        double peak = Double.NaN;
        double sz;
        double sy;
        double sx;
        final int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        final int[] max = {-1, -1, -1};

        void add(int z, int y, int x, double p, boolean isPre) {
            voxels++;
            if (isPre) {
                pre++;
            }
            sum += p;
            peak = Double.isNaN(peak) || p > peak ? p : peak;
            sz += z;
            sy += y;
            sx += x;
            min[0] = Math.min(min[0], z);
            min[1] = Math.min(min[1], y);
            min[2] = Math.min(min[2], x);
            max[0] = Math.max(max[0], z);
            max[1] = Math.max(max[1], y);
            max[2] = Math.max(max[2], x);
        }

        Instance instance(long id, boolean polarity) {
            int[] centre = {(int) Math.round(sz / voxels), (int) Math.round(sy / voxels), (int) Math.round(sx / voxels)};
            return new Instance(id, voxels, polarity ? pre : 0, polarity ? voxels - pre : 0, sum / voxels, peak, centre,
                    min.clone(), max.clone());
        }
    }
}
