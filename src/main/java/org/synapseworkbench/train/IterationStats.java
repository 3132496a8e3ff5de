package org.synapseworkbench.train;

import java.util.List;

/**
 * What one training iteration reports.
 *
 * @param iteration iterations completed (1 after the first step)
 * @param total iterations of the run (ITERATION_TOTAL)
 * @param loss the total loss
 * @param parts each loss term before its factor, named by {@link TrainingStart#partNames()}
 * @param seconds wall time of this iteration, data waiting included
 * @param waitSeconds time this iteration waited for its batch
 * @param etaSeconds estimated time to ITERATION_TOTAL from the recent pace
 */
public record IterationStats(long iteration, long total, double loss, double[] parts, double learningRate,
        double seconds, double waitSeconds, double etaSeconds) {

    public double iterationsPerSecond() {
        return seconds > 0 ? 1 / seconds : 0;
    }

    /** Same names as {@link TrainingStart#partNames()}. */
    public static String format(IterationStats s, List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.parts.length && i < names.size(); i++) {
            b.append(' ').append(names.get(i)).append(' ').append(String.format("%.4f", s.parts[i]));
        }
        return b.toString();
    }
}
