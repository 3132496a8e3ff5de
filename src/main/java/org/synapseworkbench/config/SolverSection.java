package org.synapseworkbench.config;

import java.util.List;

/**
 * The SOLVER keys of a config, typed (the optimiser, its schedule and the iteration counts), read all at once by
 * {@link Config#solver()}: the one place they are read. Each component is the key its name spells ({@link
 * SectionReader}).
 *
 * @param baseLr SOLVER.BASE_LR: Learning rate after warm-up
 * @param betas SOLVER.BETAS: Adam beta1 and beta2
 * @param clipGradientsClipType SOLVER.CLIP_GRADIENTS.CLIP_TYPE: Clip by value or by norm
 * @param clipGradientsClipValue SOLVER.CLIP_GRADIENTS.CLIP_VALUE: Clipping threshold
 * @param clipGradientsEnabled SOLVER.CLIP_GRADIENTS.ENABLED: Clip gradients
 * @param gamma SOLVER.GAMMA: Learning-rate factor at each step of a multi-step schedule
 * @param iterationRestart SOLVER.ITERATION_RESTART: PyTorch Connectomics option, kept and saved as set
 * @param iterationSave SOLVER.ITERATION_SAVE: Save a checkpoint every this many iterations
 * @param iterationTotal SOLVER.ITERATION_TOTAL: Total training iterations
 * @param lrSchedulerName SOLVER.LR_SCHEDULER_NAME: Learning-rate schedule: MultiStepLR, WarmupMultiStepLR or
 *     WarmupCosineLR
 * @param momentum SOLVER.MOMENTUM: SGD momentum
 * @param name SOLVER.NAME: Optimiser: SGD, Adam or AdamW
 * @param samplesPerBatch SOLVER.SAMPLES_PER_BATCH: Patches per training batch
 * @param steps SOLVER.STEPS: Iterations at which a multi-step schedule multiplies the rate by GAMMA
 * @param swaEnabled SOLVER.SWA.ENABLED: Stochastic weight averaging (PyTC); not reproduced here, so True is refused
 *     by train
 * @param warmupFactor SOLVER.WARMUP_FACTOR: Starting fraction of the learning rate during warm-up
 * @param warmupIters SOLVER.WARMUP_ITERS: Length of the linear warm-up
 * @param warmupMethod SOLVER.WARMUP_METHOD: Warm-up shape: linear or constant
 * @param weightDecay SOLVER.WEIGHT_DECAY: Weight decay (not applied to norms and biases)
 * @param weightDecayBias SOLVER.WEIGHT_DECAY_BIAS: Weight decay of biases
 * @param weightDecayNorm SOLVER.WEIGHT_DECAY_NORM: Weight decay of normalisation layers
 */
public record SolverSection(double baseLr, List<Double> betas, String clipGradientsClipType,
        double clipGradientsClipValue, boolean clipGradientsEnabled, double gamma, boolean iterationRestart,
        int iterationSave, int iterationTotal, String lrSchedulerName, double momentum, String name,
        int samplesPerBatch, List<Integer> steps, boolean swaEnabled, double warmupFactor, int warmupIters,
        String warmupMethod, double weightDecay, double weightDecayBias, double weightDecayNorm) {
}
