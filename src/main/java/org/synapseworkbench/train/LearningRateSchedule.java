package org.synapseworkbench.train;

import java.util.Arrays;
import java.util.List;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.work.UserException;

/**
 * The learning rate at an iteration (0-based, before that iteration's step), as PyTC's schedulers:
 * WarmupCosineLR base x warm(t) x (1 + cos(pi t / ITERATION_TOTAL)) / 2; WarmupMultiStepLR base x warm(t) x
 * GAMMA^(steps passed); MultiStepLR base x GAMMA^(steps passed). warm(t) rises linearly from WARMUP_FACTOR to 1
 * over WARMUP_ITERS (or stays at WARMUP_FACTOR when WARMUP_METHOD is constant), then is 1. A step s counts as
 * passed from iteration s on.
 */
public final class LearningRateSchedule {
    /** The schedules of SOLVER.LR_SCHEDULER_NAME. */
    public enum Kind {
        WARMUP_COSINE("WarmupCosineLR"), WARMUP_MULTI_STEP("WarmupMultiStepLR"), MULTI_STEP("MultiStepLR");

        public final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private final Kind kind;
    private final double base;
    private final long total;
    private final double warmupFactor;
    private final long warmupIterations;
    private final boolean constantWarmup;
    private final long[] steps;
    private final double gamma;

    public LearningRateSchedule(Kind kind, double base, long total, double warmupFactor, long warmupIterations,
            boolean constantWarmup, long[] steps, double gamma) {
        this.kind = kind;
        this.base = base;
        this.total = total;
        this.warmupFactor = warmupFactor;
        this.warmupIterations = warmupIterations;
        this.constantWarmup = constantWarmup;
        this.steps = steps.clone();
        Arrays.sort(this.steps);
        this.gamma = gamma;
    }

    public static LearningRateSchedule fromConfig(Config config) {
        String name = config.solver().lrSchedulerName();
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.key.equals(name)).findFirst()
                .orElseThrow(() -> new UserException("SOLVER.LR_SCHEDULER_NAME " + name
                        + " is not supported; use WarmupCosineLR, WarmupMultiStepLR or MultiStepLR."));
        String method = config.solver().warmupMethod();
        if (!method.equals("linear") && !method.equals("constant")) {
            throw new UserException("SOLVER.WARMUP_METHOD " + method + " is not supported; use linear or constant.");
        }
        List<Integer> stepList = config.solver().steps();
        long[] steps = stepList == null ? new long[0] : stepList.stream().mapToLong(Integer::longValue).toArray();
        return new LearningRateSchedule(kind, config.solver().baseLr(), config.solver().iterationTotal(),
                config.solver().warmupFactor(), config.solver().warmupIters(), method.equals("constant"),
                steps, config.solver().gamma());
    }

    public Kind kind() {
        return kind;
    }

    /** Learning rate used by the step of iteration {@code t}. */
    public double at(long t) {
        return switch (kind) {
            case WARMUP_COSINE -> base * warm(t) * 0.5 * (1 + Math.cos(Math.PI * t / total));
            case WARMUP_MULTI_STEP -> base * warm(t) * Math.pow(gamma, passed(t));
            case MULTI_STEP -> base * Math.pow(gamma, passed(t));
        };
    }

    private double warm(long t) {
        if (t >= warmupIterations) {
            return 1;
        }
        if (constantWarmup) {
            return warmupFactor;
        }
        double alpha = (double) t / warmupIterations;
        return warmupFactor * (1 - alpha) + alpha;
    }

    private int passed(long t) {
        int n = 0;
        while (n < steps.length && steps[n] <= t) {
            n++;
        }
        return n;
    }
}
