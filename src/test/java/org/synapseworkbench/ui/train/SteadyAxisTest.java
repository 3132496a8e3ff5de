package org.synapseworkbench.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Axis bounds of the training charts, computed by hand. */
class SteadyAxisTest {
    private static final double EPS = 1e-12;

    @Test
    void aFirstValueGetsHalfItsSizeEachSideInRoundSteps() {
        // 0.7 +- 0.35 = 0.35..1.05; a fifth of 0.7 is 0.14, so steps of 0.2: 0.2..1.2
        assertArrayEquals(new double[] {0.2, 1.2, 0.2}, SteadyAxis.bounds(0.7, 0.7, null, false), EPS);
        // iterations: 0.5..1.5 in whole steps
        assertArrayEquals(new double[] {0, 2, 1}, SteadyAxis.bounds(1, 1, null, true), EPS);
        // negative values do not cross zero either: -3..-1 grows to -4..0
        assertArrayEquals(new double[] {-4, 0, 1}, SteadyAxis.bounds(-3, -1, null, false), EPS);
    }

    @Test
    void onlyTheSideThatTheValuesLeftMoves() {
        // iterations 1..3 leave 0..2 at the top: 3 + half the span of 2 = 4; the bottom stays
        assertArrayEquals(new double[] {0, 4, 1}, SteadyAxis.bounds(1, 3, new double[] {0, 2, 1}, true), EPS);
        // a loss falling to 0.1 below 0.2: 0.1 - 0.3 would cross zero, so 0; the top stays 1.2; steps of 0.5 round it to 1.5
        assertArrayEquals(new double[] {0, 1.5, 0.5}, SteadyAxis.bounds(0.1, 0.7, new double[] {0.2, 1.2, 0.2}, false), EPS);
    }

    @Test
    void tickUnitsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1e-4, SteadyAxis.roundUnit(1e-4), 1e-16);
        assertEquals(0.2, SteadyAxis.roundUnit(0.14), EPS);
        assertEquals(0.5, SteadyAxis.roundUnit(0.24), EPS);
        assertEquals(10, SteadyAxis.roundUnit(5.5), EPS);
        assertEquals(200, SteadyAxis.roundUnit(101), EPS);
    }
}
