package org.synapseworkbench.train;

import org.synapseworkbench.work.UserException;

/** The loss names of MODEL.LOSS_OPTION that the workbench computes (reference section 5). */
public enum LossKind {
    /** BCE on logits times the per-voxel weight, mean over all elements. */
    WEIGHTED_BCE_WITH_LOGITS("WeightedBCEWithLogitsLoss"),
    /** BCE on probabilities (OUTPUT_ACT sigmoid) times the weight, mean over all elements. */
    WEIGHTED_BCE("WeightedBCE"),
    /** Per sample 1 - (2 sum(p t) + 100) / (sum p + sum t + 100), mean over the batch. */
    DICE("DiceLoss"),
    /** Cross-entropy over channels with class weights, mean over voxels (not normalised by the weights). */
    WEIGHTED_CE("WeightedCE"),
    /** Squared error times the weight, mean over all elements. */
    WEIGHTED_MSE("WeightedMSE");

    public final String key;

    LossKind(String key) {
        this.key = key;
    }

    public static LossKind of(String name) {
        for (LossKind k : values()) {
            if (k.key.equals(name)) {
                return k;
            }
        }
        StringBuilder known = new StringBuilder();
        for (LossKind k : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(k.key);
        }
        throw new UserException("MODEL.LOSS_OPTION names the loss " + name + ", which the workbench does not have; use one of "
                + known + ".");
    }
}
