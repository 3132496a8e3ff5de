package org.synapseworkbench.eval;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * CREMI's cleft scores of a prediction against the truth.
 *
 * @param falsePositives predicted voxels farther than {@link CleftMetrics#COUNT_DISTANCE_NM} from every true cleft voxel
 * @param falseNegatives true voxels farther than that from every predicted voxel
 * @param predictedVoxels predicted cleft voxels (outside the ignored region)
 * @param truthVoxels true cleft voxels (outside the ignored region)
 * @param adgt distances of predicted voxels to the truth; empty when either side has no cleft voxel
 * @param adf distances of true voxels to the prediction; empty when either side has no cleft voxel
 */
public record CleftScores(long falsePositives, long falseNegatives, long predictedVoxels, long truthVoxels,
                          Optional<DistanceStats> adgt, Optional<DistanceStats> adf) {

    /** (ADGT + ADF) / 2 in nm, lower is better; empty when a distance is undefined. */
    public OptionalDouble cremiScore() {
        if (adgt.isEmpty() || adf.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((adgt.get().mean() + adf.get().mean()) / 2);
    }

    /** Why the distances are undefined, as a sentence, or empty when they are defined. */
    public Optional<String> undefinedReason() {
        if (predictedVoxels == 0 && truthVoxels == 0) {
            return Optional.of("Neither the prediction nor the truth has a cleft voxel: the distances are undefined.");
        }
        if (predictedVoxels == 0) {
            return Optional.of("The prediction has no cleft voxel: every true cleft is missed and the distances are undefined.");
        }
        if (truthVoxels == 0) {
            return Optional.of("The truth has no cleft voxel: every predicted voxel is a false positive and the distances are undefined.");
        }
        return Optional.empty();
    }
}
