package org.synapseworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;

class LearningRateScheduleTest {

    @Test
    void warmupCosineFollowsTheReferenceFormula() {
        LearningRateSchedule s = new LearningRateSchedule(LearningRateSchedule.Kind.WARMUP_COSINE, 0.02, 150000, 0.001, 1000,
                false, new long[0], 0.1);
        assertEquals(0.02 * 0.001, s.at(0), 1e-12);
        double t = 500;
        double warm = 0.001 * (1 - t / 1000) + t / 1000;
        assertEquals(0.02 * warm * 0.5 * (1 + Math.cos(Math.PI * t / 150000)), s.at(500), 1e-12);
        assertEquals(0.02 * 0.5 * (1 + Math.cos(Math.PI * 75000 / 150000)), s.at(75000), 1e-12);
        assertEquals(0.01, s.at(75000), 1e-12);
        assertEquals(0, s.at(150000), 1e-12);
    }

    @Test
    void multiStepDropsByGammaFromEachStepOn() {
        LearningRateSchedule s = new LearningRateSchedule(LearningRateSchedule.Kind.MULTI_STEP, 0.1, 100, 0.001, 10, false,
                new long[] {30, 60}, 0.1);
        assertEquals(0.1, s.at(0), 1e-12);
        assertEquals(0.1, s.at(29), 1e-12);
        assertEquals(0.01, s.at(30), 1e-12);
        assertEquals(0.001, s.at(60), 1e-12);
        LearningRateSchedule w = new LearningRateSchedule(LearningRateSchedule.Kind.WARMUP_MULTI_STEP, 0.1, 100, 0.5, 10, true,
                new long[] {30}, 0.1);
        assertEquals(0.05, w.at(3), 1e-12);
        assertEquals(0.1, w.at(10), 1e-12);
        assertEquals(0.01, w.at(40), 1e-12);
    }

    @Test
    void configChoosesTheSchedule() {
        Config c = ConfigLoader.merge(null, java.nio.file.Path.of("configs/Demo/Demo-Cleft.yaml"), List.of());
        LearningRateSchedule s = LearningRateSchedule.fromConfig(c);
        assertEquals(LearningRateSchedule.Kind.WARMUP_COSINE, s.kind());
        int warmup = c.getInt("SOLVER.WARMUP_ITERS");
        assertEquals(c.getDouble("SOLVER.BASE_LR") * 0.5 * (1 + Math.cos(Math.PI * warmup / c.getInt("SOLVER.ITERATION_TOTAL"))),
                s.at(warmup), 1e-12);
    }
}
