package org.synapseworkbench.proofread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;

/** True misses and false detections on hand-built instances, IoU worked out by hand. */
class TruthComparisonTest {
    private static InMemoryVolume v(String name, long... ids) {
        return new InMemoryVolume(name, Block.wrap(DataType.UINT64, ids, 1, 4, 6), new double[] {40, 4, 4});
    }

    private static final InMemoryVolume TRUTH = v("truth",
            1, 1, 1, 1, 0, 0,
            0, 0, 0, 0, 0, 3,
            0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 2, 2);
    private static final InMemoryVolume PREDICTED = v("predicted",
            0, 7, 7, 7, 0, 0,  // 7 on 3 of truth 1's 4 voxels: IoU 3 / 4
            0, 0, 0, 0, 0, 0,
            8, 8, 0, 0, 0, 0,  // 8 on no truth
            0, 0, 0, 0, 0, 9); // 9 on 1 of truth 2's 2 voxels: IoU 1 / 2

    private static List<Long> ids(List<InstanceTable.Instance> l) {
        return l.stream().map(InstanceTable.Instance::id).toList();
    }

    @Test
    void unmatchedTruthIsMissedAndUnmatchedPredictionsAreFalse() {
        TruthComparison.Result r = TruthComparison.compare(PREDICTED, TRUTH, false, 0.5, null);
        assertEquals(2, r.matched(), "7 with 1 (0.75), 9 with 2 (exactly 0.5)");
        assertEquals(List.of(3L), ids(r.misses()));
        assertEquals(List.of(8L), ids(r.falseDetections()));
        TruthComparison.Result strict = TruthComparison.compare(PREDICTED, TRUTH, false, 0.6, null);
        assertEquals(1, strict.matched());
        assertEquals(List.of(2L, 3L), ids(strict.misses()));
        assertEquals(List.of(8L, 9L), ids(strict.falseDetections()));

        ReviewQueue q = ReviewQueue.of(List.of(), List.of(), strict);
        assertEquals(List.of(ReviewQueue.Kind.TRUE_MISS, ReviewQueue.Kind.TRUE_MISS, ReviewQueue.Kind.FALSE_DETECTION,
                ReviewQueue.Kind.FALSE_DETECTION), q.items().stream().map(ReviewQueue.Item::kind).toList());
        assertEquals(2, q.items().get(0).id(), "the larger miss first");
    }

    /** The same clefts in CREMI's layout: background 2^64 - 1, one voxel "ignore" (2^64 - 2). */
    private static InMemoryVolume cremi(InMemoryVolume v, long background) {
        Block b = v.read(new int[] {0, 0, 0}, new int[] {1, 4, 6});
        for (int i = 0; i < b.size(); i++) {
            if (b.getLong(i) == 0) {
                b.setLong(i, background);
            }
        }
        b.setLong(b.index(0, 2, 5), Cremi.IGNORE);
        return new InMemoryVolume(v.name(), b, new double[] {40, 4, 4});
    }

    @Test
    void cremiBackgroundAndIgnoreAreNoInstances() {
        InMemoryVolume truth = cremi(TRUTH, Cremi.NO_CLEFT);
        assertEquals(List.of(1L, 2L, 3L), ids(InstanceTable.measure(truth, null, false, null, null)));
        for (InMemoryVolume pred : List.of(PREDICTED, cremi(PREDICTED, Cremi.NO_CLEFT))) {
            TruthComparison.Result r = TruthComparison.compare(pred, truth, false, 0.5, null);
            assertEquals(2, r.matched(), pred.name());
            assertEquals(List.of(3L), ids(r.misses()), "no miss with id -1 or -2");
            assertEquals(List.of(8L), ids(r.falseDetections()));
            ReviewQueue q = ReviewQueue.of(List.of(), List.of(), r);
            assertEquals(2, q.items().size());
        }
        // polarity in CREMI's layout: synapse 1 (ids 1, 2) against its prediction as synapse 2 (ids 3, 4)
        InMemoryVolume polTruth = v("truth", 1, 1, 2, 2, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                -1, -1, -2, -2);
        InMemoryVolume polPred = v("pred", 3, 4, 4, 4, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                -1, -1, -1, -1);
        TruthComparison.Result p = TruthComparison.compare(polPred, polTruth, true, 0.5, null);
        assertEquals(1, p.matched());
        assertEquals(List.of(), p.misses());
        assertEquals(List.of(), p.falseDetections());
    }

    @Test
    void polaritySidesAreComparedPerSynapse() {
        InMemoryVolume truth = v("truth", 1, 1, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        InMemoryVolume pred = v("pred", 3, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        TruthComparison.Result r = TruthComparison.compare(pred, truth, true, 0.5, null);
        assertEquals(1, r.matched(), "synapse 2 of the prediction is synapse 1 of the truth, sides aside");
        assertEquals(List.of(), r.misses());
        assertThrows(IllegalArgumentException.class, () -> TruthComparison.compare(pred, truth, true, 0, null));
        assertThrows(IllegalArgumentException.class, () -> TruthComparison.compare(pred, new InMemoryVolume("small",
                Block.zeros(DataType.UINT64, 1, 4, 5), new double[] {1, 1, 1}), true, 0.5, null));
    }
}
