package org.synapseworkbench.eval;

/**
 * Voxel-wise precision, recall and F1 of a binary prediction against a binary truth.
 *
 * @param truePositives voxels set in both
 * @param falsePositives voxels predicted but not true
 * @param falseNegatives true voxels not predicted
 */
public record BinaryScores(long truePositives, long falsePositives, long falseNegatives) {

    /** Counts over two masks of the same length. */
    public static BinaryScores of(boolean[] predicted, boolean[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("masks differ in length: " + predicted.length + " vs " + truth.length);
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] && truth[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (truth[i]) {
                fn++;
            }
        }
        return new BinaryScores(tp, fp, fn);
    }

    /** NaN when nothing is predicted. */
    public double precision() {
        return (double) truePositives / (truePositives + falsePositives);
    }

    /** NaN when nothing is true. */
    public double recall() {
        return (double) truePositives / (truePositives + falseNegatives);
    }

    /** 2 TP / (2 TP + FP + FN); 1 when both masks are empty. */
    public double f1() {
        long d = 2 * truePositives + falsePositives + falseNegatives;
        return d == 0 ? 1 : 2.0 * truePositives / d;
    }
}
