package org.synapseworkbench.train;

/**
 * One configured loss: which target it compares with which output channels, its factor in the total, the
 * activation applied first (OUTPUT_ACT) and its per-voxel weighting (WEIGHT_OPT).
 *
 * @param target index into TARGET_OPT
 * @param loss index of this loss among the target's losses
 * @param firstChannel first output channel of the target
 * @param channels output channels of the target
 * @param classWeights WeightedCE's class weights, or null
 */
public record LossTerm(int target, int loss, LossKind kind, int firstChannel, int channels, double factor,
        String activation, boolean weighted, double[] classWeights) {

    /** Name shown in logs and TensorBoard, e.g. {@code 0/WeightedBCEWithLogitsLoss}. */
    public String name() {
        return target + "/" + kind.key;
    }
}
