package org.synapseworkbench.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;

/**
 * One-to-one matching of predicted to true instances by IoU. Pairs above the threshold are taken greedily from
 * the highest IoU down; above 0.5 this is the only possible matching, since an instance can then overlap at most
 * one other by more than half of their union.
 */
public final class InstanceMatching {
    /** The IoU above which a predicted and a true instance match, unless told otherwise. */
    public static final double DEFAULT_IOU = 0.5;

    private InstanceMatching() {
    }

    /** Scores of two label volumes of one shape whose non-zero values are instance ids. */
    public static MatchScores match(Block predicted, Block truth, double iouThreshold) {
        InstanceOverlaps counts = InstanceOverlaps.instances();
        counts.add(predicted, truth);
        return counts.instanceScores(iouThreshold);
    }

    /**
     * Polarity scores of two volumes holding pre (2n-1) and post (2n) ids: synapses (pre and post of n together),
     * pre sides alone and post sides alone. CREMI's no-cleft and ignore values count as background.
     */
    public static PolarityScores polarity(Block predicted, Block truth, double iouThreshold) {
        InstanceOverlaps counts = InstanceOverlaps.polarity();
        counts.add(predicted, truth);
        return counts.polarityScores(iouThreshold);
    }

    /** The synapse n of a pre (2n-1) or post (2n) id. */
    static long synapse(long v) {
        return v == 0 ? 0 : (v + 1) / 2;
    }

    /** The synapse of a pre id (parity 1) or of a post id (parity 0), else 0. */
    static long side(long v, int parity) {
        return v != 0 && (v & 1) == parity ? (v + 1) / 2 : 0;
    }

    static MatchScores match(OverlapCounts counts, double iouThreshold) {
        if (!(iouThreshold >= 0 && iouThreshold < 1)) {
            throw new IllegalArgumentException("an IoU threshold lies in [0, 1), not " + iouThreshold);
        }
        record Candidate(long p, long t, double iou) {
        }
        List<Candidate> candidates = new ArrayList<>();
        counts.forEachPair((p, t, overlap) -> {
            double iou = (double) overlap / (counts.predictedSize(p) + counts.truthSize(t) - overlap);
            if (iou > iouThreshold) {
                candidates.add(new Candidate(p, t, iou));
            }
        });
        candidates.sort(Comparator.comparingDouble(Candidate::iou).reversed()
                .thenComparingLong(Candidate::p).thenComparingLong(Candidate::t));
        Set<Long> usedP = new HashSet<>();
        Set<Long> usedT = new HashSet<>();
        long matched = 0;
        for (Candidate c : candidates) {
            if (!usedP.contains(c.p) && !usedT.contains(c.t)) {
                usedP.add(c.p);
                usedT.add(c.t);
                matched++;
            }
        }
        return new MatchScores(matched, counts.predictedCount() - matched, counts.truthCount() - matched, iouThreshold);
    }

    interface RunAction {
        void accept(long predicted, long truth, long count);
    }

    /** Calls {@code action} once per run of voxels with the same (predicted, true) values, background included. */
    static void scan(Block predicted, Block truth, RunAction action) {
        int n = predicted.size();
        if (truth.size() != n) {
            throw new IllegalArgumentException("prediction and truth differ in size: " + predicted + " vs " + truth);
        }
        long lastP = 0;
        long lastT = 0;
        long run = 0;
        for (int i = 0; i < n; i++) {
            long p = label(predicted.getLong(i));
            long t = label(truth.getLong(i));
            if (p != lastP || t != lastT) {
                if (run > 0 && (lastP != 0 || lastT != 0)) {
                    action.accept(lastP, lastT, run);
                }
                lastP = p;
                lastT = t;
                run = 0;
            }
            run++;
        }
        if (run > 0 && (lastP != 0 || lastT != 0)) {
            action.accept(lastP, lastT, run);
        }
    }

    private static long label(long v) {
        return Cremi.objectOrZero(v);
    }
}
