package org.synapseworkbench.config;

import java.util.List;

/**
 * The SOLVER keys of a config, typed (the optimiser, its schedule and the iteration counts): the one place they are
 * read. Each accessor reads its key from the config as it is; a key that is None and required throws the {@link
 * org.synapseworkbench.work.UserException} of {@link Config}, when it is asked for.
 */
public final class SolverSection {
    private final Config c;

    SolverSection(Config c) {
        this.c = c;
    }

    /** {@code SOLVER.BASE_LR}, a value is required. */
    public double baseLr() {
        return c.getDouble("SOLVER.BASE_LR");
    }

    /** {@code SOLVER.BETAS}, null when None. */
    public List<Double> betas() {
        return c.getDoubleList("SOLVER.BETAS");
    }

    /** {@code SOLVER.CLIP_GRADIENTS.CLIP_TYPE}, null when None. */
    public String clipGradientsClipType() {
        return c.getString("SOLVER.CLIP_GRADIENTS.CLIP_TYPE");
    }

    /** {@code SOLVER.CLIP_GRADIENTS.CLIP_VALUE}, a value is required. */
    public double clipGradientsClipValue() {
        return c.getDouble("SOLVER.CLIP_GRADIENTS.CLIP_VALUE");
    }

    /** {@code SOLVER.CLIP_GRADIENTS.ENABLED}, a value is required. */
    public boolean clipGradientsEnabled() {
        return c.getBool("SOLVER.CLIP_GRADIENTS.ENABLED");
    }

    /** {@code SOLVER.GAMMA}, a value is required. */
    public double gamma() {
        return c.getDouble("SOLVER.GAMMA");
    }

    /** {@code SOLVER.ITERATION_RESTART}, a value is required. */
    public boolean iterationRestart() {
        return c.getBool("SOLVER.ITERATION_RESTART");
    }

    /** {@code SOLVER.ITERATION_SAVE}, a value is required. */
    public int iterationSave() {
        return c.getInt("SOLVER.ITERATION_SAVE");
    }

    /** {@code SOLVER.ITERATION_TOTAL}, a value is required. */
    public int iterationTotal() {
        return c.getInt("SOLVER.ITERATION_TOTAL");
    }

    /** {@code SOLVER.LR_SCHEDULER_NAME}, null when None. */
    public String lrSchedulerName() {
        return c.getString("SOLVER.LR_SCHEDULER_NAME");
    }

    /** {@code SOLVER.MOMENTUM}, a value is required. */
    public double momentum() {
        return c.getDouble("SOLVER.MOMENTUM");
    }

    /** {@code SOLVER.NAME}, null when None. */
    public String name() {
        return c.getString("SOLVER.NAME");
    }

    /** {@code SOLVER.SAMPLES_PER_BATCH}, a value is required. */
    public int samplesPerBatch() {
        return c.getInt("SOLVER.SAMPLES_PER_BATCH");
    }

    /** {@code SOLVER.STEPS}, null when None. */
    public List<Integer> steps() {
        return c.getIntList("SOLVER.STEPS");
    }

    /** {@code SOLVER.SWA.ENABLED}, a value is required. */
    public boolean swaEnabled() {
        return c.getBool("SOLVER.SWA.ENABLED");
    }

    /** {@code SOLVER.WARMUP_FACTOR}, a value is required. */
    public double warmupFactor() {
        return c.getDouble("SOLVER.WARMUP_FACTOR");
    }

    /** {@code SOLVER.WARMUP_ITERS}, a value is required. */
    public int warmupIters() {
        return c.getInt("SOLVER.WARMUP_ITERS");
    }

    /** {@code SOLVER.WARMUP_METHOD}, null when None. */
    public String warmupMethod() {
        return c.getString("SOLVER.WARMUP_METHOD");
    }

    /** {@code SOLVER.WEIGHT_DECAY}, a value is required. */
    public double weightDecay() {
        return c.getDouble("SOLVER.WEIGHT_DECAY");
    }

    /** {@code SOLVER.WEIGHT_DECAY_BIAS}, a value is required. */
    public double weightDecayBias() {
        return c.getDouble("SOLVER.WEIGHT_DECAY_BIAS");
    }

    /** {@code SOLVER.WEIGHT_DECAY_NORM}, a value is required. */
    public double weightDecayNorm() {
        return c.getDouble("SOLVER.WEIGHT_DECAY_NORM");
    }
}
