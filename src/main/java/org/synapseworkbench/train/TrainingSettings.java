package org.synapseworkbench.train;

import java.util.List;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.augment.Augmentor;
import org.synapseworkbench.model.ModelSpec;
import org.synapseworkbench.work.UserException;

/**
 * Everything a run reads from its config, read and checked before any file is opened or the engine starts, so
 * that {@code config --validate} can ask the very same questions (see {@code workflow.ConfigCheck}).
 */
public record TrainingSettings(ModelSpec spec, LossFunction loss, Solver.Settings solver, LearningRateSchedule schedule,
                       Augmentor augmentor, int[] inputSize, int batchSize, long total, int saveEvery, int snapshotEvery,
                       int rejectSize, double rejectP, int rejectTrials, double mean, double std, int cpus,
                       int gpus, boolean restart) {

    /** @throws UserException naming the first key training cannot use */
    public static TrainingSettings fromConfig(Config config) {
        ModelSpec spec = ModelSpec.fromConfig(config);
        LossFunction lossFunction = LossFunction.fromConfig(config);
        if (spec.inPlanes() != 1) {
            throw new UserException("MODEL.IN_PLANES is " + spec.inPlanes()
                    + " but training images have one channel; set MODEL.IN_PLANES 1.");
        }
        List<Integer> size = config.model().inputSize();
        if (size == null || size.size() != 3) {
            throw new UserException("MODEL.INPUT_SIZE needs 3 numbers (z, y, x), but is " + size + ".");
        }
        int[] inputSize = size.stream().mapToInt(Integer::intValue).toArray();
        int batchSize = config.solver().samplesPerBatch();
        if (batchSize < 1) {
            throw new UserException("SOLVER.SAMPLES_PER_BATCH must be at least 1, but is " + batchSize + ".");
        }
        List<Integer> monitor = config.monitor().iterationNum();
        int snapshotEvery = monitor != null && monitor.size() > 1 ? Math.max(1, monitor.get(1)) : 200;
        if (config.augmentor().copypasteEnabled() && config.augmentor().enabled()) {
            throw new UserException("AUGMENTOR.COPYPASTE.ENABLED is True, but copy-paste augmentation is not reproduced "
                    + "here; set it False.");
        }
        Augmentor augmentor = config.augmentor().enabled() ? Augmentor.fromConfig(config) : null;
        List<Integer> pad = config.dataset().padSize();
        if (pad == null || pad.size() != 3) {
            throw new UserException("DATASET.PAD_SIZE needs 3 numbers (z, y, x), but is " + pad + ".");
        }
        return new TrainingSettings(spec, lossFunction, Solver.Settings.fromConfig(config), LearningRateSchedule.fromConfig(config),
                augmentor, inputSize, batchSize, config.solver().iterationTotal(),
                Math.max(1, config.solver().iterationSave()), snapshotEvery,
                config.dataset().rejectSamplingSizeThres(), config.dataset().rejectSamplingP(),
                config.dataset().rejectSamplingNumTrial(), config.dataset().mean(),
                config.dataset().std(), config.system().numCpus(), config.system().numGpus(),
                config.solver().iterationRestart());
    }
}
