package org.synapseworkbench.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Volume;

/**
 * Lists the synapses of labelled volumes: per cleft id the voxel count and centroid, the pre (2k-1) and post (2k)
 * voxel counts and, when neuron ids are given, the neuron most of each side lies in. Reads slab by slab.
 */
public final class SynapseCensus {
    private SynapseCensus() {
    }

    private static final class Tally {
        long cleft;
        long pre;
        long post;
        double sz;
        double sy;
        double sx;
        final Map<Long, Long> preNeurons = new HashMap<>();
        final Map<Long, Long> postNeurons = new HashMap<>();
    }

    /** {@code neurons} may be null; all volumes must have the same (z, y, x) shape. */
    public static List<Synapse> of(Volume clefts, Volume polarity, Volume neurons) {
        int[] shape = clefts.shape();
        Map<Long, Tally> tallies = new TreeMap<>();
        int step = Math.max(1, clefts.chunkShape()[0]);
        for (int z0 = 0; z0 < shape[0]; z0 += step) {
            int[] start = {z0, 0, 0};
            int[] size = {Math.min(step, shape[0] - z0), shape[1], shape[2]};
            Block c = clefts.read(start, size);
            Block p = polarity.read(start, size);
            Block n = neurons != null ? neurons.read(start, size) : null;
            int plane = shape[1] * shape[2];
            for (int i = 0; i < c.size(); i++) {
                long id = c.getLong(i);
                if (Cremi.isCleft(id)) {
                    Tally t = tallies.computeIfAbsent(id, k -> new Tally());
                    t.cleft++;
                    t.sz += z0 + i / plane;
                    t.sy += (i % plane) / shape[2];
                    t.sx += i % shape[2];
                }
                long pol = p.getLong(i);
                if (pol != 0 && Cremi.isCleft(pol)) {
                    Tally t = tallies.computeIfAbsent((pol + 1) / 2, k -> new Tally());
                    boolean pre = (pol & 1) == 1;
                    if (pre) {
                        t.pre++;
                    } else {
                        t.post++;
                    }
                    if (n != null) {
                        (pre ? t.preNeurons : t.postNeurons).merge(n.getLong(i), 1L, Long::sum);
                    }
                }
            }
        }
        List<Synapse> out = new ArrayList<>();
        for (Map.Entry<Long, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            double k = Math.max(1, t.cleft);
            int[] center = {(int) Math.round(t.sz / k), (int) Math.round(t.sy / k), (int) Math.round(t.sx / k)};
            out.add(new Synapse((int) (long) e.getKey(), (int) mostCommon(t.preNeurons), (int) mostCommon(t.postNeurons),
                    center, t.cleft, t.pre, t.post));
        }
        return out;
    }

    private static long mostCommon(Map<Long, Long> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0L);
    }
}
