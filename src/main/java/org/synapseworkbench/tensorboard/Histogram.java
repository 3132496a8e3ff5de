package org.synapseworkbench.tensorboard;

/**
 * Summary statistics and equal-width buckets of a float array, in the shape of TensorFlow's
 * {@code HistogramProto}. Bucket {@code i} counts values in {@code (limits[i-1], limits[i]]}; the first
 * bucket also holds the minimum. Non-finite values (NaN, infinities) are skipped.
 */
record Histogram(double min, double max, double num, double sum, double sumSquares,
                 double[] bucketLimits, double[] bucketCounts) {

    /** Bucket count used by {@link #of(float[])}; TensorBoard re-bins for display anyway. */
    static final int DEFAULT_BUCKETS = 30;

    static Histogram of(float[] values) {
        return of(values, DEFAULT_BUCKETS);
    }

    static Histogram of(float[] values, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long num = 0;
        double sum = 0;
        double sumSquares = 0;
        for (float f : values) {
            if (!Float.isFinite(f)) {
                continue;
            }
            double v = f;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumSquares += v * v;
            num++;
        }
        if (num == 0) {
            return new Histogram(0, 0, 0, 0, 0, new double[0], new double[0]);
        }
        if (max == min) {
            // One bucket; TensorBoard takes the left edge of the first bucket from min.
            return new Histogram(min, max, num, sum, sumSquares, new double[] {max}, new double[] {num});
        }
        double width = (max - min) / buckets;
        double[] limits = new double[buckets];
        for (int i = 0; i < buckets - 1; i++) {
            limits[i] = min + (i + 1) * width;
        }
        limits[buckets - 1] = max;
        double[] counts = new double[buckets];
        for (float f : values) {
            if (Float.isFinite(f)) {
                int i = (int) Math.ceil((f - min) / width) - 1;
                counts[Math.max(0, Math.min(buckets - 1, i))]++;
            }
        }
        return new Histogram(min, max, num, sum, sumSquares, limits, counts);
    }
}
