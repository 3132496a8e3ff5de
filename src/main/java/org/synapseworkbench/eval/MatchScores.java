package org.synapseworkbench.eval;

import java.util.OptionalDouble;

/**
 * Detection scores of instances matched one-to-one by IoU.
 *
 * @param truePositives matched pairs
 * @param falsePositives predicted instances left unmatched
 * @param falseNegatives true instances left unmatched
 * @param iouThreshold a pair matches when its IoU is above this
 */
public record MatchScores(long truePositives, long falsePositives, long falseNegatives, double iouThreshold) {

    /** TP / (TP + FP); empty when nothing is predicted. */
    public OptionalDouble precision() {
        long d = truePositives + falsePositives;
        return d == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) truePositives / d);
    }

    /** TP / (TP + FN); empty when there is nothing to find. */
    public OptionalDouble recall() {
        long d = truePositives + falseNegatives;
        return d == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) truePositives / d);
    }

    /** 2 TP / (2 TP + FP + FN); empty when neither side has an instance. */
    public OptionalDouble f1() {
        long d = 2 * truePositives + falsePositives + falseNegatives;
        return d == 0 ? OptionalDouble.empty() : OptionalDouble.of(2.0 * truePositives / d);
    }

    public long predicted() {
        return truePositives + falsePositives;
    }

    public long truth() {
        return truePositives + falseNegatives;
    }
}
