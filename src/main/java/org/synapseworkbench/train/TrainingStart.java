package org.synapseworkbench.train;

import java.nio.file.Path;
import java.util.List;

/**
 * How a run begins: where it starts, on what device, with which model and where it writes.
 *
 * @param firstIteration iterations already done (non-zero when resumed from a checkpoint)
 * @param resumedFrom the checkpoint loaded, or null
 */
public record TrainingStart(long firstIteration, long totalIterations, String device, String model, long parameters,
        List<String> partNames, Path outputDirectory, Path resumedFrom, int[] inputSize, int batchSize) {
}
