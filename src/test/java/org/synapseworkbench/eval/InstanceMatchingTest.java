package org.synapseworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;

/**
 * One line of 100 voxels. Truth: synapse 1 = pre x 0..9, post x 10..19; synapse 2 = pre x 40..49, post x 50..59.
 * Prediction: synapse 1 with pre and post swapped; synapse 2 = pre x 44..49, post x 50..53 (10 of truth's 20
 * voxels: IoU 0.5 exactly, not above); synapse 3 = x 80..99, where nothing is.
 */
class InstanceMatchingTest {
    private static Block line(long... runs) {
        Block b = Block.zeros(DataType.UINT64, 1, 1, 100);
        for (int r = 0; r < runs.length; r += 3) {
            for (long x = runs[r]; x < runs[r + 1]; x++) {
                b.setLong((int) x, runs[r + 2]);
            }
        }
        return b;
    }

    private static final Block TRUTH = line(0, 10, 1, 10, 20, 2, 40, 50, 3, 50, 60, 4);
    private static final Block PREDICTION = line(0, 10, 2, 10, 20, 1, 44, 50, 3, 50, 54, 4, 80, 90, 5, 90, 100, 6);

    @Test
    void synapsesPreAndPostAreMatchedSeparately() {
        PolarityScores s = InstanceMatching.polarity(PREDICTION, TRUTH, 0.5);
        assertScores(s.synapses(), 1, 2, 1);
        assertEquals(1.0 / 3, s.synapses().precision().getAsDouble(), 1e-12);
        assertEquals(0.5, s.synapses().recall().getAsDouble(), 1e-12);
        assertEquals(0.4, s.synapses().f1().getAsDouble(), 1e-12);
        assertScores(s.pre(), 1, 2, 1); // predicted pre x 44..49 covers 6 of truth's 10: IoU 0.6
        assertScores(s.post(), 0, 3, 2); // predicted post x 50..53: IoU 0.4; the swapped sides do not overlap
        assertEquals(0.0, s.post().f1().getAsDouble());
    }

    @Test
    void meanBestIouAveragesOverTrueInstancesWithZeroWhereNothingOverlaps() {
        InstanceOverlaps counts = InstanceOverlaps.polarity();
        counts.add(PREDICTION, TRUTH);
        double[] iou = counts.meanBestIou();
        assertEquals(0.75, iou[0], 1e-12); // synapse 1 exact (1), synapse 2 half (10 of 20)
        assertEquals(0.3, iou[1], 1e-12); // pre 1 overlaps no predicted pre (0), pre 2 6/10
        assertEquals(0.2, iou[2], 1e-12); // post 1 none (0), post 2 4/10
        assertTrue(Double.isNaN(InstanceOverlaps.instances().meanBestIou()[0]));
    }

    @Test
    void sizeRatiosOfTheBestMatchesSayHowWideMasksAreDrawn() {
        InstanceOverlaps counts = InstanceOverlaps.polarity();
        counts.add(PREDICTION, TRUTH);
        double[][] r = counts.bestSizeRatioSums();
        assertEquals(1.5, r[0][0], 1e-12); // synapse 1 drawn whole (20 / 20), synapse 2 half (10 / 20)
        assertEquals(2, r[0][1]);
        assertEquals(0.6, r[1][0], 1e-12); // pre 2: 6 of 10; pre 1 overlaps no predicted pre and is left out
        assertEquals(1, r[1][1]);
        assertEquals(0.4, r[2][0], 1e-12); // post 2: 4 of 10
        assertEquals(1, r[2][1]);
    }

    @Test
    void countsOfPartsCutThroughInstancesAddUpToTheWhole() {
        InstanceOverlaps parts = InstanceOverlaps.polarity();
        for (int[] cut : new int[][] {{0, 5}, {5, 47}, {47, 100}}) { // cuts through truth 1 and predicted 3
            InstanceOverlaps part = InstanceOverlaps.polarity();
            part.add(part(PREDICTION, cut), part(TRUTH, cut));
            parts.addAll(part);
        }
        PolarityScores s = parts.polarityScores(0.5);
        assertScores(s.synapses(), 1, 2, 1);
        assertScores(s.pre(), 1, 2, 1);
        assertScores(s.post(), 0, 3, 2);
        assertEquals(InstanceMatching.polarity(PREDICTION, TRUTH, 0.3), parts.polarityScores(0.3));
    }

    private static Block part(Block line, int[] cut) {
        Block b = Block.zeros(DataType.UINT64, 1, 1, cut[1] - cut[0]);
        b.copyFrom(line, new int[] {0, 0, cut[0]}, new int[3], b.shape());
        return b;
    }

    @Test
    void aLowerThresholdAcceptsHalfOverlaps() {
        PolarityScores s = InstanceMatching.polarity(PREDICTION, TRUTH, 0.3);
        assertScores(s.synapses(), 2, 1, 0);
        assertScores(s.post(), 1, 2, 1);
    }

    @Test
    void matchingIsOneToOneFromTheHighestIou() {
        // one prediction (x 0..29) over truth a (x 0..19, IoU 2/3) and truth b (x 20..29, IoU 1/3)
        Block truth = line(0, 20, 7, 20, 30, 8);
        Block pred = line(0, 30, 1, 60, 70, 2);
        MatchScores s = InstanceMatching.match(pred, truth, 0.2);
        assertScores(s, 1, 1, 1);
        MatchScores strict = InstanceMatching.match(pred, truth, 0.7);
        assertScores(strict, 0, 2, 2);
    }

    @Test
    void cremiBackgroundValuesAreBackground() {
        Block truth = line(0, 100, Cremi.NO_CLEFT, 0, 10, 5, 50, 60, Cremi.IGNORE);
        Block pred = line(0, 10, 9);
        assertScores(InstanceMatching.match(pred, truth, 0.5), 1, 0, 0);
    }

    @Test
    void emptyVolumesGiveNoScoreRatherThanNaN() {
        Block empty = Block.zeros(DataType.UINT64, 1, 1, 100);
        MatchScores none = InstanceMatching.match(empty, empty, 0.5);
        assertTrue(none.f1().isEmpty());
        assertTrue(none.precision().isEmpty());
        MatchScores missed = InstanceMatching.match(empty, TRUTH, 0.5);
        assertTrue(missed.precision().isEmpty());
        assertEquals(0.0, missed.recall().getAsDouble());
        assertEquals(0.0, missed.f1().getAsDouble());
    }

    private static void assertScores(MatchScores s, long tp, long fp, long fn) {
        assertEquals(tp, s.truePositives(), "TP");
        assertEquals(fp, s.falsePositives(), "FP");
        assertEquals(fn, s.falseNegatives(), "FN");
    }
}
