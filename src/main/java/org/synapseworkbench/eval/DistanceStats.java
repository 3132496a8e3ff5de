package org.synapseworkbench.eval;

import java.util.Arrays;

/**
 * Summary of distances in nm, as CREMI reports them (numpy's mean, population std, max and median).
 *
 * @param count number of voxels the distances were taken at
 */
public record DistanceStats(long count, double mean, double std, double max, double median) {

    /** The statistics of {@code values[0..count)}; the array is sorted in place. Count must be positive. */
    static DistanceStats of(float[] values, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("no distances to summarise");
        }
        double sum = 0;
        double max = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
            max = Math.max(max, values[i]);
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        Arrays.parallelSort(values, 0, count);
        double median = count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + (double) values[count / 2]) / 2;
        return new DistanceStats(count, mean, Math.sqrt(squares / count), max, median);
    }
}
