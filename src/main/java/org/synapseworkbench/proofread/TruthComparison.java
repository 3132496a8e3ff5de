package org.synapseworkbench.proofread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Cancellation;

/**
 * Predicted instances against ground truth, for checking a model where the answer is known (its training data): a
 * prediction and a truth instance match when their intersection over union reaches a threshold (greedily, best pairs
 * first, each instance matched at most once; above 0.5 a match is unique anyway). What is left are the true misses
 * (truth with no match) and the false detections (predictions with no match). Polarity ids are compared per synapse.
 */
public final class TruthComparison {
    private TruthComparison() {
    }

    /** The instances left unmatched, as {@link InstanceTable} measures them, and how many pairs matched. */
    public record Result(List<InstanceTable.Instance> misses, List<InstanceTable.Instance> falseDetections, int matched) {
    }

    public static Result compare(Volume predicted, Volume truth, boolean polarity, double iou, Cancellation cancelled) {
        if (!Arrays.equals(predicted.spatialShape(), truth.spatialShape())) {
            throw new IllegalArgumentException("The prediction " + predicted.name() + " has shape "
                    + Arrays.toString(predicted.spatialShape()) + " but the ground truth " + truth.name() + " has "
                    + Arrays.toString(truth.spatialShape()) + "; compare volumes of the same region.");
        }
        if (!(iou > 0 && iou <= 1)) {
            throw new IllegalArgumentException("The IoU threshold must be above 0 and at most 1, not " + iou + "; PyTC uses 0.5.");
        }
        List<InstanceTable.Instance> pred = InstanceTable.measure(predicted, null, polarity, null, cancelled);
        List<InstanceTable.Instance> real = InstanceTable.measure(truth, null, polarity, null, cancelled);
        Map<Long, Long> predSize = new HashMap<>();
        pred.forEach(i -> predSize.put(i.id(), i.voxels()));
        Map<Long, Long> realSize = new HashMap<>();
        real.forEach(i -> realSize.put(i.id(), i.voxels()));

        Map<Long, Map<Long, long[]>> overlap = new HashMap<>(); // prediction -> truth -> shared voxels
        int[] shape = predicted.spatialShape();
        for (int z = 0; z < shape[0]; z++) {
            if (cancelled != null && cancelled.isCancelled()) {
                break;
            }
            Block p = predicted.readSection(z);
            Block t = truth.readSection(z);
            long lastP = 0;
            long lastT = 0;
            long[] count = null;
            for (int i = 0; i < p.size(); i++) {
                long a = p.getLong(i);
                long b = t.getLong(i);
                if (!Cremi.isObject(a) || !Cremi.isObject(b)) {
                    continue;
                }
                if (polarity) {
                    a = SynapseIds.synapse(a);
                    b = SynapseIds.synapse(b);
                }
                if (a != lastP || b != lastT || count == null) {
                    count = overlap.computeIfAbsent(a, k -> new HashMap<>()).computeIfAbsent(b, k -> new long[1]);
                    lastP = a;
                    lastT = b;
                }
                count[0]++;
            }
        }
        record Pair(long pred, long truth, double iou) {
        }
        List<Pair> pairs = new ArrayList<>();
        overlap.forEach((a, byTruth) -> byTruth.forEach((b, n) -> {
            double u = (double) n[0] / (predSize.get(a) + realSize.get(b) - n[0]);
            if (u >= iou) {
                pairs.add(new Pair(a, b, u));
            }
        }));
        pairs.sort((x, y) -> Double.compare(y.iou(), x.iou()));
        Set<Long> matchedPred = new HashSet<>();
        Set<Long> matchedTruth = new HashSet<>();
        for (Pair q : pairs) {
            if (!matchedPred.contains(q.pred()) && !matchedTruth.contains(q.truth())) {
                matchedPred.add(q.pred());
                matchedTruth.add(q.truth());
            }
        }
        return new Result(real.stream().filter(i -> !matchedTruth.contains(i.id())).toList(),
                pred.stream().filter(i -> !matchedPred.contains(i.id())).toList(), matchedPred.size());
    }
}
