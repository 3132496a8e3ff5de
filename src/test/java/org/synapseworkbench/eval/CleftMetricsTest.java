package org.synapseworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A cleft along x at z 0 (x 10..19); the prediction covers x 12..21 and one stray voxel at z 2, x 90.
 * By hand, at 40 x 4 x 4 nm: predicted voxels lie 0 (8 of them), 4, 8 and sqrt(80^2 + 284^2) = 295.05 nm from the
 * truth; true voxels lie 8, 4 and 0 (8 of them) from the prediction.
 */
class CleftMetricsTest {
    private static final int[] SHAPE = {3, 1, 100};
    private static final double[] CREMI = {40, 4, 4};

    private static boolean[] truth() {
        boolean[] t = new boolean[300];
        for (int x = 10; x < 20; x++) {
            t[x] = true;
        }
        return t;
    }

    private static boolean[] prediction() {
        boolean[] p = new boolean[300];
        for (int x = 12; x < 22; x++) {
            p[x] = true;
        }
        p[200 + 90] = true;
        return p;
    }

    @Test
    void distancesAndCountsMatchTheHandValues() {
        CleftScores s = CleftMetrics.score(prediction(), truth(), null, SHAPE, CREMI);
        double stray = Math.sqrt(80 * 80 + 284 * 284);
        assertEquals(1, s.falsePositives());
        assertEquals(0, s.falseNegatives());
        assertEquals(11, s.predictedVoxels());
        assertEquals(10, s.truthVoxels());
        DistanceStats adgt = s.adgt().orElseThrow();
        assertEquals(11, adgt.count());
        assertEquals((4 + 8 + stray) / 11, adgt.mean(), 1e-4);
        assertEquals(stray, adgt.max(), 1e-3);
        assertEquals(0, adgt.median());
        DistanceStats adf = s.adf().orElseThrow();
        assertEquals(1.2, adf.mean(), 1e-6);
        assertEquals(Math.sqrt(6.56), adf.std(), 1e-6);
        assertEquals(8, adf.max(), 1e-6);
        assertEquals(0, adf.median());
        assertEquals(((4 + 8 + stray) / 11 + 1.2) / 2, s.cremiScore().getAsDouble(), 1e-4);
        assertTrue(s.undefinedReason().isEmpty());
    }

    @Test
    void medianOfAnEvenCountAveragesTheMiddlePair() {
        boolean[] p = new boolean[300];
        p[10] = true;
        boolean[] t = new boolean[300];
        t[9] = true;
        t[12] = true; // distances 4 and 8 from the prediction
        CleftScores s = CleftMetrics.score(p, t, null, SHAPE, CREMI);
        assertEquals(6, s.adf().orElseThrow().median(), 1e-6);
    }

    @Test
    void ignoredVoxelsCountOnNeitherSide() {
        boolean[] ignore = new boolean[300];
        ignore[200 + 90] = true;
        CleftScores s = CleftMetrics.score(prediction(), truth(), ignore, SHAPE, CREMI);
        assertEquals(0, s.falsePositives());
        assertEquals(10, s.predictedVoxels());
        assertEquals(12.0 / 10, s.adgt().orElseThrow().mean(), 1e-6);
    }

    @Test
    void anEmptyPredictionMissesEverythingAndLeavesDistancesUndefined() {
        CleftScores s = CleftMetrics.score(new boolean[300], truth(), null, SHAPE, CREMI);
        assertEquals(0, s.falsePositives());
        assertEquals(10, s.falseNegatives());
        assertTrue(s.adgt().isEmpty());
        assertTrue(s.adf().isEmpty());
        assertTrue(s.cremiScore().isEmpty());
        assertTrue(s.undefinedReason().orElseThrow().contains("prediction has no cleft voxel"));
    }

    @Test
    void anEmptyTruthMakesEveryPredictionFalse() {
        CleftScores s = CleftMetrics.score(prediction(), new boolean[300], null, SHAPE, CREMI);
        assertEquals(11, s.falsePositives());
        assertEquals(0, s.falseNegatives());
        assertFalse(s.cremiScore().isPresent());
        assertTrue(s.undefinedReason().orElseThrow().contains("truth has no cleft voxel"));
    }
}
