package org.synapseworkbench.eval;

import java.io.Serializable;

import org.synapseworkbench.volume.Block;

/**
 * The voxel counts that instance matching needs (sizes of predicted and true instances, overlaps of pairs), gathered
 * part by part: counts of blocks of a volume add up to those of the whole ({@link #addAll}), so instance F1 of a volume
 * too large for one machine comes from per-block counts. Instances, or polarity (synapses, pre sides, post sides).
 */
public final class InstanceOverlaps implements Serializable {
    private final OverlapCounts[] counts;

    private InstanceOverlaps(int n) {
        counts = new OverlapCounts[n];
        for (int i = 0; i < n; i++) {
            counts[i] = new OverlapCounts();
        }
    }

    /** Counts for matching instances as they are (clefts, say). */
    public static InstanceOverlaps instances() {
        return new InstanceOverlaps(1);
    }

    /** Counts for polarity: synapse n of pre (2n-1) and post (2n) ids, pre sides alone, post sides alone. */
    public static InstanceOverlaps polarity() {
        return new InstanceOverlaps(3);
    }

    /** Adds the voxels of two label volumes of one shape (one part of the whole); CREMI's background values count as 0. */
    public void add(Block predicted, Block truth) {
        if (counts.length == 1) {
            InstanceMatching.scan(predicted, truth, counts[0]::add);
        } else {
            InstanceMatching.scan(predicted, truth, (p, t, n) -> {
                counts[0].add(InstanceMatching.synapse(p), InstanceMatching.synapse(t), n);
                counts[1].add(InstanceMatching.side(p, 1), InstanceMatching.side(t, 1), n);
                counts[2].add(InstanceMatching.side(p, 0), InstanceMatching.side(t, 0), n);
            });
        }
    }

    /** Adds the counts of another part; returns this. */
    public InstanceOverlaps addAll(InstanceOverlaps other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("instance and polarity counts do not add up");
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i].addAll(other.counts[i]);
        }
        return this;
    }

    /** Whether these are polarity counts. */
    public boolean isPolarity() {
        return counts.length == 3;
    }

    /** Instance scores (of {@link #instances()} counts) at an IoU threshold. */
    public MatchScores instanceScores(double iouThreshold) {
        if (isPolarity()) {
            throw new IllegalStateException("polarity counts score as polarity");
        }
        return InstanceMatching.match(counts[0], iouThreshold);
    }

    /**
     * Per kind (one for instances; synapses, pre, post for polarity) the mean over true instances of the best IoU a
     * predicted instance reaches with it, 0 for a true instance nothing overlaps.
     */
    public double[] meanBestIou() {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i].meanBestTruthIou();
        }
        return out;
    }

    /**
     * Per kind, for the true instances some prediction overlaps: {sum of (predicted size of the best-IoU match) /
     * (true size), their number}; sums, so that volumes pool. Their mean above 1: masks drawn too wide.
     */
    public double[][] bestSizeRatioSums() {
        double[][] out = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i].bestSizeRatioSum();
        }
        return out;
    }

    /** Polarity scores (of {@link #polarity()} counts) at an IoU threshold. */
    public PolarityScores polarityScores(double iouThreshold) {
        if (!isPolarity()) {
            throw new IllegalStateException("instance counts score as instances");
        }
        return new PolarityScores(InstanceMatching.match(counts[0], iouThreshold), InstanceMatching.match(counts[1], iouThreshold),
                InstanceMatching.match(counts[2], iouThreshold));
    }
}
